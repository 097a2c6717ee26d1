import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { it } from 'node:test';
import { systemClock } from '../src/server/platform/clock.js';
import { loadOrCreateKeys } from '../src/server/platform/crypto/key-file.js';
import { openDatabase } from '../src/server/platform/db/database.js';
import { migrateToLatest } from '../src/server/platform/db/migrations/index.js';
import { AuditTrail, SERVER_CHAIN } from '../src/server/modules/audit-trail/index.js';
import type { WriterData, WriterReply } from '../src/server/modules/audit-trail/audit-trail.writer-thread.js';
import { createTestDatabase } from './support/dialects.js';

const root = path.resolve(import.meta.dirname, '..');

/** The audit writer thread as the installed server runs it: its own bundle, dist/audit-writer.cjs (scripts/bundle.mjs). */
it('the bundled audit writer thread opens the database and commits a batch that verifies', async () => {
  if (process.env.GARDIEN_TEST_BUILT !== '1') assert.equal(spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status, 0, 'build failed');
  const testDb = await createTestDatabase('sqlite');
  const opened = await openDatabase(testDb.target);
  try {
    await migrateToLatest(opened.db, opened.dialect);
    const keys = loadOrCreateKeys(testDb.dataDir);
    const data: WriterData = { target: testDb.target as { kind: 'sqlite'; file: string }, signingKeyDer: keys.auditSigningKey.export({ format: 'der', type: 'pkcs8' }), keyId: keys.auditKeyId, checkpointEvery: 2 };
    const worker = new Worker(path.join(root, 'dist/audit-writer.cjs'), { workerData: data });
    const replies: WriterReply[] = [];
    const next = () => new Promise<WriterReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    replies.push(await next());
    assert.deepEqual(replies[0], { kind: 'ready' });
    const ctx = { actorId: 'system', actorRole: 'none', requestId: null, ip: null };
    worker.postMessage({ kind: 'append', id: 1, entries: [1, 2, 3].map((n) => ({ input: { practiceId: SERVER_CHAIN, action: 'access.denied', targetType: 'test', details: { n } }, ctx })) });
    assert.deepEqual(await next(), { kind: 'written', id: 1 });
    const exited = new Promise((r) => worker.once('exit', r));
    worker.postMessage({ kind: 'stop' });
    assert.equal(await exited, 0, 'the thread ends once stopped');
    const check = await new AuditTrail({ keys, clock: systemClock, checkpointEvery: 2 }).verifyChain(opened.db, SERVER_CHAIN);
    assert.equal(check.ok, true, check.problem ?? '');
    assert.equal(check.entries, 3);
    assert.equal(check.checkpoints, 1);
  } finally {
    await opened.close();
    await testDb.dispose();
  }
});
