import type { CompiledQuery, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { PatientsTable } from '../../platform/db/schema.js';

export type PatientRow = Selectable<PatientsTable>;

export async function insertPatient(db: Executor, row: PatientRow): Promise<void> {
  await db.insertInto('patients').values(row).execute();
}

/**
 * Inserts batches of patients, for one import: the SQL of a batch size is compiled by Kysely once, and each later batch
 * of that size binds its values in the same order (row by row, in the column order of the compiled text). Compiling
 * each 1,000-row batch anew took 0.7 s of an import of 100,000 (bench/README.md). A batch whose rows do not all carry
 * every column of the first (an undefined value would leave its column out) is compiled on its own.
 */
export function patientInserter(db: Executor): (rows: PatientRow[]) => Promise<void> {
  const compiled = new Map<number, { query: CompiledQuery; columns: (keyof PatientRow)[] }>();
  return async (rows) => {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]!) as (keyof PatientRow)[];
    const uniform = rows.every(
      (r) => Object.keys(r).length === columns.length && columns.every((c) => r[c] !== undefined),
    );
    const known = compiled.get(rows.length);
    if (uniform && known && known.columns.join() === columns.join()) {
      await db.executeQuery({ ...known.query, parameters: rows.flatMap((r) => columns.map((c) => r[c])) });
      return;
    }
    const query = db.insertInto('patients').values(rows).compile();
    if (uniform) compiled.set(rows.length, { query, columns });
    await db.executeQuery(query);
  };
}

export const patientsWithExternalId = (db: Executor, practiceId: string) =>
  db
    .selectFrom('patients')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('external_id', 'is not', null)
    .execute();

export const findPatient = (db: Executor, practiceId: string, id: string) =>
  db.selectFrom('patients').selectAll().where('practice_id', '=', practiceId).where('id', '=', id).executeTakeFirst();

export const findByExternalId = (db: Executor, practiceId: string, externalId: string) =>
  db
    .selectFrom('patients')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

export async function updatePatient(
  db: Executor,
  practiceId: string,
  id: string,
  patch: Updateable<PatientsTable>,
): Promise<void> {
  await db.updateTable('patients').set(patch).where('practice_id', '=', practiceId).where('id', '=', id).execute();
}

/** A search counts its matches up to this many; past it the answer says "more than 1,000" (type more letters). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * By a part of the name (search key), an external id, or a birth date; alphabetical. One walk of the index in the order
 * shown (practice, search key, id; migration 0009) collects the ids of the page and counts the matches up to
 * SEARCH_COUNT_CAP, then only the page's rows are read: a count of every match of "ma" among 100,000 patients and a
 * sorted page cost two full walks before (bench/README.md). The name and the software id are looked up separately,
 * not with one OR, which made SQLite leave the index. A patient found only by their software id comes first.
 */
export async function searchPatients(
  db: Executor,
  practiceId: string,
  f: { key?: string; externalId?: string; birthDate?: string; limit: number; offset: number },
): Promise<{ rows: PatientRow[]; total: number; totalCapped: boolean }> {
  let q = db.selectFrom('patients').where('practice_id', '=', practiceId);
  let byId: PatientRow | undefined;
  if (f.birthDate) q = q.where('birth_date', '=', f.birthDate);
  else if (f.key !== undefined) {
    const key = f.key;
    q = q.where('search_key', 'like', `%${key}%`);
    const found = f.externalId
      ? await db
          .selectFrom('patients')
          .selectAll()
          .where('practice_id', '=', practiceId)
          .where('external_id', '=', f.externalId)
          .executeTakeFirst()
      : undefined;
    byId = found && !found.search_key.includes(key) ? found : undefined;
  }
  const first = byId ? 1 : 0;
  // Enough ids for the page, and one more than the cap to know whether the count goes past it.
  const walk = Math.max(SEARCH_COUNT_CAP + 1, f.offset + f.limit - first + 1);
  const ids = (await q.select('id').orderBy('search_key').orderBy('id').limit(walk).execute()).map((r) => r.id);
  const totalCapped = ids.length === walk;
  const total = (totalCapped ? walk - 1 : ids.length) + first;
  const start = Math.max(0, f.offset - first);
  const pageIds = ids.slice(start, start + f.limit - (f.offset === 0 ? first : 0));
  // The page's rows by their primary key alone: with "practice_id = ? AND id IN (…)" SQLite walked a practice index
  // instead (100 ms over 100,000 patients). The ids come from this practice's walk; the practice is checked again here.
  const pageRows = pageIds.length
    ? await db.selectFrom('patients').selectAll().where('id', 'in', pageIds).execute()
    : [];
  const byKey = new Map(pageRows.filter((r) => r.practice_id === practiceId).map((r) => [r.id, r]));
  const rows = pageIds.map((id) => byKey.get(id)).filter((r): r is PatientRow => r !== undefined);
  return { rows: byId && f.offset === 0 ? [byId, ...rows] : rows, total, totalCapped };
}
