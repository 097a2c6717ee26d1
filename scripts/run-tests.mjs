#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it:
//   1. type-check (tsc, strict), 2. lint (ESLint), 3. layer rules (dependency-cruiser),
//   3. every *.test.ts on SQLite and PostgreSQL (node:test; files listed explicitly: Node 20 finds no .ts by itself).
// PostgreSQL: GARDIEN_TEST_PG_URL if set, else a throw-away cluster started here with Debian's initdb.
// In CI (CI=true) a missing PostgreSQL is a failure, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import { startCluster } from './pg-cluster.mjs';
import fs from 'node:fs';
import path from 'node:path';

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

const only = process.argv.slice(2);

step('type-check (tsc --strict): server, CLI, tests; then the web app');
run(process.execPath, [path.join(root, 'node_modules', 'tsgo', 'bin', 'tsc'), '-p', 'tsconfig.json']);
run(process.execPath, [path.join(root, 'node_modules', 'tsgo', 'bin', 'tsc'), '-p', 'src/web/tsconfig.json']);

step('lint (ESLint, typescript-eslint)');
run(bin('eslint'), ['.', '--max-warnings', '0']);

step('layer rules (dependency-cruiser)');
run(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);

step('build (server bundle and web app), once: the crash and browser tests run the production build');
run('npm', ['run', 'build', '--silent']);

let cluster = null;
const env = { ...process.env, GARDIEN_TEST_BUILT: '1' };
if (!env.GARDIEN_TEST_PG_URL) {
  step('PostgreSQL: starting a throw-away cluster');
  cluster = await startCluster();
  if (cluster) {
    env.GARDIEN_TEST_PG_URL = cluster.url;
    process.stdout.write(`PostgreSQL at ${cluster.url}\n`);
  } else if (isCI) {
    process.stdout.write('No PostgreSQL found (/usr/lib/postgresql/*/bin/initdb) and GARDIEN_TEST_PG_URL unset: CI must run the PostgreSQL suite.\n');
    process.exit(1);
  } else {
    process.stdout.write('\n*** PostgreSQL NOT FOUND: the PostgreSQL half of the suite will be reported as SKIPPED. Install postgresql or set GARDIEN_TEST_PG_URL. ***\n\n');
  }
}

const files = only.length ? only : findTests(['src', 'test', 'e2e']);
step(`tests: ${files.length} files on ${env.GARDIEN_TEST_PG_URL ? 'SQLite and PostgreSQL' : 'SQLite only'}`);
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0))));
if (cluster) cluster.stop();
process.exit(code);
