import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { AppError } from '../../shared/app-error.js';
import { cliActor } from '../../shared/actor.js';
import { loadOrCreateKeys } from '../../platform/crypto/key-file.js';
import { openDatabase } from '../../platform/db/database.js';
import { createPractice, createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  createTestDatabase,
  describeEachDialect,
  PG_URL,
  tempDir,
  type TestDatabase,
} from '../../../../test/support/dialects.js';
import { AuditTrail } from '../audit-trail/index.js';
import { BackupEngine } from './backup.engine.js';

const reason = (e: unknown) =>
  e instanceof AppError ? String(e.issues?.[0]?.params?.reason ?? e.issues?.[0]?.code ?? e.code) : String(e);

describeEachDialect('backup and restore', (dialect) => {
  let t: TestApp;
  let dir: string;
  let practiceId: string;
  const targets: TestDatabase[] = [];
  before(async () => {
    t = await createTestApp(dialect);
    dir = tempDir('gardien-backups-');
    const p = await createPractice(t, 'Cabinet Sauvegarde');
    practiceId = p.practiceId;
    for (let i = 0; i < 30; i++)
      await t.services.team.addMember(cliActor(), practiceId, {
        email: `m${i}@example.fr`,
        name: `Membre ${i}`,
        role: 'assistant',
        initialPassword: 'Sel-de-Guérande-42-Brioche!',
      });
  });
  after(async () => {
    for (const d of targets) await d.dispose();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a consistent backup while writes go on, and the drill restores it identically', async () => {
    let writing = true;
    const writes = (async () => {
      let n = 0;
      while (writing && n < 300) {
        // Let the event loop breathe between writes, as requests arriving over the network do.
        await new Promise((r) => setImmediate(r));
        await t.services.apiTokens.createForMember(
          cliActor(),
          practiceId,
          (await t.services.auth.findUserByEmail('m1@example.fr'))!.id,
          `token ${n++}`,
        );
      }
      return n;
    })();
    const file = path.join(dir, 'online.gbk');
    const seen: number[] = [];
    const r = await t.services.backupEngine.createBackup(file, {}, (done) => seen.push(done));
    writing = false;
    assert.ok((await writes) > 0);
    assert.ok(seen.length > 0, 'progress was reported');
    assert.equal(r.tables.practices!.rows, 1);
    assert.equal(r.tables.users!.rows, 31);
    // The backup's audit chain and its tokens belong to one instant: the drill's checks (hashes, chains) pass.
    const drill = await t.services.backupEngine.drill(file);
    assert.equal(drill.ok, true, drill.problem ?? '');
    assert.equal(drill.integrity, 'ok');
    assert.ok(drill.auditOk);
    assert.deepEqual(drill.tables, r.tables);
    const raw = fs.readFileSync(file);
    assert.ok(!raw.includes(Buffer.from('Cabinet Sauvegarde')), 'the content is encrypted');
    assert.ok(!raw.includes(Buffer.from('m1@example.fr')));
  });

  it('restores into an empty database of either kind (SQLite ↔ PostgreSQL), audit trail intact', async () => {
    const file = path.join(dir, 'portable.gbk');
    const r = await t.services.backupEngine.createBackup(file);
    for (const kind of ['sqlite', 'postgres'] as const) {
      if (kind === 'postgres' && !PG_URL) continue;
      const target = await createTestDatabase(kind);
      targets.push(target);
      const result = await t.services.backupEngine.restore(file, target.target);
      assert.equal(result.ok, true, `${dialect} → ${kind}: ${result.problem}`);
      assert.deepEqual(result.tables, r.tables, `${dialect} → ${kind}`);
      const opened = await openDatabase(target.target);
      const verify = await new AuditTrail({ keys: t.services.keys, clock: t.clock, checkpointEvery: 100 }).verifyAll(
        opened.db,
      );
      await opened.close();
      assert.ok(verify.length >= 1, JSON.stringify(verify));
      for (const v of verify) assert.equal(v.ok, true, `${dialect} → ${kind}: ${JSON.stringify(v)}`);
    }
  });

  it('refuses a corrupted, truncated or foreign backup before touching anything', async () => {
    const file = path.join(dir, 'good.gbk');
    await t.services.backupEngine.createBackup(file);
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.6)]! ^= 0x01;
    fs.writeFileSync(path.join(dir, 'flipped.gbk'), flipped);
    fs.writeFileSync(path.join(dir, 'truncated.gbk'), bytes.subarray(0, bytes.length - 40));
    const other = new BackupEngine({
      target: { kind: 'sqlite', file: '/nonexistent' },
      dialect: 'sqlite',
      keys: loadOrCreateKeys(tempDir()),
      clock: t.clock,
      auditTrail: t.services.auditTrail,
      version: '0.1.0',
    });
    const cases: [string, RegExp][] = [
      ['flipped.gbk', /damaged or altered/],
      ['truncated.gbk', /truncated/],
    ];
    const targetDir = tempDir();
    const target = { kind: 'sqlite' as const, file: path.join(targetDir, 'gardien.db') };
    for (const [name, expected] of cases) {
      await assert.rejects(t.services.backupEngine.restore(path.join(dir, name), target), (e) =>
        expected.test(reason(e)),
      );
      assert.equal(fs.existsSync(target.file), false, `${name}: nothing written`);
    }
    await assert.rejects(other.restore(file, target), (e) => /another key/.test(reason(e)));
    assert.deepEqual(fs.readdirSync(targetDir), []);
    await assert.rejects(t.services.backupEngine.drill(path.join(dir, 'flipped.gbk')));
  });

  it('seals with a passphrase when asked, and refuses the wrong one', async () => {
    const file = path.join(dir, 'pass.gbk');
    await t.services.backupEngine.createBackup(file, { passphrase: 'une phrase de passe assez longue pour le coffre' });
    await assert.rejects(t.services.backupEngine.inspect(file, { passphrase: 'une autre phrase' }), (e) =>
      /another key/.test(reason(e)),
    );
    await assert.rejects(t.services.backupEngine.inspect(file), (e) => reason(e) === 'backup_passphrase_required');
    const ok = await t.services.backupEngine.inspect(file, {
      passphrase: 'une phrase de passe assez longue pour le coffre',
    });
    assert.equal(ok.meta.app, 'gardien');
  });

  it('refuses a weak passphrase for sealing, naming it, and writes no file (issue 18)', async () => {
    for (const weak of ['1234', 'sauvegarde2026', 'aaaaaaaaaaaaaaaaaaaaaaaa']) {
      const file = path.join(dir, `weak-${weak.length}.gbk`);
      await assert.rejects(
        t.services.backupEngine.createBackup(file, { passphrase: weak }),
        (e) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.issues?.[0]?.path === 'passphrase',
      );
      assert.equal(fs.existsSync(file), false);
    }
  });

  it('refuses to restore over existing data', async () => {
    const file = path.join(dir, 'again.gbk');
    await t.services.backupEngine.createBackup(file);
    const target = await createTestDatabase(dialect);
    targets.push(target);
    await t.services.backupEngine.restore(file, target.target);
    await assert.rejects(
      t.services.backupEngine.restore(file, target.target),
      (e) => e instanceof AppError && e.code === 'CONFLICT',
    );
  });

  it('warns when the last good backup or drill is too old, and keeps only the newest scheduled backups', async () => {
    const fresh = await createTestApp(dialect);
    try {
      const s0 = await fresh.services.backupEngine.status();
      assert.deepEqual([s0.isBackupTooOld, s0.isDrillTooOld, s0.lastBackupAt], [true, true, null]);
      const sched = tempDir('gardien-sched-');
      const opts = { everyMs: 24 * 3600_000, keep: 3, drillEveryMs: 30 * 24 * 3600_000 };
      for (let day = 0; day < 5; day++) {
        assert.ok(await fresh.services.backupEngine.runScheduled(sched, opts), `day ${day}: a backup is due`);
        assert.equal(await fresh.services.backupEngine.runScheduled(sched, opts), null, 'not twice the same day');
        fresh.clock.advance(25 * 3600_000);
      }
      assert.equal(fs.readdirSync(sched).length, 3);
      fresh.clock.advance(-25 * 3600_000 + 3600_000);
      const s1 = await fresh.services.backupEngine.status();
      assert.deepEqual([s1.isBackupTooOld, s1.isDrillTooOld], [false, false]);
      fresh.clock.advance(27 * 3600_000);
      assert.equal((await fresh.services.backupEngine.status()).isBackupTooOld, true);
      fresh.clock.advance(36 * 24 * 3600_000);
      assert.equal((await fresh.services.backupEngine.status()).isDrillTooOld, true);
      fs.rmSync(sched, { recursive: true, force: true });
    } finally {
      await fresh.close();
    }
  });
});
