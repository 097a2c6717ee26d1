// The audit writer thread's own code (AuditWriterThread): a connection of its own to the SQLite file, and the same
// AuditTrail as the main thread, so the entries it writes are hashed, chained and checkpointed exactly alike.
// Bundled on its own as dist/audit-writer.cjs (scripts/bundle.mjs); run from the sources under tsx.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../platform/clock.js';
import { openDatabase, type OpenDatabase } from '../../platform/db/database.js';
import { AuditTrail } from './audit-trail.service.js';
import type { WriterData, WriterReply, WriterRequest } from './audit-trail.writer-thread.js';

async function main(): Promise<void> {
  const port = parentPort!;
  const w = workerData as WriterData;
  let opened: OpenDatabase;
  try {
    opened = await openDatabase(w.target);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: String((e as Error)?.message ?? e) } satisfies WriterReply);
    return;
  }
  const auditSigningKey = createPrivateKey({ key: Buffer.from(w.signingKeyDer), format: 'der', type: 'pkcs8' });
  const trail = new AuditTrail({ keys: { auditSigningKey, auditPublicKey: createPublicKey(auditSigningKey), auditKeyId: w.keyId }, clock: systemClock, checkpointEvery: w.checkpointEvery });
  // One batch at a time, in the order sent (the main thread sends the next only once this one is answered).
  let queue = Promise.resolve();
  port.on('message', (m: WriterRequest) => {
    queue = queue.then(async () => {
      if (m.kind === 'stop') {
        await opened.close();
        port.close();
        return;
      }
      try {
        await opened.db.transaction().execute((tx) => trail.appendMany(tx, m.entries));
        port.postMessage({ kind: 'written', id: m.id } satisfies WriterReply);
      } catch (e) {
        const err = e as { message?: unknown; code?: unknown };
        port.postMessage({ kind: 'error', id: m.id, message: String(err?.message ?? e), code: typeof err?.code === 'string' ? err.code : undefined } satisfies WriterReply);
      }
    });
  });
  port.postMessage({ kind: 'ready' } satisfies WriterReply);
}

void main();
