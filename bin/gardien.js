#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size=2: V8's young generation stops at 2 × 2 MiB instead of growing to 2 × 16 MiB: resident memory
// idle ~95 → ~80 MB and under load ~150 → ~130 MB for the same throughput (bench/README.md). It only takes effect on
// the command line, hence here; `node bin/gardien.js` works too, without it.
// Runs the bundled CLI (dist/gardien.cjs, built by `npm ci` through the prepare script) from its V8 code cache
// (src/cli/compile-cache.ts; GARDIEN_COMPILE_CACHE=off compiles it anew); falls back to the TypeScript sources via tsx
// when it has not been built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/gardien.cjs', import.meta.url));
process.env.GARDIEN_CLI_MAIN = '1';
if (existsSync(bundle)) {
  const { loadBundle } = await import('../dist/cli/compile-cache.js');
  loadBundle(bundle, { enabled: process.env.GARDIEN_COMPILE_CACHE !== 'off' });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
