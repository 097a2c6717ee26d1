#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it:
//   1. type-check (tsc, strict), 2. layer rules (dependency-cruiser),
//   3. every *.test.ts on SQLite and PostgreSQL (node:test; files listed explicitly: Node 20 finds no .ts by itself).
// PostgreSQL: GARDIEN_TEST_PG_URL if set, else a throw-away cluster started here with Debian's initdb.
// In CI (CI=true) a missing PostgreSQL is a failure, never a skip.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const isCI = Boolean(process.env.CI);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title) {
  process.stdout.write(`\n== ${title}\n`);
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stdout.write(`\n${title(cmd, args)} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}
const title = (cmd, args) => [path.basename(cmd), ...args.slice(0, 3)].join(' ');

function findTests(dirs) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (e.name.endsWith('.test.ts')) out.push(path.relative(root, p));
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return out.sort();
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** Starts a throw-away PostgreSQL cluster (as the postgres user when run as root: initdb refuses root). */
async function startPostgres() {
  const pgBin = findPgBin();
  if (!pgBin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-pg-'));
  const isRoot = process.getuid?.() === 0;
  const asPg = (file, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]);
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  const [c1, a1] = asPg(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--data-checksums', '--no-sync']);
  execFileSync(c1, a1, { stdio: 'ignore' });
  // Durability settings stay at their safe defaults (fsync, synchronous_commit, full_page_writes on): Gardien refuses to start otherwise.
  const [c2, a2] = asPg(path.join(pgBin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
  execFileSync(c2, a2, { stdio: 'ignore' });
  const stop = () => {
    const [c3, a3] = asPg(path.join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    try {
      execFileSync(c3, a3, { stdio: 'ignore' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, pgBin, dataDir: data, runDir: dir };
}

const only = process.argv.slice(2);

step('type-check (tsc --strict)');
run(process.execPath, [path.join(root, 'node_modules', 'tsgo', 'bin', 'tsc'), '-p', 'tsconfig.json']);

step('layer rules (dependency-cruiser)');
run(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);

let cluster = null;
const env = { ...process.env };
if (!env.GARDIEN_TEST_PG_URL) {
  step('PostgreSQL: starting a throw-away cluster');
  cluster = await startPostgres();
  if (cluster) {
    env.GARDIEN_TEST_PG_URL = cluster.url;
    env.GARDIEN_TEST_PG_BIN = cluster.pgBin;
    process.stdout.write(`PostgreSQL at ${cluster.url}\n`);
  } else if (isCI) {
    process.stdout.write('No PostgreSQL found (/usr/lib/postgresql/*/bin/initdb) and GARDIEN_TEST_PG_URL unset: CI must run the PostgreSQL suite.\n');
    process.exit(1);
  } else {
    process.stdout.write('\n*** PostgreSQL NOT FOUND: the PostgreSQL half of the suite will be reported as SKIPPED. Install postgresql or set GARDIEN_TEST_PG_URL. ***\n\n');
  }
}

const files = only.length ? only : findTests(['src', 'test']);
step(`tests: ${files.length} files on ${env.GARDIEN_TEST_PG_URL ? 'SQLite and PostgreSQL' : 'SQLite only'}`);
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0))));
if (cluster) cluster.stop();
process.exit(code);
