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

/** Everyone who is or was a member of the practice. */
export async function memberIds(db: Executor, practiceId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('user_id').where('practice_id', '=', practiceId).execute();
  return rows.map((r) => r.user_id);
}
