import assert from 'node:assert/strict';
import { it } from 'node:test';
import { withStatementCache } from './database.js';
import { sqliteDriver } from './sqlite-driver.js';

it('keeps a compiled statement per query text, never hands out one being iterated, and drops the least recently used past its bounds', () => {
  const SQLite = sqliteDriver();
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (x integer)');
  const db = withStatementCache(sqlite);
  const insert = db.prepare('insert into t values (?)');
  for (let i = 0; i < 3; i++)
    assert.equal(db.prepare('insert into t values (?)'), insert, 'the same text, the same statement');
  insert.run(1);
  insert.run(2);
  const select = db.prepare('select x from t order by x');
  const rows = select.iterate();
  assert.equal(rows.next().value.x, 1);
  const second = db.prepare('select x from t order by x');
  assert.notEqual(second, select, 'a statement still iterating is not reused');
  assert.deepEqual(second.all(), [{ x: 1 }, { x: 2 }]);
  assert.equal(rows.next().value.x, 2, 'the first iteration goes on undisturbed');
  rows.return?.();
  assert.equal(db.prepare('select x from t order by x'), select, 'once done, the kept statement serves again');
  const long = `select x from t where x in (${Array.from({ length: 60_000 }, (_, i) => i).join(',')})`;
  assert.notEqual(db.prepare(long), db.prepare(long), 'texts over 256 kB are not kept');
  const insertOf = (n: number) => `insert into t values ${Array.from({ length: n }, () => '(?)').join(', ')}`;
  assert.equal(db.prepare(insertOf(1000)), db.prepare(insertOf(1000)), 'a multi-row insert is kept');
  // Past 4 MB of kept text (80 texts of 60 kB), the least recently used go first.
  const big = Array.from(
    { length: 80 },
    (_, i) => `select x from t where x in (${Array.from({ length: 20_000 }, () => i + 10).join(',')})`,
  );
  const first = db.prepare(big[0]!);
  for (const q of big.slice(1)) db.prepare(q);
  assert.notEqual(db.prepare(big[0]!), first, 'the oldest was dropped');
  assert.equal(db.prepare(big.at(-1)!), db.prepare(big.at(-1)!));
  db.close();
});
