import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import type { DatabaseTarget, DialectName } from '../../src/server/platform/db/database.js';

/** Every integration test runs once per dialect (the kysely DIALECTS loop). */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** The PostgreSQL server the tests use: set by scripts/run-tests.mjs (a throw-away cluster) or by hand. */
export const PG_URL = process.env.GARDIEN_TEST_PG_URL;

export function tempDir(prefix = 'gardien-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDatabase {
  target: DatabaseTarget;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A fresh, empty database of the dialect: a SQLite file in a temp dir, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = tempDir();
  if (dialect === 'sqlite') {
    return {
      target: { kind: 'sqlite', file: path.join(dataDir, 'gardien.db') },
      dataDir,
      dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL)
    throw new Error(
      'GARDIEN_TEST_PG_URL is not set: the PostgreSQL suite cannot run (scripts/run-tests.mjs starts a throw-away cluster)',
    );
  const name = `gt_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('CREATE DATABASE ' + admin.escapeIdentifier(name));
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    dataDir,
    dispose: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query('DROP DATABASE IF EXISTS ' + c.escapeIdentifier(name) + ' WITH (FORCE)');
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Declares the suite once per dialect. Without a PostgreSQL server the PostgreSQL half fails loudly in CI and is
 * reported as skipped (never silently) elsewhere.
 */
export function describeEachDialect(name: string, body: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !PG_URL) {
      if (process.env.CI) {
        describe(`${name} [postgres]`, () => {
          throw new Error('CI must run the PostgreSQL suite: GARDIEN_TEST_PG_URL is not set');
        });
      } else {
        describe(`${name} [postgres]`, { skip: 'no PostgreSQL server (GARDIEN_TEST_PG_URL unset)' }, () => undefined);
      }
      continue;
    }
    describe(`${name} [${dialect}]`, () => body(dialect));
  }
}
