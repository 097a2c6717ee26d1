import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { sqliteDriver } from './sqlite-driver.js';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import type { Database } from './schema.js';

export type { Database } from './schema.js';
export type Db = Kysely<Database>;
/** What a repository runs its queries on: the database, or the transaction of the current use case. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** The PostgreSQL driver, loaded only when PostgreSQL is used (it costs ~90 ms of start-up on SQLite installs). */
// require, not import(): the bundle runs from a V8 code cache (src/cli/compile-cache.ts), where Node 20 loses the
// callback that import() needs ("A dynamic import callback was not specified"); scripts/bundle.mjs refuses an import().
async function loadPg() {
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  // pg returns int8 (count(*), sums) as strings; every count Gardien reads fits in a double.
  pg.types.setTypeParser(20, (v) => Number(v));
  return pg;
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface OpenDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

/**
 * SQLite's driver with one change: a transaction that may write takes the write lock at BEGIN (IMMEDIATE), so two
 * processes (server and CLI) never deadlock on a lock upgrade; a read-only one (`setAccessMode('read only')`) begins
 * DEFERRED and reads its snapshot.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'),
    );
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

export class DurabilityError extends Error {
  override name = 'DurabilityError';
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const Driver = sqliteDriver();
  const sqlite = new Driver(file);
  sqlite.pragma('journal_mode = WAL');
  // synchronous=FULL: in WAL mode each commit is synced, so an acknowledged write survives an OS crash (sqlite.org/pragma.html).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const journal = String(sqlite.pragma('journal_mode', { simple: true }));
  const sync = Number(sqlite.pragma('synchronous', { simple: true }));
  const fk = Number(sqlite.pragma('foreign_keys', { simple: true }));
  if (file !== ':memory:' && journal !== 'wal')
    throw new DurabilityError(`SQLite journal_mode is ${journal}, expected wal`);
  if (sync < 2) throw new DurabilityError(`SQLite synchronous is ${sync}, expected FULL (2) or EXTRA (3)`);
  if (fk !== 1) throw new DurabilityError('SQLite foreign_keys could not be enabled');
  return sqlite;
}

async function assertPostgresDurability(db: Db): Promise<void> {
  for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const { rows } = await sql<{ v: string }>`select current_setting(${setting}) as v`.execute(db);
    const v = rows[0]?.v;
    if (
      v !== 'on' &&
      !(setting === 'synchronous_commit' && (v === 'remote_apply' || v === 'remote_write' || v === 'local'))
    ) {
      throw new DurabilityError(
        `PostgreSQL ${setting} is ${String(v)}; Gardien requires it on so that acknowledged writes survive a crash`,
      );
    }
  }
}

/** Texts longer than this are not kept; the kept texts together stay under CACHED_SQL_TOTAL (a 1,000-row insert is ~60 kB). */
const CACHED_SQL_MAX = 256 * 1024;
const CACHED_SQL_TOTAL = 4 * 1024 * 1024;
const CACHED_STATEMENTS = 500;

/**
 * The SQLite connection as Kysely sees it, keeping its compiled statements: Kysely prepares every query anew, which was
 * about an eighth of the CPU of a short list request, and compiling a 1,000-row insert each time slowed the patient
 * import (bench/README.md). A statement still being iterated is never handed out twice (a fresh one is prepared); the
 * least recently used go first once there are CACHED_STATEMENTS or their texts pass CACHED_SQL_TOTAL.
 */
export function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  let chars = 0;
  return {
    prepare(sql) {
      if (sql.length > CACHED_SQL_MAX) return sqlite.prepare(sql);
      const known = cache.get(sql);
      if (known && !known.busy) {
        cache.delete(sql);
        cache.set(sql, known);
        return known;
      }
      const stmt = sqlite.prepare(sql);
      if (!known) {
        cache.set(sql, stmt);
        chars += sql.length;
        while (cache.size > CACHED_STATEMENTS || chars > CACHED_SQL_TOTAL) {
          const oldest = cache.keys().next().value!;
          cache.delete(oldest);
          chars -= oldest.length;
        }
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'sqlite') {
    const sqlite = openSqlite(target.file);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pg = await loadPg();
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection cut by the server (PostgreSQL restarted, an administrator ended it): the pool drops it and
  // opens a new one at the next query. Without a listener the event would end the whole process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await assertPostgresDurability(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * A read-only view of the database at one instant, for online backups: SQLite through its own read-only connection
 * (WAL readers never block the server's writers), PostgreSQL in a REPEATABLE READ read-only transaction.
 */
export async function withSnapshot<T>(
  target: DatabaseTarget,
  work: (db: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (target.kind === 'sqlite') {
    const Driver = sqliteDriver();
    const sqlite = new Driver(target.file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 10000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      return await db.transaction().execute(work);
    } finally {
      await db.destroy();
    }
  }
  const pg = await loadPg();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 1 }) }),
  });
  try {
    return await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
  } finally {
    await db.destroy();
  }
}
