import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type {
  BreachActionsTable,
  BreachesTable,
  BreachNotificationsTable,
  BreachPeopleInformedTable,
} from '../../platform/db/schema.js';

export type BreachRow = Selectable<BreachesTable>;
export type NotificationRow = Selectable<BreachNotificationsTable>;
export type InformedRow = Selectable<BreachPeopleInformedTable>;
export type ActionRow = Selectable<BreachActionsTable>;

export async function insertBreach(db: Executor, row: BreachRow): Promise<void> {
  await db.insertInto('breaches').values(row).execute();
}

export const findBreach = (db: Executor, practiceId: string, id: string) =>
  db.selectFrom('breaches').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();

export async function updateBreach(
  db: Executor,
  practiceId: string,
  id: string,
  patch: Updateable<BreachesTable>,
): Promise<void> {
  await db.updateTable('breaches').set(patch).where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

/** Newest awareness first. */
export async function listBreaches(
  db: Executor,
  practiceId: string,
  f: { status?: BreachRow['status'] | undefined; limit: number; offset: number },
): Promise<{ rows: BreachRow[]; total: number }> {
  let q = db.selectFrom('breaches').where('practice_id', '=', practiceId);
  if (f.status) q = q.where('status', '=', f.status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('aware_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total };
}

/** The whole register, oldest first (the order an inspector reads it in). */
export const allBreaches = (db: Executor, practiceId: string) =>
  db
    .selectFrom('breaches')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('aware_at')
    .orderBy('id')
    .execute();

export const openBreaches = (db: Executor, practiceId: string) =>
  db.selectFrom('breaches').selectAll().where('practice_id', '=', practiceId).where('status', '=', 'open').execute();

export async function insertNotification(db: Executor, row: NotificationRow): Promise<void> {
  await db.insertInto('breach_notifications').values(row).execute();
}

export const findNotifications = (db: Executor, practiceId: string, breachIds: string[]) =>
  breachIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('breach_notifications')
        .selectAll()
        .where('practice_id', '=', practiceId)
        .where('breach_id', 'in', breachIds)
        .orderBy('notified_at')
        .orderBy('id')
        .execute();

export async function insertInformed(db: Executor, row: InformedRow): Promise<void> {
  await db.insertInto('breach_people_informed').values(row).execute();
}

export const findInformed = (db: Executor, practiceId: string, breachIds: string[]) =>
  breachIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('breach_people_informed')
        .selectAll()
        .where('practice_id', '=', practiceId)
        .where('breach_id', 'in', breachIds)
        .orderBy('informed_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export async function insertAction(db: Executor, row: ActionRow): Promise<void> {
  await db.insertInto('breach_actions').values(row).execute();
}

export const findActions = (db: Executor, practiceId: string, breachIds: string[]) =>
  breachIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('breach_actions')
        .selectAll()
        .where('practice_id', '=', practiceId)
        .where('breach_id', 'in', breachIds)
        .orderBy('breach_id')
        .orderBy('seq')
        .execute();

export const findAction = (db: Executor, practiceId: string, breachId: string, id: string) =>
  db
    .selectFrom('breach_actions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('breach_id', '=', breachId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function completeAction(
  db: Executor,
  practiceId: string,
  id: string,
  doneOn: string,
  doneBy: string,
): Promise<void> {
  await db
    .updateTable('breach_actions')
    .set({ done_on: doneOn, done_by: doneBy })
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .execute();
}

export async function nextActionSeq(db: Executor, breachId: string): Promise<number> {
  const r = await db
    .selectFrom('breach_actions')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('breach_id', '=', breachId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** Open actions of the practice's open breaches, for the to-do list. */
export const openActions = (db: Executor, practiceId: string) =>
  db
    .selectFrom('breach_actions')
    .innerJoin('breaches', 'breaches.id', 'breach_actions.breach_id')
    .select([
      'breach_actions.id',
      'breach_actions.breach_id',
      'breach_actions.title',
      'breach_actions.due_on',
      'breaches.title as breach_title',
    ])
    .where('breach_actions.practice_id', '=', practiceId)
    .where('breaches.practice_id', '=', practiceId)
    .where('breach_actions.done_on', 'is', null)
    .execute();

/**
 * Open breaches still to notify (no decision yet, or a decision to notify without an initial notification), across
 * every practice: for the reminder job, which acts for no one and reads no personal data.
 */
export const breachesAwaitingNotification = (db: Executor) =>
  db
    .selectFrom('breaches')
    .select(['id', 'practice_id', 'notify_by', 'created_by'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decision', '!=', 'record_only')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('breach_notifications')
            .select('breach_notifications.id')
            .whereRef('breach_notifications.breach_id', '=', 'breaches.id')
            .where('breach_notifications.kind', '!=', 'complementary'),
        ),
      ),
    )
    .execute();
