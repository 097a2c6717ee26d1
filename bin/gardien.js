#!/usr/bin/env node
// Runs the bundled CLI (dist/gardien.mjs, built by `npm ci` through the prepare script); falls back to the TypeScript
// sources via tsx when it has not been built.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/gardien.mjs', import.meta.url);
process.env.GARDIEN_CLI_MAIN = '1';
if (existsSync(bundled)) {
  await import(bundled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
