import type { Kysely } from 'kysely';

/** What the web app remembers per person: the interface language and the practice last worked in. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
  await db.schema.alterTable('users').addColumn('preferred_practice_id', 'text').execute();
}
