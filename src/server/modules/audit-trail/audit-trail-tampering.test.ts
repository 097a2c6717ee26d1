import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Executor } from '../../platform/db/database.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { entryFields } from './audit-trail.repository.js';
import { hashEntry } from './audit-trail.rules.js';

import { disableGuards, appendMany, verify, verifyInWorkers, workersFindIntact } from './audit-trail.fixture.js';

describeEachDialect('audit trail: tampering', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect, { checkpointEvery: 10 });
  });
  after(async () => t.close());

  describe('tampering is detected', () => {
    // byCheckpoints: the entries left still form an intact chain up to the head; only the signed checkpoints tell.
    const cases: {
      name: string;
      expected: number;
      byCheckpoints?: true;
      tamper: (db: Executor, p: string) => Promise<void>;
    }[] = [
      {
        name: 'a modified entry',
        expected: 7,
        tamper: async (db, p) =>
          void (await db
            .updateTable('audit_entries')
            .set({ actor_id: 'usr_someone_else' })
            .where('practice_id', '=', p)
            .where('seq', '=', 7)
            .execute()),
      },
      {
        name: 'a modified detail',
        expected: 3,
        tamper: async (db, p) =>
          void (await db
            .updateTable('audit_entries')
            .set({ details: '{"i":99}' })
            .where('practice_id', '=', p)
            .where('seq', '=', 3)
            .execute()),
      },
      {
        // Its own hash made to fit: the next entry, which still names the old hash, is where the chain breaks.
        name: 'a modified entry with its hash recomputed',
        expected: 8,
        tamper: async (db, p) => {
          const r = await db
            .selectFrom('audit_entries')
            .selectAll()
            .where('practice_id', '=', p)
            .where('seq', '=', 7)
            .executeTakeFirstOrThrow();
          const forged = { ...entryFields(r), actorId: 'usr_forger' };
          await db
            .updateTable('audit_entries')
            .set({ actor_id: forged.actorId, hash: hashEntry(forged) })
            .where('practice_id', '=', p)
            .where('seq', '=', 7)
            .execute();
        },
      },
      {
        name: 'a deleted entry',
        expected: 12,
        tamper: async (db, p) =>
          void (await db.deleteFrom('audit_entries').where('practice_id', '=', p).where('seq', '=', 12).execute()),
      },
      {
        // The forged entry links to its predecessor; the first entry that no longer fits is the one pushed after it.
        name: 'an inserted entry (later entries shifted)',
        expected: 10,
        tamper: async (db, p) => {
          const rows = await db
            .selectFrom('audit_entries')
            .selectAll()
            .where('practice_id', '=', p)
            .where('seq', '>=', 9)
            .orderBy('seq', 'desc')
            .execute();
          for (const r of rows)
            await db
              .updateTable('audit_entries')
              .set({ seq: Number(r.seq) + 1 })
              .where('practice_id', '=', p)
              .where('seq', '=', Number(r.seq))
              .execute();
          const prev = rows.at(-1)!;
          const forged = { ...prev, seq: 9, actor_id: 'usr_forger' };
          await db
            .insertInto('audit_entries')
            .values({
              ...forged,
              hash: hashEntry({
                practiceId: p,
                seq: 9,
                ts: forged.ts,
                actorId: forged.actor_id,
                actorRole: forged.actor_role,
                action: forged.action,
                targetType: forged.target_type,
                targetId: forged.target_id,
                outcome: forged.outcome,
                requestId: forged.request_id,
                ip: forged.ip,
                details: forged.details,
                prevHash: forged.prev_hash,
              }),
            })
            .execute();
        },
      },
      {
        name: 'two entries swapped',
        expected: 4,
        tamper: async (db, p) => {
          await db
            .updateTable('audit_entries')
            .set({ seq: -4 })
            .where('practice_id', '=', p)
            .where('seq', '=', 4)
            .execute();
          await db
            .updateTable('audit_entries')
            .set({ seq: 4 })
            .where('practice_id', '=', p)
            .where('seq', '=', 5)
            .execute();
          await db
            .updateTable('audit_entries')
            .set({ seq: 5 })
            .where('practice_id', '=', p)
            .where('seq', '=', -4)
            .execute();
        },
      },
      {
        name: 'the tail truncated behind a checkpoint, head rewritten to match',
        expected: 16,
        byCheckpoints: true,
        tamper: async (db, p) => {
          await db.deleteFrom('audit_entries').where('practice_id', '=', p).where('seq', '>', 15).execute();
          const last = await db
            .selectFrom('audit_entries')
            .select('hash')
            .where('practice_id', '=', p)
            .where('seq', '=', 15)
            .executeTakeFirstOrThrow();
          await db
            .updateTable('audit_heads')
            .set({ last_seq: 15, last_hash: last.hash })
            .where('practice_id', '=', p)
            .execute();
        },
      },
      {
        name: 'a forged checkpoint',
        expected: 10,
        byCheckpoints: true,
        tamper: async (db, p) =>
          void (await db
            .updateTable('audit_checkpoints')
            .set({ signature: Buffer.alloc(64, 7).toString('base64') })
            .where('practice_id', '=', p)
            .where('seq', '=', 10)
            .execute()),
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const practiceId = `prc_tamper_${c.expected}_${c.name.length}xyz`;
        await appendMany(t, practiceId, 22);
        assert.equal((await verify(t, practiceId)).ok, true);
        await disableGuards(t);
        await c.tamper(t.services.db, practiceId);
        const r = await verify(t, practiceId);
        assert.equal(r.ok, false);
        assert.equal(r.firstBadSeq, c.expected, r.problem ?? '');
        // Through worker threads: the same finding, and the workers' own check is what caught a changed entry.
        assert.deepEqual(await verifyInWorkers(t, practiceId), r);
        assert.equal(await workersFindIntact(t, practiceId), c.byCheckpoints === true);
      });
    }
  });
});
