import { sql } from 'kysely';
import { type TestApp } from '../../../../test/support/app.js';
import { verifyRangeInWorkers } from './audit-trail.parallel-verify.js';
import { encodedPageSql } from './audit-trail.repository.js';
import { AuditTrail } from './audit-trail.chain.js';

// What the audit-trail tests share: an audit context, ways to append many entries and to verify, with or without workers.

export const ctx = { actorId: 'usr_test', actorRole: 'owner', requestId: 'req', ip: '127.0.0.1' };

/** What an attacker with write access to the database would do first: switch the append-only triggers off. */
export async function disableGuards(t: TestApp): Promise<void> {
  if (t.dialect === 'sqlite') {
    for (const table of ['audit_entries', 'audit_checkpoints']) {
      for (const op of ['update', 'delete'])
        await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_no_${op}`)}`.execute(t.services.db);
    }
  } else {
    await sql`ALTER TABLE audit_entries DISABLE TRIGGER USER`.execute(t.services.db);
    await sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER USER`.execute(t.services.db);
  }
}

export async function appendMany(t: TestApp, practiceId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.services.db
      .transaction()
      .execute((tx) =>
        t.services.auditTrail.append(
          tx,
          { practiceId, action: 'practice.read', targetType: 'practice', targetId: practiceId, details: { i } },
          ctx,
        ),
      );
  }
}

export const verify = (t: TestApp, practiceId: string) => t.services.auditTrail.verifyChain(t.services.db, practiceId);

/** The same trail, but every chain first checked by worker threads (no minimum length). */
export const inWorkers = (t: TestApp) =>
  new AuditTrail({ keys: t.services.keys, clock: t.clock, checkpointEvery: 10, parallelVerifyFrom: 0 });
export const verifyInWorkers = (t: TestApp, practiceId: string) =>
  inWorkers(t).verifyChain(t.services.db, practiceId, t.testDb.target);

/** The workers' check alone, without the exact verification that follows it when they find anything wrong. */
export async function workersFindIntact(t: TestApp, practiceId: string, workers = 3): Promise<boolean> {
  const head = await t.services.db
    .selectFrom('audit_heads')
    .select('last_seq')
    .where('practice_id', '=', practiceId)
    .executeTakeFirstOrThrow();
  const lastSeq = Number(head.last_seq);
  const check = await verifyRangeInWorkers({
    target: t.testDb.target,
    sql: encodedPageSql(t.dialect, 4),
    pageSize: 4,
    practiceId,
    lastSeq,
    keepHashesFor: [],
    workers,
  });
  return check.intact;
}
