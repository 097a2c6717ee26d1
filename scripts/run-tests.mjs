#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it:
//   1. type-check (tsc, strict), 2. format (Prettier), 3. lint (ESLint), 4. layer rules (dependency-cruiser),
//   5. every *.test.ts on SQLite and PostgreSQL (node:test; files listed explicitly: Node 20 finds no .ts by itself).
// What it needs beyond npm ci: Chromium (the browser journeys) and PostgreSQL (the second database). As root on Debian it
// installs them itself with apt-get, saying so first; elsewhere it stops with the one command to run. Nothing is skipped.
// PostgreSQL: GARDIEN_TEST_PG_URL if set, else a throw-away cluster started here with Debian's initdb.
import { spawn, spawnSync } from 'node:child_process';
import { findPgBin, startCluster } from './pg-cluster.mjs';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
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
/** A command whose output is shown only when it fails (apt-get's page of unpacking lines says nothing useful). */
function quietly(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status === 0) return;
  process.stdout.write(
    `${r.stdout ?? ''}${r.stderr ?? ''}\n${title(cmd, args)} failed (exit ${r.status ?? r.signal})\n`,
  );
  process.exit(r.status || 1);
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
const files = only.length ? only : findTests(['src', 'test', 'e2e']);

step('what the suite needs beyond npm ci: Chromium (browser journeys), PostgreSQL (second database)');
provide(missingPackages(files));

/** The Debian packages the chosen test files need and this machine lacks. */
function missingPackages(testFiles) {
  const chromium = process.env.GARDIEN_CHROMIUM ?? '/usr/bin/chromium';
  const missing = [];
  if (testFiles.some((f) => f.startsWith('e2e')) && !fs.existsSync(chromium)) missing.push('chromium');
  if (!process.env.GARDIEN_TEST_PG_URL && !findPgBin()) missing.push('postgresql');
  return missing;
}

/** Installs them with apt-get as root on Debian (one line says so first); otherwise one line names the command, and the run stops. */
function provide(missing) {
  if (!missing.length) return process.stdout.write('all there\n');
  const canInstall =
    process.getuid?.() === 0 && fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    process.stdout.write(
      `Missing ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` (or set ${missing.map((m) => (m === 'chromium' ? 'GARDIEN_CHROMIUM' : 'GARDIEN_TEST_PG_URL')).join(' / ')}), then npm test again.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `Installing ${missing.join(' and ')} with apt-get (about a minute, once): apt-get update && apt-get install -y ${missing.join(' ')}\n`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  quietly('apt-get', ['update', '-qq'], env);
  if (missing.includes('postgresql'))
    quietly('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], env);
  // Chromium with its recommended packages: the fonts the pages are drawn (and screenshot) with.
  if (missing.includes('chromium')) quietly('apt-get', ['install', '-y', '-qq', 'chromium'], env);
  const still = missingPackages(files);
  if (still.length) {
    process.stdout.write(`apt-get ran, yet ${still.join(' and ')} cannot be found: see its output above.\n`);
    process.exit(1);
  }
}

step('type-check (tsc --strict): server, CLI, tests; then the web app');
run(process.execPath, [path.join(root, 'node_modules', 'tsgo', 'bin', 'tsc'), '-p', 'tsconfig.json']);
run(process.execPath, [path.join(root, 'node_modules', 'tsgo', 'bin', 'tsc'), '-p', 'src/web/tsconfig.json']);

step('format (Prettier, 120 columns)');
run(bin('prettier'), ['--check', '--log-level', 'warn', '.']);

step('lint (ESLint, type-aware typescript-eslint, react-hooks, max-lines 400)');
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
  } else {
    process.stdout.write(
      'PostgreSQL could not be started (/usr/lib/postgresql/*/bin/initdb): the PostgreSQL half of the suite is never skipped.\n',
    );
    process.exit(1);
  }
}

step(`tests: ${files.length} files on ${env.GARDIEN_TEST_PG_URL ? 'SQLite and PostgreSQL' : 'SQLite only'}`);
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0))));
if (cluster) cluster.stop();
process.exit(code);
