import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrations/index.js';
import { createTestDatabase } from '../../../../test/support/dialects.js';
import { BACKUP_TABLES } from './backup.tables.js';

/** Sessions are left out on purpose (a restored server makes everyone sign in again), and the migrator's own tables. */
const NOT_BACKED_UP = new Set(['sessions', 'gardien_migrations', 'gardien_migrations_lock']);

it('backs up every table of the schema but the sessions: a new module’s tables cannot be forgotten', async () => {
  const testDb = await createTestDatabase('sqlite');
  const { db, dialect, close } = await openDatabase(testDb.target);
  try {
    await migrateToLatest(db, dialect);
    const rows = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    const tables = rows.rows
      .map((r) => r.name)
      .filter((n) => !NOT_BACKED_UP.has(n))
      .sort();
    assert.deepEqual([...BACKUP_TABLES.map((t) => t.name)].sort(), tables);
  } finally {
    await close();
    await testDb.dispose();
  }
});
