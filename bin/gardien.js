#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script); falls back to the TypeScript sources via tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
process.env.GARDIEN_CLI_MAIN = '1';
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
