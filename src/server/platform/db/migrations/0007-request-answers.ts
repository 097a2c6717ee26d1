import type { Kysely } from 'kysely';

/**
 * How rights requests are answered: the decision item by item (JSON, with who and when), the restriction lifted,
 * the letters with their log, and the files of the answer (content sealed with AES-256-GCM, never in clear).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per statement.
  for (const column of ['decision', 'decided_by', 'decided_at', 'restriction_lifted_on']) {
    await db.schema.alterTable('rights_requests').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('request_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('rights_requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('sent_channel', 'text')
    .addColumn('sent_by', 'text')
    .execute();
  await db.schema
    .createIndex('request_letters_request_uq')
    .on('request_letters')
    .columns(['request_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createTable('request_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('rights_requests.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_files_request_idx')
    .on('request_files')
    .columns(['practice_id', 'request_id'])
    .execute();
}
