#!/usr/bin/env node
// Bundles the CLI and server into dist/gardien.cjs, then starts it once so that it leaves its V8 code cache beside it
// (src/cli/compile-cache.ts): one file loads in about half the time of the ~300 modules it replaces, and from its code
// cache in about a third of the time again (cold start, bench/README.md). Native addons stay outside the bundle.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const out = 'dist/gardien.cjs';
for (const old of [
  'dist/chunks',
  'dist/gardien.mjs',
  'dist/gardien.mjs.map',
  'dist/gardien.mjs.LEGAL.txt',
  `${out}.cache`,
])
  fs.rmSync(old, { recursive: true, force: true });
const result = await build({
  metafile: true,
  // The chain verification's worker threads load their own small bundle, dist/verify-worker.cjs, not the whole CLI.
  entryPoints: {
    gardien: 'src/cli/main.ts',
    'verify-worker': 'src/server/modules/audit-trail/audit-trail.verify-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  // CommonJS, not ESM: Node 20 can run a script from a V8 code cache (vm.Script) but has no such way for an ES module.
  format: 'cjs',
  target: 'node20',
  // pdfmake (pdfkit) and exceljs read their own data files at run time: loaded from node_modules, on first use. The
  // PostgreSQL driver, the common-password list and zxcvbn are required when first used, so a start compiles neither.
  external: [
    'better-sqlite3',
    'better-sqlite3-13',
    '@node-rs/argon2',
    'pg-native',
    'pdfmake',
    'exceljs',
    'docx',
    'pg',
    '@zxcvbn-ts/language-common',
    '@zxcvbn-ts/core',
  ],
  define: { 'import.meta.url': '__gardienModuleUrl' },
  banner: { js: "const __gardienModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  // Whitespace and comments out (5.3 → 3.1 MB to parse); names kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Licence comments go to dist/gardien.cjs.LEGAL.txt.
  legalComments: 'external',
  charset: 'ascii',
  logLevel: 'warning',
});

// One character outside ASCII and V8 keeps the whole 3 MB source as a two-byte string: about 7 MB more resident for
// the life of the server (bench/README.md, idle RSS). Write such text with \u escapes, or fold it as the import does.
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.cjs'))) {
  const text = fs.readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    console.error(`${file} is not ASCII at offset ${at}: …${text.slice(Math.max(0, at - 60), at + 20)}…`);
    process.exit(1);
  }
  // Node 20 loses import()'s callback in a script run from a code cache: load with require (createRequire) instead.
  const dyn = /[^\w$.]import\(/.exec(text);
  if (dyn) {
    console.error(
      `${file} has an import() at offset ${dyn.index}: …${text.slice(Math.max(0, dyn.index - 60), dyn.index + 40)}…`,
    );
    process.exit(1);
  }
}

// The code cache: a server started on an empty data directory answers its health check and stops; its process writes
// the cache of everything compiled by then at exit. Started through the shebang: V8 refuses a cache made under other
// flags (--max-semi-space-size included), so it is made as `npx gardien` runs. Without it the first start writes it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-build-'));
try {
  const child = spawn('bin/gardien.js', ['serve', '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, GARDIEN_LOG_LEVEL: 'warn', GARDIEN_BACKUP_DIR: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Listened for from the start: a child ended by a signal keeps exitCode null, and an 'exit' already fired is never
  // fired again (Node 24 then ends this script with code 13, a top-level await that never settles).
  const exited = new Promise((r) => child.once('exit', r));
  let stderr = '';
  const url = await new Promise((resolve) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    void exited.then(() => resolve(null));
  });
  if (url) await fetch(`${url}/api/health`).catch(() => undefined);
  child.kill('SIGTERM');
  await exited;
  if (!fs.existsSync(`${out}.cache`))
    console.warn(`warning: no code cache was written beside ${out} (the server compiles at each start)\n${stderr}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
