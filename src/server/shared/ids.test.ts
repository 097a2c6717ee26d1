import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { ID_PATTERN, idTimePart, newId } from './ids.js';

it('gives URL-safe ids that never repeat, across many refills of the random pool', () => {
  const ids = Array.from({ length: 10_000 }, () => newId('pat'));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, ID_PATTERN);
    assert.equal(id.length, 'pat_'.length + 8 + 16, 'eight characters of time, sixteen of 96 random bits');
  }
});

it('writes the time part so that it sorts as text in time order', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer({ min: 0, max: 2 ** 48 - 1 }), (a, b) => {
      const [ta, tb] = [idTimePart(a), idTimePart(b)];
      assert.equal(ta.length, 8);
      assert.equal(Math.sign(a - b), ta < tb ? -1 : ta > tb ? 1 : 0);
    }),
    { seed: 20261129, numRuns: 2000 },
  );
  assert.ok(newId('pat').slice(4, 12) >= idTimePart(Date.now() - 1));
});
