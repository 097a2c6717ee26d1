import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline, Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Keys } from '../../platform/crypto/key-file.js';
import { keyCheckOf, SCRYPT_PARAMS, writeSealedFile } from '../../platform/crypto/sealed-file.js';
import { openDatabase, withSnapshot, type DatabaseTarget, type Db, type Executor } from '../../platform/db/database.js';
import { MIGRATION_NAMES, migrateToLatest } from '../../platform/db/migrations/index.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { AuditTrail } from '../audit-trail/index.js';
import { passwordIssues } from '../auth/index.js';
import { BACKUP_TABLES } from './backup.tables.js';
import {
  BACKUP_FORMAT,
  readBackup,
  sealingKey,
  TableHasher,
  type BackupKey,
  type BackupResult,
  type DrillResult,
  type Line,
  type Progress,
  type TableSummary,
} from './backup.format.js';
import * as repo from './backup.repository.js';

export { BACKUP_FORMAT, type BackupKey, type BackupResult, type DrillResult, type Progress, type TableSummary };

export interface BackupDeps {
  /** The live database, where backups and drills are recorded (absent for a stand-alone restore). */
  db?: Db;
  target: DatabaseTarget;
  dialect: string;
  keys: Keys;
  clock: Clock;
  auditTrail: AuditTrail;
  version: string;
}

/** Encrypted, logical, portable backups; restores that check everything before replacing anything; restore drills. */
export class BackupEngine {
  constructor(private readonly deps: BackupDeps) {}

  /** A consistent online backup: one snapshot of the database, streamed, compressed and sealed (AES-256-GCM). */
  async createBackup(file: string, key: BackupKey = {}, onProgress?: Progress): Promise<BackupResult> {
    // An off-site copy is exactly what an attacker gets: a passphrase that seals one meets the password rule (an older
    // backup still opens with the passphrase it was sealed with).
    if (key.passphrase !== undefined) {
      const issues = await passwordIssues(key.passphrase, ['gardien', 'sauvegarde', 'backup'], 'passphrase');
      if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
    }
    const startedAt = this.deps.clock.now().toISOString();
    const salt = randomBytes(16);
    const keySource = key.passphrase ? 'passphrase' : 'keyfile';
    const header = {
      keySource,
      ...(key.passphrase ? { salt: salt.toString('base64'), scrypt: { ...SCRYPT_PARAMS } } : {}),
    } as const;
    const sealKey = sealingKey(this.deps.keys, header, key);
    const tables: Record<string, TableSummary> = {};
    const run = async (snap: Executor) => {
      const counts: Record<string, number> = {};
      for (const t of BACKUP_TABLES) counts[t.name] = await repo.countRows(snap, t.name);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const version = this.deps.version;
      const dialect = this.deps.dialect;
      async function* lines(): AsyncGenerator<string> {
        yield (
          JSON.stringify({
            kind: 'meta',
            format: BACKUP_FORMAT,
            app: 'gardien',
            version,
            migrations: MIGRATION_NAMES,
            createdAt: startedAt,
            sourceDialect: dialect,
            counts,
          } satisfies Line) + '\n'
        );
        let done = 0;
        for (const t of BACKUP_TABLES) {
          const hasher = new TableHasher();
          let batch = '';
          for await (const row of repo.readTable(snap, t.name, t.key)) {
            hasher.add(row);
            batch += JSON.stringify({ kind: 'row', t: t.name, r: row } satisfies Line) + '\n';
            if (++done % 1000 === 0) {
              onProgress?.(done, total, t.name);
              yield batch;
              batch = '';
            }
          }
          tables[t.name] = { rows: hasher.rows, sha256: hasher.digest() };
          yield batch + JSON.stringify({ kind: 'table-end', t: t.name, ...tables[t.name]! } satisfies Line) + '\n';
        }
        onProgress?.(done, total, 'end');
        yield JSON.stringify({ kind: 'end', tables } satisfies Line) + '\n';
      }
      const gz = createGzip({ level: 6 });
      pipeline(Readable.from(lines()), gz, () => undefined); // an error on either side reaches the reader below
      return writeSealedFile(
        file,
        { kind: 'gardien-backup', createdAt: startedAt, keyCheck: keyCheckOf(sealKey), ...header },
        gz as AsyncIterable<Buffer>,
        sealKey,
      );
    };
    let bytes = 0;
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
      bytes = await withSnapshot(this.deps.target, run);
    } catch (e) {
      await this.recordRun('backup', startedAt, false, file, null, {
        error: e instanceof Error ? e.message : String(e),
      });
      throw e;
    }
    await this.recordRun('backup', startedAt, true, file, bytes, { tables });
    return { file, bytes, tables };
  }

  /** Reads the whole backup once, verifying key, every frame, every table hash and the schema version; changes nothing. */
  async inspect(
    file: string,
    key: BackupKey = {},
  ): Promise<{ meta: Extract<Line, { kind: 'meta' }>; tables: Record<string, TableSummary> }> {
    let meta: Extract<Line, { kind: 'meta' }> | null = null;
    let tables: Record<string, TableSummary> = {};
    try {
      for await (const line of readBackup(file, this.deps.keys, key)) {
        if (line.kind === 'meta') meta = line;
        if (line.kind === 'end') tables = line.tables;
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          { path: 'file', code: 'backup_invalid', params: { reason: e instanceof Error ? e.message : String(e) } },
        ],
        cause: e,
      });
    }
    if (!meta)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'file', code: 'backup_invalid', params: { reason: 'empty backup' } }],
      });
    if (meta.migrations.join() !== MIGRATION_NAMES.join()) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'file', code: 'backup_other_version', params: { version: meta.version } }],
      });
    }
    return { meta, tables };
  }

  /**
   * Restores a backup into `target`, which must hold no Gardien data: the backup is checked whole first, then loaded in one
   * transaction, then the result is checked (integrity, audit chains, table hashes). A SQLite file is built beside the
   * target and swapped in only when everything passed; the previous file is kept.
   */
  async restore(
    file: string,
    target: DatabaseTarget,
    key: BackupKey = {},
    onProgress?: Progress,
    options: { replaceSqlite?: boolean } = {},
  ): Promise<DrillResult> {
    const started = Date.now();
    const { meta, tables } = await this.inspect(file, key);
    const total = Object.values(meta.counts).reduce((a, b) => a + b, 0);
    const buildTarget: DatabaseTarget =
      target.kind === 'sqlite' ? { kind: 'sqlite', file: `${target.file}.restoring-${process.pid}` } : target;
    if (target.kind === 'sqlite' && fs.existsSync(target.file) && !options.replaceSqlite) {
      throw conflict('target', 'restore_target_exists');
    }
    if (buildTarget.kind === 'sqlite')
      for (const f of [buildTarget.file, `${buildTarget.file}-wal`, `${buildTarget.file}-shm`])
        fs.rmSync(f, { force: true });
    const opened = await openDatabase(buildTarget);
    let result: DrillResult;
    try {
      await migrateToLatest(opened.db, opened.dialect);
      for (const t of BACKUP_TABLES) {
        if ((await repo.countRows(opened.db, t.name)) > 0) throw conflict('target', 'restore_target_not_empty');
      }
      await opened.db.transaction().execute(async (tx) => {
        let batch: Record<string, unknown>[] = [];
        let table = '';
        let done = 0;
        const flush = async () => {
          if (batch.length) await repo.insertRows(tx, table as 'practices', batch);
          batch = [];
        };
        for await (const line of readBackup(file, this.deps.keys, key)) {
          if (line.kind !== 'row') continue;
          if (line.t !== table) {
            await flush();
            table = line.t;
          }
          batch.push(line.r);
          if (batch.length >= 200) await flush();
          if (++done % 1000 === 0) onProgress?.(done, total, table);
        }
        await flush();
        onProgress?.(done, total, 'end');
      });
      result = await this.checkDatabase(opened.db, buildTarget, tables, file, started);
    } catch (e) {
      await opened.close();
      if (buildTarget.kind === 'sqlite')
        for (const f of [buildTarget.file, `${buildTarget.file}-wal`, `${buildTarget.file}-shm`])
          fs.rmSync(f, { force: true });
      throw e;
    }
    await opened.close();
    if (!result.ok)
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: 'file',
            code: 'backup_invalid',
            params: { reason: result.problem ?? 'restored copy failed its checks' },
          },
        ],
      });
    if (target.kind === 'sqlite' && buildTarget.kind === 'sqlite') {
      if (fs.existsSync(target.file)) {
        const kept = `${target.file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(target.file, kept);
        for (const s of ['-wal', '-shm']) if (fs.existsSync(target.file + s)) fs.renameSync(target.file + s, kept + s);
      }
      fs.renameSync(buildTarget.file, target.file);
    }
    return result;
  }

  /** Integrity of a restored database: engine check, every audit chain, and each table's hash against the backup's. */
  private async checkDatabase(
    db: Db,
    target: DatabaseTarget,
    expected: Record<string, TableSummary>,
    file: string,
    started: number,
  ): Promise<DrillResult> {
    let integrity = 'ok';
    if (target.kind === 'sqlite') {
      const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      integrity = r.rows.map((x) => x.integrity_check).join('; ');
    }
    const chains = await this.deps.auditTrail.verifyAll(db, target);
    const actual: Record<string, TableSummary> = {};
    for (const t of BACKUP_TABLES) {
      const h = new TableHasher();
      for await (const row of repo.readTable(db, t.name, t.key)) h.add(row);
      actual[t.name] = { rows: h.rows, sha256: h.digest() };
    }
    const mismatch = BACKUP_TABLES.find((t) => actual[t.name]?.sha256 !== expected[t.name]?.sha256);
    const badChain = chains.find((c) => !c.ok);
    const problem =
      integrity !== 'ok'
        ? `integrity check: ${integrity}`
        : badChain
          ? `audit trail of ${badChain.practiceId}: ${badChain.problem}`
          : mismatch
            ? `table ${mismatch.name} differs from the backup`
            : null;
    return {
      ok: problem === null,
      file,
      tables: actual,
      integrity,
      auditChains: chains.length,
      auditOk: !badChain,
      durationMs: Date.now() - started,
      problem,
    };
  }

  /** The restore drill: restores into a temporary SQLite file, checks it, records the result, deletes the copy. */
  async drill(file: string, key: BackupKey = {}, onProgress?: Progress): Promise<DrillResult> {
    const startedAt = this.deps.clock.now().toISOString();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-drill-'));
    try {
      const result = await this.restore(file, { kind: 'sqlite', file: path.join(dir, 'drill.db') }, key, onProgress);
      await this.recordRun('drill', startedAt, true, file, null, {
        durationMs: result.durationMs,
        auditChains: result.auditChains,
      });
      return result;
    } catch (e) {
      await this.recordRun('drill', startedAt, false, file, null, {
        error:
          e instanceof AppError
            ? (e.issues?.[0]?.params?.reason ?? e.code)
            : e instanceof Error
              ? e.message
              : String(e),
      });
      throw e;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private async recordRun(
    kind: 'backup' | 'drill',
    startedAt: string,
    ok: boolean,
    file: string | null,
    bytes: number | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    if (!this.deps.db) return;
    await repo.insertRun(this.deps.db, {
      id: newId('bkp'),
      kind,
      started_at: startedAt,
      finished_at: this.deps.clock.now().toISOString(),
      ok: ok ? 1 : 0,
      file: file ? path.basename(file) : null,
      bytes,
      details: JSON.stringify(details),
    });
  }

  private live(): Db {
    if (!this.deps.db) throw new Error('backup status needs the live database');
    return this.deps.db;
  }

  /** G21: warn when the last good backup is older than 26 h (RPO 24 h) or the last good drill older than 35 days. */
  /** Runs on `db`: inside a use case, its transaction (SQLite has one connection: another query would wait forever). */
  async status(db: Executor = this.live()): Promise<BackupStatus> {
    const now = this.deps.clock.now().getTime();
    const [backup, drill, lastAttempt] = await Promise.all([
      repo.findLastRun(db, 'backup', true),
      repo.findLastRun(db, 'drill', true),
      repo.findLastRun(db, 'backup', false),
    ]);
    const age = (at: string | undefined) => (at ? now - new Date(at).getTime() : Infinity);
    return {
      lastBackupAt: backup?.finished_at ?? null,
      lastDrillAt: drill?.finished_at ?? null,
      lastBackupFailed: lastAttempt !== undefined && lastAttempt.ok === 0,
      isBackupTooOld: age(backup?.finished_at) > BACKUP_MAX_AGE_MS,
      isDrillTooOld: age(drill?.finished_at) > DRILL_MAX_AGE_MS,
    };
  }

  /** Scheduled backups: one when the last good one is older than `everyMs`, then the oldest files beyond `keep` are removed. */
  async runScheduled(
    dir: string,
    opts: { everyMs: number; keep: number; drillEveryMs: number },
  ): Promise<BackupResult | null> {
    const status = await this.status();
    const now = this.deps.clock.now();
    if (status.lastBackupAt && now.getTime() - new Date(status.lastBackupAt).getTime() < opts.everyMs) return null;
    const file = path.join(dir, `gardien-${now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}.gbk`);
    const result = await this.createBackup(file);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^gardien-\d{8}T\d{6}\.gbk$/.test(f))
      .sort();
    for (const old of files.slice(0, Math.max(0, files.length - opts.keep)))
      fs.rmSync(path.join(dir, old), { force: true });
    if (!status.lastDrillAt || now.getTime() - new Date(status.lastDrillAt).getTime() > opts.drillEveryMs)
      await this.drill(file).catch(() => undefined);
    return result;
  }
}

export interface BackupStatus {
  lastBackupAt: string | null;
  lastDrillAt: string | null;
  lastBackupFailed: boolean;
  isBackupTooOld: boolean;
  isDrillTooOld: boolean;
}

/** RPO of 24 h with two hours of slack (security goal G21). */
export const BACKUP_MAX_AGE_MS = 26 * 3600_000;
/** A restore drill at least every 35 days (G21); the product's own ritual asks for one every quarter at the least. */
export const DRILL_MAX_AGE_MS = 35 * 24 * 3600_000;
