import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { PatientsTable } from '../../platform/db/schema.js';

export type PatientRow = Selectable<PatientsTable>;

export async function insertPatient(db: Executor, row: PatientRow): Promise<void> {
  await db.insertInto('patients').values(row).execute();
}

export async function insertPatients(db: Executor, rows: PatientRow[]): Promise<void> {
  if (rows.length) await db.insertInto('patients').values(rows).execute();
}

export const patientsWithExternalId = (db: Executor, practiceId: string) =>
  db.selectFrom('patients').selectAll().where('practice_id', '=', practiceId).where('external_id', 'is not', null).execute();

export const findPatient = (db: Executor, practiceId: string, id: string) =>
  db.selectFrom('patients').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();

export const findByExternalId = (db: Executor, practiceId: string, externalId: string) =>
  db.selectFrom('patients').select('id').where('practice_id', '=', practiceId).where('external_id', '=', externalId).executeTakeFirst();

export async function updatePatient(db: Executor, practiceId: string, id: string, patch: Updateable<PatientsTable>): Promise<void> {
  await db.updateTable('patients').set(patch).where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

/** By a part of the name (search key), an external id, or a birth date; alphabetical. */
export async function searchPatients(db: Executor, practiceId: string, f: { key?: string; externalId?: string; birthDate?: string; limit: number; offset: number }): Promise<{ rows: PatientRow[]; total: number }> {
  let q = db.selectFrom('patients').where('practice_id', '=', practiceId);
  if (f.birthDate) q = q.where('birth_date', '=', f.birthDate);
  else if (f.key) {
    const key = f.key;
    q = q.where((eb) => eb.or([eb('search_key', 'like', `%${key}%`), eb('external_id', '=', f.externalId ?? key)]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('search_key').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total };
}
