import { detailsColumn } from '../../platform/db/codecs.js';
import type { DatabaseTarget } from '../../platform/db/database.js';
import type { AuditEntryResponse, AuditVerification } from '../../../contracts/audit-trail.js';
import type { Actor } from '../../shared/actor.js';
import type { Access } from '../access/index.js';
import type { AuditEntryRow, EntryFilter } from './audit-trail.repository.js';
import type { AuditTrail } from './audit-trail.chain.js';
import { AUDIT_ACTIONS, SERVER_CHAIN } from './audit-trail.catalogue.js';
import type { Executor } from '../../platform/db/database.js';

type Scope = 'practice' | 'sign-ins';
export type ListFilter = EntryFilter & { scope?: Scope };

/**
 * What of the server chain a practice's sign-ins view shows: sign-ins, second factors, sessions, passwords and the
 * refusals of credentials. Never what the person did as a member of another practice (accounts they created there,
 * refusals on its data): the server chain holds those too.
 */
const SIGN_IN_ACTIONS: readonly string[] = [
  ...Object.keys(AUDIT_ACTIONS).filter((a) => a.startsWith('auth.')),
  'request.refused',
];

/**
 * The chain a view reads: the practice's own, or the server chain narrowed to the practice's people while they were
 * members, and to their sign-ins.
 */
async function chainFilter(
  access: Access,
  tx: Executor,
  practiceId: string,
  filter: ListFilter,
): Promise<{ chain: string; filter: EntryFilter }> {
  const { scope, ...rest } = filter;
  if (scope !== 'sign-ins') return { chain: practiceId, filter: rest };
  return {
    chain: SERVER_CHAIN,
    filter: { ...rest, actions: SIGN_IN_ACTIONS, actorPeriods: await access.memberPeriods(tx, practiceId) },
  };
}

/** Exports are capped: past this many entries, narrow the period. */
export const EXPORT_MAX_ROWS = 100_000;

const present = (r: AuditEntryRow): AuditEntryResponse => ({
  seq: r.seq,
  ts: r.ts,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome as AuditEntryResponse['outcome'],
  requestId: r.request_id,
  ip: r.ip,
  details: detailsColumn.read(r.details),
  hash: r.hash,
});

/** Reading and verifying a practice's trail, through the access chokepoint (both are audited in turn). */
export class AuditTrailService {
  /** `target`: where the database is, so that a long chain can be verified by worker threads (AuditTrail.verifyChain). */
  constructor(private readonly deps: { access: Access; auditTrail: AuditTrail; target?: DatabaseTarget }) {}

  async list(
    actor: Actor,
    practiceId: string,
    filter: ListFilter,
  ): Promise<{ items: AuditEntryResponse[]; nextBeforeSeq: number | null }> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'audit.read',
        action: 'audit.listed',
        targetType: 'audit_trail',
        targetId: practiceId,
        readOnly: true,
      },
      async ({ tx, audit }) => {
        const q = await chainFilter(this.deps.access, tx, practiceId, filter);
        const rows = await this.deps.auditTrail.findEntries(tx, q.chain, q.filter);
        audit.details = { count: rows.length, scope: filter.scope ?? 'practice' };
        return {
          items: rows.map(present),
          nextBeforeSeq: rows.length === filter.limit ? (rows.at(-1)?.seq ?? null) : null,
        };
      },
    );
  }

  /** Every entry matching the filter, oldest first, for a CSV export (itself audited). */
  async exportEntries(
    actor: Actor,
    practiceId: string,
    filter: Omit<ListFilter, 'limit' | 'beforeSeq'>,
  ): Promise<AuditEntryResponse[]> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'audit.read', action: 'audit.exported', targetType: 'audit_trail', targetId: practiceId },
      async ({ tx, audit }) => {
        const q = await chainFilter(this.deps.access, tx, practiceId, { ...filter, limit: EXPORT_MAX_ROWS });
        const rows = (await this.deps.auditTrail.findEntries(tx, q.chain, q.filter)).reverse();
        audit.details = {
          count: rows.length,
          filter: Object.keys(filter)
            .filter((k) => filter[k as keyof typeof filter] !== undefined)
            .sort(),
        };
        return rows.map(present);
      },
    );
  }

  async verify(actor: Actor, practiceId: string): Promise<AuditVerification> {
    // Outside a transaction: a long chain takes seconds to verify, and on SQLite a transaction holds the one connection
    // every other request needs. verifyChain takes its own snapshot of the head and checkpoints and reads up to them.
    const useCase = {
      permission: 'audit.verify',
      action: 'audit.verified',
      targetType: 'audit_trail',
      targetId: practiceId,
      readOnly: true,
      withoutTransaction: true,
    } as const;
    return this.deps.access.run(actor, practiceId, useCase, async ({ tx: db, audit }) => {
      const result = await this.deps.auditTrail.verifyChain(db, practiceId, this.deps.target);
      audit.details = { ok: result.ok, entries: result.entries, firstBadSeq: result.firstBadSeq };
      return result;
    });
  }
}
