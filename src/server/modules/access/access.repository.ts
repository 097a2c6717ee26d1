import type { Executor } from '../../platform/db/database.js';
import { precompiled, type Slots } from '../../platform/db/precompiled.js';

const activeRole = precompiled((db, p: Slots<'practiceId' | 'userId'>) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.role')
    .where('memberships.practice_id', '=', p.practiceId)
    .where('memberships.user_id', '=', p.userId)
    .where('memberships.ended_at', 'is', null)
    .where('users.is_disabled', '=', 0),
);

export async function findActiveRole(db: Executor, practiceId: string, userId: string): Promise<string | undefined> {
  return (await activeRole(db, { practiceId, userId }))[0]?.role;
}

export async function practiceExists(db: Executor, practiceId: string): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').where('id', '=', practiceId).executeTakeFirst();
  return row !== undefined;
}

/** When each person was a member, every period: from joining (or accepting) to leaving, `to` null while they still are. */
export async function memberPeriods(
  db: Executor,
  practiceId: string,
): Promise<{ actorId: string; from: string; to: string | null }[]> {
  const rows = await db
    .selectFrom('membership_periods')
    .select(['user_id', 'started_at', 'ended_at'])
    .where('practice_id', '=', practiceId)
    .execute();
  return rows.map((r) => ({ actorId: r.user_id, from: r.started_at, to: r.ended_at }));
}

/** Everyone who is or was a member of the practice. */
export async function memberIds(db: Executor, practiceId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('user_id').where('practice_id', '=', practiceId).execute();
  return rows.map((r) => r.user_id);
}
