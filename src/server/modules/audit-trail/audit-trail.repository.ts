import type { DialectName, Executor } from '../../platform/db/database.js';
import { precompiled, type Slots } from '../../platform/db/precompiled.js';
import type { AuditCheckpointsTable, AuditEntriesTable } from '../../platform/db/schema.js';
import { ENCODED_FIELDS, ENCODING_TAG, GENESIS_HASH, type ChainedFields } from './audit-trail.rules.js';

export type AuditEntryRow = AuditEntriesTable;
export type AuditCheckpointRow = AuditCheckpointsTable;

/** The row an entry is stored as: its hashed fields and its hash. */
export const entryRow = (f: ChainedFields, hash: string): AuditEntryRow => ({
  practice_id: f.practiceId,
  seq: f.seq,
  ts: f.ts,
  actor_id: f.actorId,
  actor_role: f.actorRole,
  action: f.action,
  target_type: f.targetType,
  target_id: f.targetId,
  outcome: f.outcome,
  request_id: f.requestId,
  ip: f.ip,
  details: f.details,
  prev_hash: f.prevHash,
  hash,
});

/** The fields an entry was hashed over, read back from its row (seq as a number whatever the driver gives). */
export const entryFields = (r: AuditEntryRow): ChainedFields & { hash: string } => ({
  practiceId: r.practice_id,
  seq: Number(r.seq),
  ts: r.ts,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome,
  requestId: r.request_id,
  ip: r.ip,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const claimHead = precompiled((db, p: Slots<'practiceId' | 'count'>) =>
  db
    .updateTable('audit_heads')
    .set((eb) => ({ last_seq: eb('last_seq', '+', p.count) }))
    .where('practice_id', '=', p.practiceId)
    .returning(['last_seq', 'last_hash']),
);
const moveHead = precompiled((db, p: Slots<'practiceId' | 'hash'>) =>
  db.updateTable('audit_heads').set({ last_hash: p.hash }).where('practice_id', '=', p.practiceId),
);

/**
 * Takes the next `count` sequence numbers of a chain: the first of them and the hash before it. The UPDATE locks the
 * head row until the transaction ends, so on PostgreSQL concurrent appends to one practice queue up and the sequence
 * stays gapless; SQLite serialises writers.
 */
export async function claimSeqs(
  tx: Executor,
  practiceId: string,
  count: number,
): Promise<{ firstSeq: number; prevHash: string }> {
  const claim = async () => (await claimHead(tx, { practiceId, count }))[0];
  let row = await claim();
  if (!row) {
    await tx
      .insertInto('audit_heads')
      .values({ practice_id: practiceId, last_seq: 0, last_hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('practice_id').doNothing())
      .execute();
    row = await claim();
  }
  if (!row) throw new Error(`audit head for ${practiceId} could not be claimed`);
  return { firstSeq: Number(row.last_seq) - count + 1, prevHash: row.last_hash };
}

/** Entries of one chain, in order, and the chain's head moved to the last of them. */
export async function insertEntries(tx: Executor, rows: AuditEntryRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  // 500 rows of 14 values stay well under SQLite's and PostgreSQL's limits on bound parameters.
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('audit_entries')
      .values(rows.slice(i, i + 500))
      .execute();
  await moveHead(tx, { practiceId: last.practice_id, hash: last.hash });
}

export async function insertCheckpoint(tx: Executor, row: AuditCheckpointRow): Promise<void> {
  await tx.insertInto('audit_checkpoints').values(row).execute();
}

export interface EntryFilter {
  beforeSeq?: number | undefined;
  limit: number;
  action?: string | undefined;
  /** Only these actions (the sign-ins view: what concerns a person's sign-ins, never their work elsewhere). */
  actions?: readonly string[] | undefined;
  actorId?: string | undefined;
  /**
   * Only entries by one of these people while they were members (the sign-ins of a practice's team, read from the server
   * chain): a practice sees a person's sign-ins from the day they joined it until the day they left, never before or after.
   */
  actorPeriods?: { actorId: string; from: string; to: string | null }[] | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function findEntries(db: Executor, practiceId: string, f: EntryFilter): Promise<AuditEntryRow[]> {
  let q = db.selectFrom('audit_entries').selectAll().where('practice_id', '=', practiceId);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.actions !== undefined) q = q.where('action', 'in', f.actions.length ? [...f.actions] : ['-']);
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.actorPeriods !== undefined) {
    const periods = f.actorPeriods;
    q = periods.length
      ? q.where((eb) =>
          eb.or(
            periods.map((p) =>
              eb.and([
                eb('actor_id', '=', p.actorId),
                eb('ts', '>=', p.from),
                ...(p.to !== null ? [eb('ts', '<=', p.to)] : []),
              ]),
            ),
          ),
        )
      : q.where('actor_id', '=', '-');
  }
  if (f.targetType !== undefined) q = q.where('target_type', '=', f.targetType);
  if (f.targetId !== undefined) q = q.where('target_id', '=', f.targetId);
  if (f.from !== undefined) q = q.where('ts', '>=', f.from);
  if (f.to !== undefined) q = q.where('ts', '<', f.to);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * A chain in seq order, a page at a time (each starts after the last seq of the one before), so verifying a million
 * entries needs little memory; up to `upTo` (every entry when not given).
 */
export async function* streamEntryPages(
  db: Executor,
  practiceId: string,
  pageSize = 5000,
  upTo?: number,
): AsyncGenerator<AuditEntryRow[]> {
  let after = 0;
  for (;;) {
    let q = db.selectFrom('audit_entries').selectAll().where('practice_id', '=', practiceId).where('seq', '>', after);
    if (upTo !== undefined) q = q.where('seq', '<=', upTo);
    const rows = await q.orderBy('seq', 'asc').limit(pageSize).execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

const FIELD_COLUMN = {
  practiceId: 'practice_id',
  seq: 'seq',
  ts: 'ts',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  action: 'action',
  targetType: 'target_type',
  targetId: 'target_id',
  outcome: 'outcome',
  requestId: 'request_id',
  ip: 'ip',
  details: 'details',
  prevHash: 'prev_hash',
} as const satisfies Record<keyof ChainedFields, keyof AuditEntryRow>;

/**
 * One page of a chain as rows [seq, prev_hash, hash, encoding], the encoding of each entry built by the database
 * itself: the JSON array encodeEntry makes, as one string (JSON.stringify, SQLite's json_array and PostgreSQL's
 * to_json escape text the same way). Four values a row instead of fourteen: reading a million entries as JS strings
 * was most of their verification. Parameters: practice id, the seq the page starts after, the last seq wanted.
 */
export function encodedPageSql(dialect: DialectName, pageSize: number): string {
  const columns = ENCODED_FIELDS.map((f) => FIELD_COLUMN[f]);
  const page = (p: [string, string, string]) =>
    `WHERE practice_id = ${p[0]} AND seq > ${p[1]} AND seq <= ${p[2]} ORDER BY seq LIMIT ${Math.trunc(pageSize)}`;
  if (dialect === 'sqlite')
    return `SELECT seq, prev_hash, hash, json_array('${ENCODING_TAG}', ${columns.join(', ')}) FROM audit_entries ${page(['?', '?', '?'])}`;
  const values = columns.map((c) => (c === 'seq' ? 'seq::text' : `coalesce(to_json(${c})::text, 'null')`));
  return `SELECT seq, prev_hash, hash, '["${ENCODING_TAG}",' || ${values.join(" || ',' || ")} || ']' FROM audit_entries ${page(['$1', '$2', '$3'])}`;
}

export async function maxSeq(db: Executor, practiceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? null : Number(row.m);
}

export async function findCheckpoints(db: Executor, practiceId: string): Promise<AuditCheckpointRow[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('seq', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function hasCheckpoint(db: Executor, practiceId: string, seq: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .select('seq')
    .where('practice_id', '=', practiceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row !== undefined;
}

export async function getHead(
  db: Executor,
  practiceId: string,
): Promise<{ lastSeq: number; lastHash: string } | undefined> {
  const row = await db
    .selectFrom('audit_heads')
    .select(['last_seq', 'last_hash'])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ? { lastSeq: Number(row.last_seq), lastHash: row.last_hash } : undefined;
}

/** Every chain that exists: practices with entries, the server chain, and practices that should have one. */
export async function findChainIds(db: Executor): Promise<string[]> {
  const [heads, entries, practices] = await Promise.all([
    db.selectFrom('audit_heads').select('practice_id').execute(),
    db.selectFrom('audit_entries').select('practice_id').distinct().execute(),
    db.selectFrom('practices').select('id').execute(),
  ]);
  return [
    ...new Set([
      ...heads.map((h) => h.practice_id),
      ...entries.map((e) => e.practice_id),
      ...practices.map((p) => p.id),
    ]),
  ].sort();
}
