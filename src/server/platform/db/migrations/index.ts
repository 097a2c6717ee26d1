import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DialectName } from '../database.js';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-backup-runs.js';
import * as m0003 from './0003-user-preferences.js';
import * as m0004 from './0004-patients-rights-requests.js';
import * as m0005 from './0005-breaches.js';
import * as m0006 from './0006-reminders.js';
import * as m0007 from './0007-request-answers.js';
import * as m0008 from './0008-register.js';
import * as m0009 from './0009-patient-search-indexes.js';
import * as m0010 from './0010-invitations.js';
import * as m0011 from './0011-practice-contact-and-territory.js';
import * as m0012 from './0012-processors.js';

interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** The one ordered list of migrations, run on both dialects. Append only; never edit a released one. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-foundation': m0001,
  '0002-backup-runs': m0002,
  '0003-user-preferences': m0003,
  '0004-patients-rights-requests': m0004,
  '0005-breaches': m0005,
  '0006-reminders': m0006,
  '0007-request-answers': m0007,
  '0008-register': m0008,
  '0009-patient-search-indexes': m0009,
  '0010-invitations': m0010,
  '0011-practice-contact-and-territory': m0011,
  '0012-processors': m0012,
};

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, this.dialect) };
    return out;
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Names of the migrations this version knows, in order (a backup records them; a restore requires the same). */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/** Brings the schema to the latest version; each migration runs in its own transaction. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator works on a schema-less handle
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new CodeMigrationProvider(dialect),
    migrationTableName: 'gardien_migrations',
    migrationLockTableName: 'gardien_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw new MigrationError(`database migration failed: ${String((result.error as Error).message ?? result.error)}`, {
      cause: result.error,
    });
  return result;
}
