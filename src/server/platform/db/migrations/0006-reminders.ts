import type { Kysely } from 'kysely';

/** E-mail reminders already sent: one row per target and stage, so a reminder goes out once (breaches now, requests later). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders_sent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminders_sent_target_stage_uq')
    .on('reminders_sent')
    .columns(['target_type', 'target_id', 'stage'])
    .unique()
    .execute();
}
