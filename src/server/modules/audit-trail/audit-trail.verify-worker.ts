// A worker thread of the parallel chain verification (audit-trail.parallel-verify.ts): checks the entries of its slice
// against their stored hashes and links through a connection of its own. Bundled as dist/verify-worker.cjs; run from the
// sources through audit-trail.verify-worker.from-sources.mjs. The chain's first bad entry, if any, is then found by the
// main thread's exact check (ChainVerifier), which alone reports problems.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseTarget } from '../../platform/db/database.js';

export interface SliceTask {
  target: DatabaseTarget;
  /** The resolved path of the database driver the main thread uses (better-sqlite3 or pg). */
  driver: string;
  sql: string;
  pageSize: number;
  practiceId: string;
  first: number;
  last: number;
  keepHashesFor: number[];
}

/** What a worker reports of its slice: `suspectSeq` is the first entry that did not check out (null: all did). */
export interface SliceReport {
  count: number;
  suspectSeq: number | null;
  firstPrev: string | null;
  lastHash: string | null;
  hashes: [number, string][];
}

type Row = [number | string, string, string, string];

async function open(w: SliceTask): Promise<{ page: (after: number) => Promise<Row[]>; close: () => Promise<void> }> {
  const require = createRequire(import.meta.url);
  if (w.target.kind === 'sqlite') {
    const Database = require(w.driver) as typeof import('better-sqlite3');
    const db = new Database(w.target.file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    const page = db.prepare(w.sql).raw(true);
    return {
      page: async (after) => page.all(w.practiceId, after, w.last) as Row[],
      close: async () => void db.close(),
    };
  }
  const { Client } = require(w.driver) as typeof import('pg');
  const client = new Client({ connectionString: w.target.url });
  client.on('error', () => undefined);
  await client.connect();
  return {
    page: async (after) =>
      (await client.query<Row>({ text: w.sql, values: [w.practiceId, after, w.last], rowMode: 'array' })).rows,
    close: () => client.end(),
  };
}

export async function checkSlice(w: SliceTask): Promise<SliceReport> {
  const keep = new Set(w.keepHashesFor);
  const report: SliceReport = { count: 0, suspectSeq: null, firstPrev: null, lastHash: null, hashes: [] };
  const db = await open(w);
  try {
    let after = w.first - 1;
    for (;;) {
      const rows = await db.page(after);
      for (const r of rows) {
        const seq = Number(r[0]);
        if (seq !== after + 1) return { ...report, suspectSeq: after + 1 };
        if (report.count === 0) report.firstPrev = r[1];
        else if (r[1] !== report.lastHash) return { ...report, suspectSeq: seq };
        if (createHash('sha256').update(r[3]).digest('hex') !== r[2]) return { ...report, suspectSeq: seq };
        if (keep.has(seq)) report.hashes.push([seq, r[2]]);
        report.lastHash = r[2];
        report.count++;
        after = seq;
      }
      if (rows.length < w.pageSize) break;
    }
    return after === w.last ? report : { ...report, suspectSeq: after + 1 };
  } finally {
    await db.close();
  }
}

const data = workerData as { task?: SliceTask } | null;
if (parentPort && data?.task) {
  const port = parentPort;
  checkSlice(data.task).then(
    (r) => port.postMessage({ ok: r }),
    (e: unknown) => port.postMessage({ error: String((e as Error)?.stack ?? e) }),
  );
}
