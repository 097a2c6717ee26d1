import type { Kysely } from 'kysely';

/**
 * Processors and the other partners that touch the practice's data (Art. 28 GDPR): what they do, the contract and its
 * clauses, the HDS certificate, where the data is (the nested facts as one JSON column, read through its schema); the
 * yearly reviews; the signed contracts, sealed at rest like the files of an answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('processors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('handles_health_data', 'integer', (c) => c.notNull())
    .addColumn('hosts_health_data', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('review_due_on', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('processors_practice_idx').on('processors').columns(['practice_id', 'name']).execute();
  await db.schema
    .createTable('processor_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('processor_id', 'text', (c) => c.notNull().references('processors.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('checked', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('processor_reviews_processor_idx')
    .on('processor_reviews')
    .columns(['practice_id', 'processor_id'])
    .execute();
  await db.schema
    .createTable('processor_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('processor_id', 'text', (c) => c.notNull().references('processors.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('processor_files_processor_idx')
    .on('processor_files')
    .columns(['practice_id', 'processor_id'])
    .execute();
}
