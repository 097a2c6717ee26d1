import type { Kysely } from 'kysely';

/** Record of backups and restore drills (server-wide operations, not practice data): drives the "too old" warnings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backup_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('file', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('backup_runs_kind_idx').on('backup_runs').columns(['kind', 'finished_at']).execute();
}
