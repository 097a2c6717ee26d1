import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../platform/clock.js';
import { loadOrCreateKeys } from '../../platform/crypto/key-file.js';
import { openDatabase, type Executor } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrations/index.js';
import { AuditTrail, AuditWriterThread, SERVER_CHAIN } from '../audit-trail/index.js';
import { auditEntries, call, createPractice, createTestApp, login, type Client, type TestApp } from '../../../../test/support/app.js';
import { createTestDatabase, describeEachDialect } from '../../../../test/support/dialects.js';

/** Reads share the commit of their audit entries (group commit); none is answered before its entry is written. */
describeEachDialect('group commit of the audit entries of reads', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t, 'Cabinet des Lilas');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
  });
  after(async () => t.close());

  it('thirty concurrent reads: thirty entries, in fewer commits, the chain intact', async () => {
    const trail = t.services.auditTrail;
    const original = trail.appendMany.bind(trail);
    const transactions = new Set<Executor>();
    trail.appendMany = async (tx, entries) => {
      if (entries.some((e) => e.input.action === 'member.listed')) transactions.add(tx);
      return original(tx, entries);
    };
    try {
      const before = (await auditEntries(t, practiceId)).filter((e) => e.action === 'member.listed').length;
      const answers = await Promise.all(Array.from({ length: 30 }, () => call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: owner })));
      assert.ok(answers.every((r) => r.statusCode === 200));
      const entries = (await auditEntries(t, practiceId)).filter((e) => e.action === 'member.listed');
      assert.equal(entries.length - before, 30);
      assert.ok(transactions.size > 0 && transactions.size < 30, `30 entries in ${transactions.size} commits`);
      const verification = await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail/verification`, { as: owner });
      assert.equal(verification.json().ok, true, verification.body);
    } finally {
      trail.appendMany = original;
    }
  });

  it('a read whose entry cannot be written is not answered', async () => {
    const trail = t.services.auditTrail;
    const original = trail.appendMany.bind(trail);
    trail.appendMany = async (tx, entries) => {
      if (entries.some((e) => e.input.action === 'practice.read')) throw new Error('disk full');
      return original(tx, entries);
    };
    try {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes('Cabinet des Lilas'), 'no data without its audit entry');
    } finally {
      trail.appendMany = original;
    }
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner })).statusCode, 200);
  });

  it('a commit that cannot even begin fails the reads waiting for it, and the next one goes through', async () => {
    const db = t.services.db;
    const original = db.transaction.bind(db);
    let calls = 0;
    // The read's own transaction is the first; the group commit's is the second.
    db.transaction = () => (++calls === 2 ? ({ execute: () => Promise.reject(new Error('database is locked')) } as unknown as ReturnType<typeof original>) : original());
    try {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes('Cabinet des Lilas'), 'no data without its audit entry');
    } finally {
      db.transaction = original;
    }
    assert.equal(calls, 2);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: owner })).statusCode, 200);
  });
});

/** When the writer thread is asked for: reads queueing for the group commit, and commits slow to reach the disk. */
describe('starting the audit writer thread [sqlite]', () => {
  it('is asked for when reads queue on a slow commit, not when commits are quick', async () => {
    const t = await createTestApp('sqlite');
    try {
      const p = await createPractice(t, 'Cabinet des Saules');
      const owner = await login(t, p.ownerEmail);
      let asked = 0;
      const stub = { ready: false, busy: () => void asked++, commit: async () => null, close: async () => undefined };
      const access = t.services.access as unknown as { deps: { writerThread?: unknown; now?: () => number }; commitMs: number };
      access.deps.writerThread = { thread: stub, startAfter: 2, slowCommitMs: 20 };
      const burst = async () => {
        for (let round = 0; round < 4; round++) await Promise.all(Array.from({ length: 10 }, () => call(t, 'GET', `/api/v1/practices/${p.practiceId}/members`, { as: owner })));
      };
      const trail = t.services.auditTrail;
      const original = trail.appendMany.bind(trail);
      const sizes: number[] = [];
      trail.appendMany = async (tx, entries) => {
        sizes.push(entries.length);
        return original(tx, entries);
      };
      await burst();
      assert.match(sizes.map((n) => (n > 1 ? 'Q' : '.')).join(''), /QQ/, 'reads did queue');
      assert.equal(asked, 0, `commits of ${access.commitMs.toFixed(2)} ms: not asked`);
      trail.appendMany = original;
      // A disk slow to flush: each COMMIT seen to take 100 ms (the clock that times it moves 100 ms a reading).
      let ms = 0;
      access.deps.now = () => (ms += 100);
      await burst();
      assert.ok(asked > 0, `commits of ${access.commitMs.toFixed(2)} ms: asked`);
      access.deps.writerThread = undefined;
      access.deps.now = undefined;
    } finally {
      await t.close();
    }
  });
});

/** SQLite under load: the group commit's batches are written by a thread of their own (AuditWriterThread). */
describe('the audit writer thread [sqlite]', () => {
  let t: TestApp;
  let practiceId: string;
  let owner: Client;
  before(async () => {
    t = await createTestApp('sqlite', { auditWriterThread: 'eager' });
    const p = await createPractice(t, 'Cabinet des Tilleuls');
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
  });
  after(async () => t.close());

  const thread = () => (t.services.access as unknown as { deps: { writerThread: { thread: AuditWriterThread } } }).deps.writerThread.thread;
  const members = () => call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: owner });
  const verified = async () => (await call(t, 'GET', `/api/v1/practices/${practiceId}/audit-trail/verification`, { as: owner })).json();

  it('writes the entries of concurrent reads, interleaved with changes on the main connection, the chain intact', async () => {
    await members();
    assert.equal(await thread().whenReady(), true, 'started at the first commit');
    const trail = t.services.auditTrail;
    const original = trail.appendMany.bind(trail);
    let inMainThread = 0;
    trail.appendMany = async (tx, entries) => {
      inMainThread += entries.filter((e) => e.input.action === 'member.listed').length;
      return original(tx, entries);
    };
    try {
      const before = (await auditEntries(t, practiceId)).filter((e) => e.action === 'member.listed').length;
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 10 === 5 ? call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: owner, body: { name: `Cabinet des Tilleuls ${i}` } }) : members())),
      );
      assert.deepEqual([...new Set(answers.map((r) => r.statusCode))], [200], answers.find((r) => r.statusCode !== 200)?.body);
      const entries = await auditEntries(t, practiceId);
      assert.equal(entries.filter((e) => e.action === 'member.listed').length - before, 54);
      assert.equal(entries.filter((e) => e.action === 'practice.updated').length >= 6, true);
      assert.equal(inMainThread, 0, 'every read entry written by the thread');
      assert.deepEqual(entries.map((e) => Number(e.seq)), entries.map((_, i) => i + 1), 'one gapless sequence');
      assert.equal((await verified()).ok, true);
    } finally {
      trail.appendMany = original;
    }
  });

  it('a thread that dies fails the reads of its batch, and the main thread writes the next ones', async () => {
    await members();
    assert.equal(await thread().whenReady(), true);
    const worker = (thread() as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const answers = await Promise.all([members(), members(), worker.terminate().then(() => members()), members()]);
    for (const r of answers) assert.ok(r.statusCode === 200 || (r.statusCode === 500 && !r.body.includes('Tilleuls')), r.body);
    assert.equal(thread().ready, false, 'not restarted at once after a failure');
    assert.equal((await members()).statusCode, 200);
    assert.equal((await verified()).ok, true);
  });
});

describe('the audit writer thread on its own [sqlite]', () => {
  it('starts, commits a batch under the write gate, stops when idle, and closes', async () => {
    const testDb = await createTestDatabase('sqlite');
    const opened = await openDatabase(testDb.target);
    try {
      await migrateToLatest(opened.db, opened.dialect);
      const keys = loadOrCreateKeys(testDb.dataDir);
      const target = testDb.target as { kind: 'sqlite'; file: string };
      const thread = new AuditWriterThread({ file: target.file, keys, checkpointEvery: 2, gate: opened.writeGate!, idleMs: 150 });
      assert.equal(await thread.whenReady(), false, 'not started');
      thread.start();
      assert.equal(await thread.whenReady(), true);
      const entry = (n: number) => ({ input: { practiceId: SERVER_CHAIN, action: 'access.denied' as const, targetType: 'test', details: { n } }, ctx: { actorId: 'system', actorRole: 'none', requestId: null, ip: null } });
      // A write transaction of the main connection holds the gate: the batch waits for it, without blocking the loop.
      let released = false;
      const held = opened.db.transaction().execute(async () => {
        await new Promise((r) => setTimeout(r, 50));
        released = true;
      });
      await new Promise((r) => setImmediate(r));
      const written = await thread.commit(() => [entry(1), entry(2), entry(3)]);
      await held;
      assert.equal(released, true, 'the batch waited for the transaction');
      assert.equal(written?.length, 3);
      const trail = new AuditTrail({ keys, clock: systemClock, checkpointEvery: 2 });
      const check = await trail.verifyChain(opened.db, SERVER_CHAIN);
      assert.equal(check.ok, true, check.problem ?? '');
      assert.equal(check.entries, 3);
      assert.equal(check.checkpoints, 1, 'a signed checkpoint at seq 2');
      // A read-only transaction of the main connection does not wait for the gate.
      const end = await opened.writeGate!.acquire();
      const count = await opened.db.transaction().setAccessMode('read only').execute((tx) => tx.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      end();
      assert.equal(Number(count.n), 3);
      // Kept while the group commit says reads queue, stopped once they no longer do.
      for (let i = 0; i < 8; i++) {
        thread.busy();
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(thread.ready, true, 'kept while busy');
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(thread.ready, false, 'stopped when idle');
      assert.equal(await thread.commit(() => [entry(4)]), null, 'nothing taken once stopped');
      thread.start();
      assert.equal(await thread.whenReady(), true, 'started again');
      await thread.close();
      assert.equal(thread.ready, false);
    } finally {
      await opened.close();
      await testDb.dispose();
    }
  });
});
