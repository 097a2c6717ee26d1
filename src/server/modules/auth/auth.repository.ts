import { sql, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { precompiled, type Slots } from '../../platform/db/precompiled.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../../platform/db/schema.js';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Executor, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Counts a failed attempt atomically, so concurrent guesses cannot share one count. */
export async function incrementFailedLogins(db: Executor, id: string, now: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

/** Claims a TOTP time step: succeeds once per step, so a code cannot be replayed, even by two requests at once. */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function activePracticeDelays(
  db: Executor,
  userId: string,
): Promise<{ practiceId: string; practiceName: string; role: string; idleLockMinutes: number }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('practices', 'practices.id', 'memberships.practice_id')
    .select(['practices.id', 'practices.name', 'memberships.role', 'practices.idle_lock_minutes'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.ended_at', 'is', null)
    .orderBy('practices.name')
    .execute();
  return rows.map((r) => ({
    practiceId: r.id,
    practiceName: r.name,
    role: r.role,
    idleLockMinutes: Number(r.idle_lock_minutes),
  }));
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Every column of users, checked complete by the compiler: a column added later cannot go missing from a joined row. */
const USER_COLUMNS = Object.keys({
  id: true,
  email: true,
  name: true,
  password_hash: true,
  password_changed_at: true,
  must_change_password: true,
  totp_secret: true,
  totp_pending_secret: true,
  totp_last_step: true,
  is_disabled: true,
  disabled_at: true,
  failed_logins: true,
  locked_until: true,
  language: true,
  preferred_practice_id: true,
  created_at: true,
  updated_at: true,
} satisfies Record<keyof UsersTable, true>) as (keyof UsersTable)[];
const USER_PREFIX = 'user__';
/** The users columns under a prefix, built once, selected beside a session's or a token's own columns. */
const USER_SELECTION = USER_COLUMNS.map((c) => sql.ref(`users.${c}`).as(`${USER_PREFIX}${c}`));
const USER_COLUMN_OF = new Map<string, keyof UsersTable>(USER_COLUMNS.map((c) => [`${USER_PREFIX}${c}`, c]));

/** A row joined with users, split back into the table's own row and the person. */
function splitPerson<T>(row: object): { own: T; user: UserRow } {
  const own: Record<string, unknown> = {};
  const user: Record<string, unknown> = {};
  for (const key in row) {
    const value = (row as Record<string, unknown>)[key];
    // A lookup, not startsWith and slice: the cut names were new strings at every request (a profile showed it).
    const column = USER_COLUMN_OF.get(key);
    if (column !== undefined) user[column] = value;
    else own[key] = value;
  }
  return { own: own as T, user: user as UserRow };
}

const sessionWithUser = precompiled((db, p: Slots<'tokenHash'>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(USER_SELECTION)
    .where('sessions.token_hash', '=', p.tokenHash),
);

/** A session and its person in one read: the authentication of every browser request (it was two). */
export async function findSessionWithUser(
  db: Executor,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await sessionWithUser(db, { tokenHash });
  if (!row) return undefined;
  const { own, user } = splitPerson<SessionRow>(row);
  return { session: own, user };
}

export async function updateSession(db: Executor, id: string, patch: Updateable<SessionsTable>): Promise<void> {
  await db.updateTable('sessions').set(patch).where('id', '=', id).execute();
}

export async function incrementSessionMfaFailures(db: Executor, id: string): Promise<number> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_failures: eb('mfa_failures', '+', 1) }))
    .where('id', '=', id)
    .returning('mfa_failures')
    .executeTakeFirstOrThrow();
  return Number(row.mfa_failures);
}

export const findLiveSessions = (db: Executor, userId: string, now: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();

/** Ends sessions server-side; `exceptId` keeps the current one (password change). Returns how many ended. */
export async function revokeSessions(db: Executor, userId: string, now: string, exceptId?: string): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  rows: { id: string; code_hash: string; created_at: string }[],
): Promise<void> {
  await db
    .updateTable('recovery_codes')
    .set({ used_at: rows[0]?.created_at ?? null })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  if (rows.length)
    await db
      .insertInto('recovery_codes')
      .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null })))
      .execute();
}

export const findUnusedRecoveryCodes = (db: Executor, userId: string) =>
  db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();

export async function markRecoveryCodeUsed(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// API tokens: practice data, always filtered on practice_id.
export async function insertApiToken(db: Executor, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

const apiTokenWithUser = precompiled((db, p: Slots<'tokenHash'>) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(USER_SELECTION)
    .where('api_tokens.token_hash', '=', p.tokenHash),
);

/** A token and the person it acts for in one read: the authentication of every API request (it was two). */
export async function findApiTokenWithUser(
  db: Executor,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [row] = await apiTokenWithUser(db, { tokenHash });
  if (!row) return undefined;
  const { own, user } = splitPerson<ApiTokenRow>(row);
  return { token: own, user };
}

export const findApiToken = (db: Executor, practiceId: string, id: string) =>
  db.selectFrom('api_tokens').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();

export function findApiTokens(db: Executor, practiceId: string, userId?: string) {
  let q = db.selectFrom('api_tokens').selectAll().where('practice_id', '=', practiceId);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(db: Executor, practiceId: string, id: string, now: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserApiTokens(
  db: Executor,
  userId: string,
  now: string,
  practiceId?: string,
): Promise<number> {
  let q = db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (practiceId) q = q.where('practice_id', '=', practiceId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export async function touchApiToken(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Invitations of an account that already worked elsewhere, waiting for its holder to accept or decline. */
export const findInvitationsToAnswer = (db: Executor, userId: string, now: string) =>
  db
    .selectFrom('invitations')
    .innerJoin('practices', 'practices.id', 'invitations.practice_id')
    .select([
      'invitations.id',
      'invitations.practice_id',
      'practices.name as practice_name',
      'invitations.role',
      'invitations.created_at',
      'invitations.expires_at',
    ])
    .where('invitations.user_id', '=', userId)
    .where('invitations.kind', '=', 'existing_account')
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.declined_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at')
    .execute();

/**
 * A new account's invitations, answered by its first full sign-in: accepted while still valid. One that expired (or was
 * withdrawn) unanswered is not: its membership ends now, period closed (the holder joins nothing). Returns the accepted.
 */
export async function acceptNewAccountInvitations(
  tx: Executor,
  userId: string,
  now: string,
): Promise<{ id: string; practice_id: string; role: string }[]> {
  const open = await tx
    .selectFrom('invitations')
    .select(['id', 'practice_id', 'role', 'expires_at'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'new_account')
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const valid = open.filter((i) => i.expires_at > now);
  const expired = open.filter((i) => i.expires_at <= now);
  if (valid.length)
    await tx
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where(
        'id',
        'in',
        valid.map((i) => i.id),
      )
      .execute();
  for (const i of expired) {
    await tx.updateTable('invitations').set({ revoked_at: now }).where('id', '=', i.id).execute();
    await tx
      .updateTable('memberships')
      .set({ ended_at: now })
      .where('practice_id', '=', i.practice_id)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
    await tx
      .updateTable('membership_periods')
      .set({ ended_at: now })
      .where('practice_id', '=', i.practice_id)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
  }
  return valid.map(({ id, practice_id, role }) => ({ id, practice_id, role }));
}
