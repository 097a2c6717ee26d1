import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { classifyDbError } from '../../platform/db/errors.js';
import type { Executor } from '../../platform/db/database.js';
import { cliActor } from '../../shared/actor.js';
import { call, createPractice, createTestApp, login, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import fc from 'fast-check';

import {
  ctx,
  disableGuards,
  appendMany,
  verify,
  inWorkers,
  verifyInWorkers,
  workersFindIntact,
} from './audit-trail.fixture.js';

describeEachDialect('audit trail', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect, { checkpointEvery: 10 });
  });
  after(async () => t.close());

  it('keeps a gapless sequence per practice under concurrent appends, and verifies', async () => {
    const practiceId = 'prc_concurrent0001';
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.services.db
          .transaction()
          .execute((tx) =>
            t.services.auditTrail.append(
              tx,
              { practiceId, action: 'practice.read', targetType: 'practice', details: { i } },
              ctx,
            ),
          ),
      ),
    );
    const seqs = (
      await t.services.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('practice_id', '=', practiceId)
        .orderBy('seq')
        .execute()
    ).map((r) => Number(r.seq));
    assert.deepEqual(
      seqs,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const r = await verify(t, practiceId);
    assert.equal(r.ok, true);
    assert.equal(r.checkpoints, 4); // every 10 entries, signed
  });

  it('appends a batch across two chains as if one by one: each chain gapless and in the order given, checkpoints at their seq', async () => {
    const [a, b] = ['prc_batch00000001', 'prc_batch00000002'];
    await appendMany(t, a, 7);
    const batch = Array.from({ length: 25 }, (_, i) => ({
      input: {
        practiceId: i % 3 === 0 ? b : a,
        action: 'practice.read' as const,
        targetType: 'practice',
        details: { i },
      },
      ctx,
    }));
    const done = await t.services.db.transaction().execute((tx) => t.services.auditTrail.appendMany(tx, batch));
    assert.deepEqual(
      done.filter((_, i) => i % 3 !== 0).map((d) => d.seq),
      Array.from({ length: 16 }, (_, i) => i + 8),
    );
    assert.deepEqual(
      done.filter((_, i) => i % 3 === 0).map((d) => d.seq),
      Array.from({ length: 9 }, (_, i) => i + 1),
    );
    const details = (
      await t.services.db
        .selectFrom('audit_entries')
        .select('details')
        .where('practice_id', '=', a)
        .where('seq', '>', 7)
        .orderBy('seq')
        .execute()
    ).map((r) => JSON.parse(r.details).i);
    assert.deepEqual(
      details,
      batch.map((e, i) => (e.input.practiceId === a ? i : -1)).filter((i) => i >= 0),
    );
    for (const [chain, entries, checkpoints] of [
      [a, 23, 2],
      [b, 9, 0],
    ] as const) {
      const r = await verify(t, chain);
      assert.deepEqual([r.ok, r.entries, r.checkpoints], [true, entries, checkpoints], chain);
    }
    // The next single append follows the batch.
    await appendMany(t, a, 1);
    assert.equal((await verify(t, a)).entries, 24);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const practiceId = 'prc_rollback00001';
    await assert.rejects(
      t.services.db.transaction().execute(async (tx) => {
        await t.services.auditTrail.append(tx, { practiceId, action: 'practice.read', targetType: 'practice' }, ctx);
        throw new Error('business step failed');
      }),
    );
    const r = await verify(t, practiceId);
    assert.equal(r.entries, 0);
    assert.equal(r.ok, true);
  });

  it('refuses UPDATE and DELETE of entries and checkpoints at the database level', async () => {
    await appendMany(t, 'prc_guarded000001', 10);
    const attempts: ((db: Executor) => Promise<unknown>)[] = [
      (db) =>
        db.updateTable('audit_entries').set({ actor_id: 'x' }).where('practice_id', '=', 'prc_guarded000001').execute(),
      (db) => db.deleteFrom('audit_entries').where('practice_id', '=', 'prc_guarded000001').execute(),
      (db) => db.updateTable('audit_checkpoints').set({ hash: 'x' }).execute(),
      (db) => db.deleteFrom('audit_checkpoints').execute(),
    ];
    if (dialect === 'postgres') attempts.push((db) => sql`TRUNCATE audit_entries`.execute(db));
    for (const attempt of attempts) {
      const error = await attempt(t.services.db).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error, 'the statement must fail');
      assert.equal(classifyDbError(error), 'append_only_violation');
    }
    assert.equal((await verify(t, 'prc_guarded000001')).ok, true);
  });

  it('verifies outside a transaction while entries are appended: up to the head it read, nothing reported', async () => {
    const practiceId = `prc_concurrent_${dialect}`;
    await appendMany(t, practiceId, 15);
    // On SQLite's one connection, the appends queue behind the verification's snapshot and land before its entries
    // are read; the verification must still stop at the head of its snapshot.
    const [r] = await Promise.all([verify(t, practiceId), appendMany(t, practiceId, 5)]);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.ok(r.entries >= 15 && r.entries <= 20, String(r.entries));
    const after = await verify(t, practiceId);
    assert.equal(after.ok, true);
    assert.equal(after.entries, 20);
  });

  it('verifies a clean trail after a restart (values read back identically)', async () => {
    const { practiceId } = await t.services.practices.createPractice(cliActor(), {
      name: 'Cabinet Restart',
      owner: { email: `restart.${dialect}@example.fr`, name: 'Jean Dupont', password: 'Sel-de-Guérande-42-Brioche!' },
    });
    await appendMany(t, practiceId, 12);
    await t.restart();
    const r = await verify(t, practiceId);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(r.entries, 15);
    const all = await t.services.auditTrail.verifyAll(t.services.db);
    assert.ok(
      all.every((c) => c.ok),
      JSON.stringify(all.filter((c) => !c.ok)),
    );
  });

  describe('verified by worker threads', () => {
    it("accepts a clean chain on the workers' check alone, with the same result as entry by entry", async () => {
      const practiceId = `prc_workers_clean_${dialect}`;
      await appendMany(t, practiceId, 23);
      for (const workers of [1, 2, 5])
        assert.equal(await workersFindIntact(t, practiceId, workers), true, `${workers} workers`);
      const exact = await verify(t, practiceId);
      assert.equal(exact.ok, true, exact.problem ?? '');
      assert.deepEqual(await verifyInWorkers(t, practiceId), exact);
    });

    it('builds in the database the very encoding the entry was hashed over, whatever the text (fast-check, fixed seed)', async () => {
      const practiceId = `prc_workers_text_${dialect}`;
      // Any code point, control characters, quotes, backslashes, JSON-looking text, and the separators of the encoding.
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(
          '"',
          '\\',
          '\\"',
          '\u2028\u2029',
          '["x",1]',
          '{"a":null}',
          ',',
          '\u007f\u0080',
          'null',
          '\ud800',
          'a\udfffb',
        ),
      );
      const seed = 20261129;
      const samples = fc.sample(
        fc.tuple(
          text,
          text,
          text,
          fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
        ),
        { seed, numRuns: 120 },
      );
      for (const [targetId, requestId, ip, details] of samples) {
        // Lone surrogates included (stored as U+FFFD: the entry is hashed over that form); not NUL, which PostgreSQL
        // text refuses (and SQLite keeps).
        const clean = (v: string) => (dialect === 'postgres' ? v.replaceAll('\0', '') : v);
        await t.services.db.transaction().execute((tx) =>
          t.services.auditTrail.append(
            tx,
            {
              practiceId,
              action: 'practice.read',
              targetType: 'practice',
              targetId: clean(targetId),
              details: Object.fromEntries(
                Object.entries(details).map(([k, v]) => [clean(k), typeof v === 'string' ? clean(v) : v]),
              ),
            },
            { ...ctx, requestId: clean(requestId), ip: clean(ip) },
          ),
        );
      }
      assert.equal((await verify(t, practiceId)).ok, true);
      assert.equal(await workersFindIntact(t, practiceId), true, `seed ${seed}`);
    });

    it('through the verification route, outside a transaction: intact by the workers, then the tampered entry named', async () => {
      const w = await createTestApp(dialect, { checkpointEvery: 10, parallelVerifyFrom: 0 });
      try {
        const p = await createPractice(w, 'Cabinet des Workers');
        const owner = await login(w, p.ownerEmail);
        for (let i = 0; i < 12; i++)
          assert.equal(
            (await call(w, 'GET', `/api/v1/practices/${p.practiceId}/members`, { as: owner })).statusCode,
            200,
          );
        // What the workers concluded, each time the route asked them.
        const trail = w.services.auditTrail as unknown as { checkInWorkers: (...a: unknown[]) => Promise<boolean> };
        const original = trail.checkInWorkers.bind(trail);
        const concluded: boolean[] = [];
        trail.checkInWorkers = async (...a) => {
          const r = await original(...a);
          concluded.push(r);
          return r;
        };
        // And whether the route held a transaction meanwhile (on SQLite, the connection every other request needs).
        const verifyChain = w.services.auditTrail.verifyChain.bind(w.services.auditTrail);
        const inTransaction: boolean[] = [];
        w.services.auditTrail.verifyChain = (db, ...rest) => {
          inTransaction.push(db.isTransaction);
          return verifyChain(db, ...rest);
        };
        const url = `/api/v1/practices/${p.practiceId}/audit-trail/verification`;
        const clean = await call(w, 'GET', url, { as: owner });
        assert.equal(clean.json().ok, true, clean.body);
        assert.deepEqual(concluded, [true], 'the route had the workers check the chain, and they accepted it');
        assert.deepEqual(inTransaction, [false], 'verified outside a transaction');
        await disableGuards(w);
        await w.services.db
          .updateTable('audit_entries')
          .set({ outcome: 'denied' })
          .where('practice_id', '=', p.practiceId)
          .where('seq', '=', 6)
          .execute();
        const tampered = await call(w, 'GET', url, { as: owner });
        assert.equal(tampered.json().ok, false, tampered.body);
        assert.equal(tampered.json().firstBadSeq, 6, tampered.body);
        assert.deepEqual(concluded, [true, false]);
      } finally {
        await w.close();
      }
    });

    it('falls back to the entry-by-entry check when the workers cannot read the database', async () => {
      const practiceId = `prc_workers_unreachable_${dialect}`;
      await appendMany(t, practiceId, 5);
      const nowhere =
        t.dialect === 'sqlite'
          ? { kind: 'sqlite' as const, file: `${t.testDb.dataDir}/missing.db` }
          : { kind: 'postgres' as const, url: 'postgres://nobody@127.0.0.1:1/none' };
      const r = await inWorkers(t).verifyChain(t.services.db, practiceId, nowhere);
      assert.deepEqual(r, await verify(t, practiceId));
      assert.equal(r.ok, true);
    });
  });
});
