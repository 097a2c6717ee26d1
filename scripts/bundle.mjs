#!/usr/bin/env node
// Bundles the CLI and server into dist/gardien.mjs: one file loads in about half the time of the ~300 modules it replaces
// (cold start, bench/README.md). Native addons stay outside the bundle.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });
const result = await build({
  metafile: true,
  entryPoints: ['src/cli/main.ts'],
  // dist/gardien.mjs, and a chunk per dynamic import (the password list, the PostgreSQL driver): a chunk is read and
  // compiled only when first used, not at every start.
  outdir: 'dist',
  entryNames: 'gardien',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdfmake (pdfkit) and exceljs read their own data files at run time: loaded from node_modules, on first use.
  external: ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'pdfmake', 'exceljs', 'docx'],
  banner: { js: "import { createRequire as __gardienRequire } from 'node:module'; const require = __gardienRequire(import.meta.url);" },
  sourcemap: true,
  // Whitespace and comments out (5.3 → 3.6 MB to parse at start-up); names kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // Licence comments go to dist/gardien.mjs.LEGAL.txt.
  legalComments: 'external',
  charset: 'ascii',
  logLevel: 'warning',
});

// One character outside ASCII and V8 keeps the whole 3.6 MB source as a two-byte string: about 7 MB more resident for
// the life of the server (bench/README.md, idle RSS). Write such text with \u escapes, or fold it as the import does.
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.mjs'))) {
  const out = readFileSync(file, 'latin1');
  const at = out.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    console.error(`${file} is not ASCII at offset ${at}: …${out.slice(Math.max(0, at - 60), at + 20)}…`);
    process.exit(1);
  }
}
