import { sql } from 'kysely';
import type { Selectable, Updateable } from 'kysely';
import type { DialectName, Executor } from '../../platform/db/database.js';
import type { PracticesTable } from '../../platform/db/schema.js';

export type PracticeRow = Selectable<PracticesTable>;

export async function insertPractice(db: Executor, row: PracticeRow): Promise<void> {
  await db.insertInto('practices').values(row).execute();
}

export const practiceIds = async (db: Executor) =>
  (await db.selectFrom('practices').select('id').orderBy('id').execute()).map((r) => r.id);

export const findPractice = (db: Executor, id: string) =>
  db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();

export async function updatePractice(db: Executor, id: string, patch: Updateable<PracticesTable>): Promise<void> {
  await db.updateTable('practices').set(patch).where('id', '=', id).execute();
}

/** Serialises first-run setups: SQLite already has one writer at a time; PostgreSQL takes a transaction-scoped lock. */
export async function lockForSetup(db: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301952)`.execute(db);
}
