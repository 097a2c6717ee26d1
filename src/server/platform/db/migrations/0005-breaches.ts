import type { Kysely } from 'kysely';

/**
 * Personal data breaches (Art. 33/34 GDPR) and the breach register (Art. 33(5)): the facts, the ENISA assessment, the
 * confirmed decision, the CNIL notifications, the people informed and the corrective actions. Lists of values are
 * stored as JSON text (portable); instants as ISO-8601 UTC text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'text', (c) => c.notNull())
    .addColumn('notify_by', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('circumstances', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('people_categories', 'text', (c) => c.notNull())
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('approx_people', 'integer')
    .addColumn('approx_records', 'integer')
    .addColumn('encrypted', 'integer')
    .addColumn('description', 'text')
    .addColumn('consequences', 'text', (c) => c.notNull())
    .addColumn('consequences_note', 'text')
    .addColumn('measures', 'text')
    .addColumn('guide', 'text')
    .addColumn('assessment', 'text')
    .addColumn('decision', 'text')
    .addColumn('proposed_decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('people_exception', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breaches_practice_aware_idx')
    .on('breaches')
    .columns(['practice_id', 'aware_at'])
    .execute();

  await db.schema
    .createTable('breach_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('delay_reasons', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breach_notifications_breach_idx')
    .on('breach_notifications')
    .columns(['practice_id', 'breach_id'])
    .execute();

  await db.schema
    .createTable('breach_people_informed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('informed_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('patient_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breach_people_informed_breach_idx')
    .on('breach_people_informed')
    .columns(['practice_id', 'breach_id'])
    .execute();

  await db.schema
    .createTable('breach_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('breach_id', 'text', (c) => c.notNull().references('breaches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breach_actions_breach_idx')
    .on('breach_actions')
    .columns(['practice_id', 'breach_id', 'seq'])
    .execute();
}
