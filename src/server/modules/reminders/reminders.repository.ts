import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { RemindersSentTable } from '../../platform/db/schema.js';

export async function reminderSent(
  db: Executor,
  targetType: string,
  targetId: string,
  stage: string,
): Promise<boolean> {
  return (
    (await db
      .selectFrom('reminders_sent')
      .select('id')
      .where('target_type', '=', targetType)
      .where('target_id', '=', targetId)
      .where('stage', '=', stage)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertReminder(db: Executor, row: Selectable<RemindersSentTable>): Promise<void> {
  await db.insertInto('reminders_sent').values(row).execute();
}
