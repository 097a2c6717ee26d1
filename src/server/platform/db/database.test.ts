import assert from 'node:assert/strict';
import { it } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './database.js';

it('keeps a compiled statement per query text, never hands out one being iterated, and keeps no long multi-row text', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (x integer)');
  const db = withStatementCache(sqlite);
  const insert = db.prepare('insert into t values (?)');
  for (let i = 0; i < 3; i++) assert.equal(db.prepare('insert into t values (?)'), insert, 'the same text, the same statement');
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
  const long = `select x from t where x in (${Array.from({ length: 2000 }, (_, i) => i).join(',')})`;
  assert.notEqual(db.prepare(long), db.prepare(long), 'long texts are not kept');
  db.close();
});
