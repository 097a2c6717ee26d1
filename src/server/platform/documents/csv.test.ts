import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { neutraliseCell, toCsv } from './csv.js';

describe('CSV export', () => {
  let rowsChecked = 0;
  it('neutralises every cell that starts with = + - @, tab, CR or NUL, and round-trips all the others (10,000 rows)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(
              fc.string({ unit: 'grapheme' }),
              fc.constantFrom('=SUM(A1)', '+33 6', '-2', '@x', '\tx', '\rx', '\0x', 'a;b', 'a"b', 'a\r\nb'),
            ),
            { minLength: 3, maxLength: 3 },
          ),
          { minLength: 25, maxLength: 50 },
        ),
        (rows) => {
          rowsChecked += rows.length;
          const csv = toCsv(['a', 'b', 'c'], rows);
          assert.ok(csv.startsWith('\uFEFF'));
          const parsed = parse(csv.slice(1), { delimiter: ';', relax_column_count: false }) as string[][];
          assert.deepEqual(parsed[0], ['a', 'b', 'c']);
          parsed.slice(1).forEach((row, i) =>
            row.forEach((cell, j) => {
              const original = rows[i]![j]!;
              assert.ok(!/^[=+\-@\t\r\0]/.test(cell), `cell ${JSON.stringify(cell)} is live`);
              assert.equal(cell, /^[=+\-@\t\r\0]/.test(original) ? `'${original}` : original);
            }),
          );
        },
      ),
      { seed: 1202, numRuns: 400 },
    );
    assert.ok(rowsChecked >= 10_000, `${rowsChecked} rows`);
  });
  it('writes null as empty and objects as JSON', () => {
    assert.equal(neutraliseCell(null), '');
    assert.equal(neutraliseCell({ a: 1 }), '{"a":1}');
    assert.equal(neutraliseCell(-3), "'-3");
  });
});
