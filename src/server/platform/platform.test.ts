import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../config.js';
import { loadOrCreateKeys, KeyFileError } from './crypto/key-file.js';
import { open, seal } from './crypto/secret-box.js';
import { DurabilityError, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations/index.js';
import { pickLang } from './http/messages.js';
import { PG_URL, tempDir } from '../../../test/support/dialects.js';
import { VERSION } from '../version.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    assert.equal(c.database.kind, 'sqlite');
    assert.equal(c.database.kind === 'sqlite' && path.basename(c.database.file), 'gardien.db');
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3000);
    assert.ok(Object.isFrozen(c));
  });
  it('fails fast naming every bad key', () => {
    assert.throws(
      () => loadConfig({ GARDIEN_PORT: 'abc', DATABASE_URL: 'mysql://x', GARDIEN_COOKIE_SECURE: 'maybe' }),
      (e: unknown) =>
        e instanceof ConfigError && e.badKeys.sort().join() === 'DATABASE_URL,GARDIEN_COOKIE_SECURE,GARDIEN_PORT',
    );
  });
  it('selects PostgreSQL from DATABASE_URL', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.kind, 'postgres');
  });
});

describe('key file', () => {
  it('is created once with mode 0600 and read back identically', () => {
    const dir = tempDir();
    const a = loadOrCreateKeys(dir);
    const b = loadOrCreateKeys(dir);
    assert.equal(fs.statSync(path.join(dir, 'gardien.key')).mode & 0o777, 0o600);
    assert.equal(a.auditKeyId, b.auditKeyId);
    assert.deepEqual(a.dataKey, b.dataKey);
  });
  it('is refused when other users can read it', () => {
    const dir = tempDir();
    loadOrCreateKeys(dir);
    fs.chmodSync(path.join(dir, 'gardien.key'), 0o644);
    assert.throws(() => loadOrCreateKeys(dir), KeyFileError);
  });
  it('seals secrets with AES-256-GCM bound to their row', () => {
    const { dataKey } = loadOrCreateKeys(tempDir());
    const sealed = seal(dataKey, 'JBSWY3DPEHPK3PXP', 'totp:usr_1');
    assert.equal(open(dataKey, sealed, 'totp:usr_1'), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => open(dataKey, sealed, 'totp:usr_2'));
    assert.notEqual(seal(dataKey, 'x', 'c'), seal(dataKey, 'x', 'c'));
  });
});

describe('storage', () => {
  it('opens SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const dir = tempDir();
    const d = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'gardien.db') });
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(d.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(d.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(d.db);
    assert.equal(journal.rows[0]?.journal_mode, 'wal');
    assert.equal(sync.rows[0]?.synchronous, 2);
    assert.equal(fk.rows[0]?.foreign_keys, 1);
    await migrateToLatest(d.db, d.dialect);
    await migrateToLatest(d.db, d.dialect); // idempotent
    await d.close();
  });

  it(
    'refuses a PostgreSQL server that does not sync its commits',
    { skip: PG_URL ? false : 'no PostgreSQL' },
    async () => {
      const url = new URL(PG_URL!);
      url.searchParams.set('options', '-c synchronous_commit=off');
      await assert.rejects(openDatabase({ kind: 'postgres', url: url.toString() }), DurabilityError);
    },
  );
});

describe('languages', () => {
  it('answers in French unless the client prefers English', () => {
    assert.equal(pickLang(undefined), 'fr');
    assert.equal(pickLang('de-DE,de;q=0.9'), 'fr');
    assert.equal(pickLang('en-US,en;q=0.9,fr;q=0.8'), 'en');
    assert.equal(pickLang('fr-FR,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(pickLang('fr;q=0.5, en;q=0.7'), 'en');
  });
});

describe('project', () => {
  it('produces a software bill of materials', async () => {
    const { execFileSync } = await import('node:child_process');
    const root = path.resolve(import.meta.dirname, '../../..');
    const out = path.join(tempDir(), 'sbom.json');
    execFileSync(process.execPath, [path.join(root, 'scripts/sbom.mjs'), out], { cwd: root, stdio: 'ignore' });
    const sbom = JSON.parse(fs.readFileSync(out, 'utf8')) as { bomFormat: string; components: { name: string }[] };
    assert.equal(sbom.bomFormat, 'CycloneDX');
    assert.ok(sbom.components.some((c) => c.name === 'fastify'));
  });

  it('keeps the version in step with package.json, and docs/permissions.md with the code', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
    const { renderPermissionsDoc } = await import('../../cli/permissions-doc.js');
    assert.equal(
      fs.readFileSync(path.join(root, 'docs/permissions.md'), 'utf8'),
      renderPermissionsDoc(),
      'regenerate: npx gardien permissions > docs/permissions.md',
    );
  });
});
