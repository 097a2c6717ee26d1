import type { Kysely } from 'kysely';

/**
 * The practice's telephone and e-mail (letters and notices give patients a way to reach it, GDPR Art. 13(1)(a)), and
 * its overseas territory, whose own public holiday moves deadlines like Alsace-Moselle's (C. trav. L3422-2). The
 * requester's civility and postal address, for the salutation and the addressee block of the letters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('practices').addColumn('phone', 'text').execute();
  await db.schema.alterTable('practices').addColumn('email', 'text').execute();
  await db.schema.alterTable('practices').addColumn('overseas_territory', 'text').execute();
  await db.schema.alterTable('rights_requests').addColumn('requester_civility', 'text').execute();
  await db.schema.alterTable('rights_requests').addColumn('requester_address', 'text').execute();
}
