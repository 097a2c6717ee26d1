import type { Kysely } from 'kysely';

/**
 * The practice's telephone and e-mail (letters and notices give patients a way to reach it, GDPR Art. 13(1)(a)), and
 * its overseas territory, whose own public holiday moves deadlines like Alsace-Moselle's (C. trav. L3422-2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('practices').addColumn('phone', 'text').execute();
  await db.schema.alterTable('practices').addColumn('email', 'text').execute();
  await db.schema.alterTable('practices').addColumn('overseas_territory', 'text').execute();
}
