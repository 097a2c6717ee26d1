import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { ERROR_MESSAGES, ISSUE_MESSAGES } from '../src/server/platform/http/messages.js';
import { ERROR_STATUS } from '../src/server/shared/app-error.js';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every issue code the server can answer with, as written in its sources: `code: '…'`, conflict(…, '…'), validationError(…, '…'). */
function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\bcode: '([a-z0-9_]+)'/g,
    /\bconflict\([^,()]+, '([a-z0-9_]+)'/g,
    /\bvalidationError\([^,()]+, '([a-z0-9_]+)'/g,
  ];
  for (const file of [...sources(path.join(root, 'src/server')), ...sources(path.join(root, 'src/contracts'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of patterns)
      for (const m of text.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, path.relative(root, file));
  }
  return found;
}

it('gives every issue code the server can emit a message in French and in English (no raw code reaches the screen)', () => {
  const codes = emittedCodes();
  assert.ok(codes.size > 80, `only ${codes.size} codes found: the scan is broken`);
  const missing = [...codes]
    .filter(([code]) => !ISSUE_MESSAGES[code]?.fr || !ISSUE_MESSAGES[code]?.en)
    .map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(missing, []);
  // A message starts with the words, not a placeholder, and both languages carry the same {placeholders}.
  for (const [code, m] of Object.entries(ISSUE_MESSAGES)) {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    assert.deepEqual(holes(m.fr), holes(m.en), code);
  }
});

it('gives every error code a message in both languages', () => {
  for (const code of Object.keys(ERROR_STATUS)) assert.ok(ERROR_MESSAGES[code]?.fr && ERROR_MESSAGES[code]?.en, code);
});
