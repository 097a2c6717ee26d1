import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { systemClock } from '../src/server/platform/clock.js';
import { loadOrCreateKeys } from '../src/server/platform/crypto/key-file.js';
import { openDatabase } from '../src/server/platform/db/database.js';
import { migrateToLatest } from '../src/server/platform/db/migrations/index.js';
import { AuditTrail, SERVER_CHAIN } from '../src/server/modules/audit-trail/index.js';
import { encodedPageSql } from '../src/server/modules/audit-trail/audit-trail.repository.js';
import type { SliceReport, SliceTask } from '../src/server/modules/audit-trail/audit-trail.verify-worker.js';
import { createTestDatabase } from './support/dialects.js';
import { sqliteDriver, sqliteDriverPath } from '../src/server/platform/db/sqlite-driver.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The chain verification's worker as the installed server runs it: its own bundle, dist/verify-worker.cjs
 * (scripts/bundle.mjs). The service falls back to the main thread when a worker fails, so only this test would see a
 * broken bundle.
 */
it('the bundled verification worker checks a slice of a chain and finds a tampered entry', async () => {
  if (process.env.GARDIEN_TEST_BUILT !== '1')
    assert.equal(
      spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status,
      0,
      'build failed',
    );
  const testDb = await createTestDatabase('sqlite');
  const opened = await openDatabase(testDb.target);
  try {
    await migrateToLatest(opened.db, opened.dialect);
    const trail = new AuditTrail({ keys: loadOrCreateKeys(testDb.dataDir), clock: systemClock, checkpointEvery: 100 });
    await opened.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 25; i++)
        await trail.append(
          tx,
          {
            practiceId: SERVER_CHAIN,
            action: 'auth.login.failed',
            targetType: 'user',
            targetId: null,
            outcome: 'failure',
            details: { i },
          },
          { actorId: 'anonymous', actorRole: 'none', requestId: null, ip: null },
        );
    });
    const task: SliceTask = {
      target: testDb.target,
      driver: sqliteDriverPath(),
      sql: encodedPageSql('sqlite', 10),
      pageSize: 10,
      practiceId: SERVER_CHAIN,
      first: 1,
      last: 25,
      keepHashesFor: [20],
    };
    const run = () =>
      new Promise<SliceReport>((resolve, reject) => {
        const worker = new Worker(path.join(root, 'dist/verify-worker.cjs'), { workerData: { task } });
        worker.once('message', (m: { ok?: SliceReport; error?: string }) =>
          m.ok ? resolve(m.ok) : reject(new Error(m.error)),
        );
        worker.once('error', reject);
      });
    const intact = await run();
    assert.deepEqual([intact.count, intact.suspectSeq, intact.hashes.map(([seq]) => seq)], [25, null, [20]]);
    // An entry changed behind the triggers' back (they refuse UPDATE: drop them for the test, as an attacker with the file would).
    const raw = new (sqliteDriver())((testDb.target as { file: string }).file);
    raw.exec('drop trigger audit_entries_no_update');
    raw.prepare('update audit_entries set details = \'{"i":99}\' where practice_id = ? and seq = 7').run(SERVER_CHAIN);
    raw.close();
    assert.equal((await run()).suspectSeq, 7);
  } finally {
    await opened.close();
    await testDb.dispose();
  }
});
