import type { Kysely } from 'kysely';

/**
 * The register of processing activities (Art. 30(1)) with an immutable version per validation, the processor register
 * (Art. 30(2)), and the patient information generated from them with its versions and the record of its distribution.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('register_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('template_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('validated_at', 'text')
    .addColumn('validated_by', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('register_activities_practice_idx')
    .on('register_activities')
    .columns(['practice_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('register_activity_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('register_activities.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('validated_at', 'text', (c) => c.notNull())
    .addColumn('validated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('register_activity_versions_uq')
    .on('register_activity_versions')
    .columns(['activity_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('processor_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notice_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notice_versions_uq')
    .on('notice_versions')
    .columns(['practice_id', 'kind', 'language', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('notice_distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('notice_versions.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}
