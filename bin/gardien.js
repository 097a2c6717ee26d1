#!/usr/bin/env -S MALLOC_TRIM_THRESHOLD_=131072 node --max-semi-space-size=2 --heap-growing-percent=100
// Node options for a server that mostly waits (bench/README.md; they only take effect on the command line, hence here;
// `node bin/gardien.js` works too, without them): --max-semi-space-size=2 stops V8's young generation at 2 × 2 MiB
// instead of 2 × 16 MiB; --heap-growing-percent=100 lets the old generation grow to twice what a collection left
// instead of up to four times. Resident memory idle ~95 → ~80 MB, at the peak of the throughput runs ~173 → ~133 MB,
// for the same requests/s; an import of 100,000 patients takes the same 4.1 s. MALLOC_TRIM_THRESHOLD_ (glibc; other C
// libraries ignore it) fixes at its default of 128 KiB the free memory malloc keeps at the top of its heap: otherwise
// glibc raises it to twice the largest block it has unmapped (the 2.5 MB code cache read at start), and ~4 MB freed
// during start-up stayed resident (idle 83–85 → 79 MB, ~73 MB once V8's memory reducer has run).
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
