import type { Kysely } from 'kysely';

/**
 * The minimal patient index (never clinical content: the record stays in the practice software), patients' rights
 * requests with their clocks, and each request's history. The Alsace-Moselle holidays are a practice option.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('practices')
    .addColumn('alsace_moselle', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('patients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('external_id', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('last_care_on', 'text')
    .addColumn('death_on', 'text')
    .addColumn('is_restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('objects_to_sms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marketing_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patients_practice_search_idx')
    .on('patients')
    .columns(['practice_id', 'search_key'])
    .execute();
  await db.schema
    .createIndex('patients_practice_external_uq')
    .on('patients')
    .columns(['practice_id', 'external_id'])
    .unique()
    .where('external_id', 'is not', null)
    .execute();

  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_relation', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
    .addColumn('older_than_five_years', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('identity_requested_on', 'text')
    .addColumn('identity_received_on', 'text')
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('extension_notified_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('earliest_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rights_requests_practice_due_idx')
    .on('rights_requests')
    .columns(['practice_id', 'status', 'due_on'])
    .execute();

  await db.schema
    .createTable('rights_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('rights_requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rights_request_events_request_uq')
    .on('rights_request_events')
    .columns(['request_id', 'seq'])
    .unique()
    .execute();
}
