import type { Kysely } from 'kysely';

/**
 * The patient search walks one index in the order it shows (practice, search key, id) and stops once it has the page
 * and the capped count: the id joins the key so that the order needs no sort and the walk reads no row. A birth-date
 * search has its own index (it read every row of the practice before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('patients_practice_search_id_idx')
    .on('patients')
    .columns(['practice_id', 'search_key', 'id'])
    .execute();
  await db.schema.dropIndex('patients_practice_search_idx').execute();
  await db.schema
    .createIndex('patients_practice_birth_idx')
    .on('patients')
    .columns(['practice_id', 'birth_date'])
    .execute();
}
