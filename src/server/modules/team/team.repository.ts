import type { Role } from '../../../contracts/roles.js';
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { InvitationsTable } from '../../platform/db/schema.js';
import { newId } from '../../shared/ids.js';

// The team: memberships (with their periods) and invitations.

export const findMembership = (db: Executor, practiceId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** A membership in force (not ended). */
export const findCurrentMembership = (db: Executor, practiceId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();

/** A person joins (or joins again): the membership is in force from `now`, and a new period of membership begins. */
export async function upsertMembership(
  db: Executor,
  practiceId: string,
  userId: string,
  role: Role,
  now: string,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ practice_id: practiceId, user_id: userId, role, created_at: now, ended_at: null })
    .onConflict((oc) => oc.columns(['practice_id', 'user_id']).doUpdateSet({ role, ended_at: null, created_at: now }))
    .execute();
  await db
    .updateTable('membership_periods')
    .set({ ended_at: now })
    .where('practice_id', '=', practiceId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  await db
    .insertInto('membership_periods')
    .values({ id: newId('mpe'), practice_id: practiceId, user_id: userId, started_at: now, ended_at: null })
    .execute();
}

/** A role change, or the end of a membership (which closes its period). */
export async function updateMembership(
  db: Executor,
  practiceId: string,
  userId: string,
  patch: { role?: Role; ended_at?: string | null },
): Promise<void> {
  await db
    .updateTable('memberships')
    .set(patch)
    .where('practice_id', '=', practiceId)
    .where('user_id', '=', userId)
    .execute();
  if (patch.ended_at)
    await db
      .updateTable('membership_periods')
      .set({ ended_at: patch.ended_at })
      .where('practice_id', '=', practiceId)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
}

export const findMembers = (db: Executor, practiceId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.is_disabled',
      'users.totp_secret',
      'users.language',
      'memberships.role',
      'memberships.created_at',
      'memberships.ended_at',
    ])
    .where('memberships.practice_id', '=', practiceId)
    .orderBy('users.name')
    .execute();

export async function countActiveOwners(db: Executor, practiceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberships.practice_id', '=', practiceId)
    .where('memberships.role', '=', 'owner')
    .where('memberships.ended_at', 'is', null)
    .where('users.is_disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveMemberships(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type InvitationRow = Selectable<InvitationsTable>;

export async function insertInvitation(db: Executor, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** Invitations still waiting for the person at `now` (neither accepted, declined, revoked nor expired), newest first. */
export const findPendingInvitations = (db: Executor, practiceId: string, now: string) =>
  db
    .selectFrom('invitations')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('accepted_at', 'is', null)
    .where('declined_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();

export const findInvitation = (db: Executor, id: string) =>
  db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateInvitation(db: Executor, id: string, patch: Updateable<InvitationsTable>): Promise<void> {
  await db.updateTable('invitations').set(patch).where('id', '=', id).execute();
}

/** Accounts created for an invitation of this practice whose holder never signed in (the invitation not accepted). */
export async function unacceptedNewAccounts(db: Executor, practiceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('invitations')
    .select('user_id')
    .where('practice_id', '=', practiceId)
    .where('kind', '=', 'new_account')
    .where('accepted_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The practice's name, which a new password must not contain (read only: the practices module owns the row). */
export async function practiceName(db: Executor, practiceId: string): Promise<string | null> {
  const row = await db.selectFrom('practices').select('name').where('id', '=', practiceId).executeTakeFirst();
  return row?.name ?? null;
}
