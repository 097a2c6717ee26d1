import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ProcessorFilesTable, ProcessorReviewsTable, ProcessorsTable } from '../../platform/db/schema.js';

export type ProcessorRow = Selectable<ProcessorsTable>;
export type ReviewRow = Selectable<ProcessorReviewsTable>;
export type FileRow = Selectable<ProcessorFilesTable>;
/** A file's description, without its sealed content. */
export type FileMeta = Omit<FileRow, 'content'>;

export async function insertProcessor(db: Executor, row: ProcessorRow): Promise<void> {
  await db.insertInto('processors').values(row).execute();
}

export const listProcessors = (db: Executor, practiceId: string) =>
  db.selectFrom('processors').selectAll().where('practice_id', '=', practiceId).orderBy('name').orderBy('id').execute();

export const findProcessor = (db: Executor, practiceId: string, id: string) =>
  db.selectFrom('processors').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();

export async function updateProcessor(
  db: Executor,
  practiceId: string,
  id: string,
  patch: Updateable<ProcessorsTable>,
): Promise<void> {
  await db.updateTable('processors').set(patch).where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

export async function insertReview(db: Executor, row: ReviewRow): Promise<void> {
  await db.insertInto('processor_reviews').values(row).execute();
}

export const findReviews = (db: Executor, practiceId: string, processorId: string) =>
  db
    .selectFrom('processor_reviews')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('processor_id', '=', processorId)
    .orderBy('reviewed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

export async function insertFile(db: Executor, row: FileRow): Promise<void> {
  await db.insertInto('processor_files').values(row).execute();
}

const META = [
  'id',
  'practice_id',
  'processor_id',
  'name',
  'media_type',
  'size',
  'sha256',
  'uploaded_at',
  'uploaded_by',
] as const;

/** The latest signed contract of each processor (the ones asked for, or all of the practice's). */
export async function latestFiles(
  db: Executor,
  practiceId: string,
  processorIds?: string[],
): Promise<Map<string, FileMeta>> {
  if (processorIds && processorIds.length === 0) return new Map();
  let q = db.selectFrom('processor_files').select(META).where('practice_id', '=', practiceId);
  if (processorIds) q = q.where('processor_id', 'in', processorIds);
  const out = new Map<string, FileMeta>();
  for (const f of await q.orderBy('uploaded_at').orderBy('id').execute()) out.set(f.processor_id, f);
  return out;
}

export const findLatestFile = (db: Executor, practiceId: string, processorId: string) =>
  db
    .selectFrom('processor_files')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('processor_id', '=', processorId)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();

/** Every processor of every practice, for the reminders (a system job). */
export const allProcessors = (db: Executor) => db.selectFrom('processors').selectAll().execute();
