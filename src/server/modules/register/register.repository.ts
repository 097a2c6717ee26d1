import type { NoticeKind } from '../../../contracts/register.js';
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type {
  NoticeDistributionsTable,
  NoticeVersionsTable,
  ProcessorActivitiesTable,
  RegisterActivitiesTable,
  RegisterActivityVersionsTable,
} from '../../platform/db/schema.js';

export type ActivityRow = Selectable<RegisterActivitiesTable>;
export type VersionRow = Selectable<RegisterActivityVersionsTable>;
export type ProcessorRow = Selectable<ProcessorActivitiesTable>;
export type NoticeRow = Selectable<NoticeVersionsTable>;
export type DistributionRow = Selectable<NoticeDistributionsTable>;

export async function insertActivity(db: Executor, row: ActivityRow): Promise<void> {
  await db.insertInto('register_activities').values(row).execute();
}

export const listActivities = (db: Executor, practiceId: string) =>
  db
    .selectFrom('register_activities')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findActivity = (db: Executor, practiceId: string, id: string) =>
  db
    .selectFrom('register_activities')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function updateActivity(
  db: Executor,
  practiceId: string,
  id: string,
  patch: Updateable<RegisterActivitiesTable>,
): Promise<void> {
  await db
    .updateTable('register_activities')
    .set(patch)
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteActivity(db: Executor, practiceId: string, id: string): Promise<void> {
  await db.deleteFrom('register_activities').where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

export async function insertVersion(db: Executor, row: VersionRow): Promise<void> {
  await db.insertInto('register_activity_versions').values(row).execute();
}

export const findVersions = (db: Executor, practiceId: string, activityId: string) =>
  db
    .selectFrom('register_activity_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('activity_id', '=', activityId)
    .orderBy('version', 'desc')
    .execute();

/** The last validated version of each validated activity, in the order the activities were created. */
export const latestVersions = (db: Executor, practiceId: string) =>
  db
    .selectFrom('register_activity_versions as v')
    .innerJoin('register_activities as a', (j) =>
      j.onRef('a.id', '=', 'v.activity_id').onRef('a.version', '=', 'v.version'),
    )
    .selectAll('v')
    .where('a.practice_id', '=', practiceId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();

/** The validated activities of a practice with their review date (the to-do list keeps those falling due soon). */
export const reviewsDue = (db: Executor, practiceId: string) =>
  db
    .selectFrom('register_activities')
    .select(['id', 'fields', 'review_due_on', 'status', 'version'])
    .where('practice_id', '=', practiceId)
    .where('version', '>', 0)
    .execute();

export async function insertProcessor(db: Executor, row: ProcessorRow): Promise<void> {
  await db.insertInto('processor_activities').values(row).execute();
}

export const listProcessors = (db: Executor, practiceId: string) =>
  db
    .selectFrom('processor_activities')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findProcessor = (db: Executor, practiceId: string, id: string) =>
  db
    .selectFrom('processor_activities')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function updateProcessor(
  db: Executor,
  practiceId: string,
  id: string,
  patch: Updateable<ProcessorActivitiesTable>,
): Promise<void> {
  await db
    .updateTable('processor_activities')
    .set(patch)
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteProcessor(db: Executor, practiceId: string, id: string): Promise<void> {
  await db.deleteFrom('processor_activities').where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

export const latestNotice = (db: Executor, practiceId: string, kind: NoticeKind, language: 'fr' | 'en') =>
  db
    .selectFrom('notice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function insertNotice(db: Executor, row: NoticeRow): Promise<void> {
  await db.insertInto('notice_versions').values(row).execute();
}

export const listNotices = (db: Executor, practiceId: string) =>
  db
    .selectFrom('notice_versions')
    .select(['id', 'kind', 'language', 'version', 'sha256', 'generated_at', 'generated_by'])
    .where('practice_id', '=', practiceId)
    .orderBy('generated_at', 'desc')
    .orderBy('version', 'desc')
    .execute();

export const findNotice = (db: Executor, practiceId: string, id: string) =>
  db
    .selectFrom('notice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function insertDistribution(db: Executor, row: DistributionRow): Promise<void> {
  await db.insertInto('notice_distributions').values(row).execute();
}

export const listDistributions = (db: Executor, practiceId: string) =>
  db
    .selectFrom('notice_distributions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('on_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
