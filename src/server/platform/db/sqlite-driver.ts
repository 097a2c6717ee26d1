import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite driver for the running Node: better-sqlite3 12 on Node 20 (13 needs Node 22 and crashes on 20), 13 from
 * Node 22 on. 12's statements and databases derive from node::ObjectWrap, whose destructor Node 24.19 made remove an
 * environment cleanup hook: a statement collected by the garbage collector outside JavaScript, or at exit, then aborts
 * the process (`Assertion failed: (env) != nullptr` in RemoveEnvironmentCleanupHook). 13 is built on Node-API and ships
 * its own binaries. Both have the same interface.
 */
export const SQLITE_DRIVER = Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-13' : 'better-sqlite3';

export type SqliteConstructor = typeof BetterSqlite3;
export type SqliteDatabase = BetterSqlite3.Database;

let loaded: SqliteConstructor | undefined;
/** The driver, required on first use (require, not import(): the bundle runs from a V8 code cache, see database.ts). */
export function sqliteDriver(): SqliteConstructor {
  return (loaded ??= createRequire(import.meta.url)(SQLITE_DRIVER) as SqliteConstructor);
}

/** The resolved file of the driver, for a worker thread that opens its own connection. */
export const sqliteDriverPath = (): string => createRequire(import.meta.url).resolve(SQLITE_DRIVER);
