import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseTarget } from '../../platform/db/database.js';
import { GENESIS_HASH } from './audit-trail.rules.js';

/** What a worker reports of its slice: `suspectSeq` is the first entry that did not check out (null: all did). */
interface SliceReport {
  count: number;
  suspectSeq: number | null;
  firstPrev: string | null;
  lastHash: string | null;
  hashes: [number, string][];
}

export interface RangeCheck {
  /** True when entries 1..lastSeq are all present, in order, linked, and each hash is that of its encoding. */
  intact: boolean;
  lastHash: string | null;
  /** The hash of each entry asked for in `keepHashesFor` (the checkpoints' seqs). */
  hashes: Map<number, string>;
}

/**
 * The worker's code, run with `eval` so that it needs no file of its own beside the bundle (dist/gardien.cjs) or the
 * sources (tsx): plain JavaScript that only requires node:crypto and the database driver the main thread resolved.
 * It checks the entries of its slice against the stored hashes and links; the chain's first bad entry, if any, is then
 * found by the main thread's exact check (ChainVerifier), which alone reports problems.
 */
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { createHash } = require('node:crypto');
async function open() {
  if (w.target.kind === 'sqlite') {
    const Database = require(w.driver);
    const db = new Database(w.target.file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    const page = db.prepare(w.sql).raw(true);
    return { page: async (after) => page.all(w.practiceId, after, w.last), close: async () => db.close() };
  }
  const { Client } = require(w.driver);
  const client = new Client({ connectionString: w.target.url });
  client.on('error', () => undefined);
  await client.connect();
  return {
    page: async (after) => (await client.query({ text: w.sql, values: [w.practiceId, after, w.last], rowMode: 'array' })).rows,
    close: () => client.end(),
  };
}
async function run() {
  const keep = new Set(w.keepHashesFor);
  const report = { count: 0, suspectSeq: null, firstPrev: null, lastHash: null, hashes: [] };
  const db = await open();
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
run().then((r) => parentPort.postMessage({ ok: r }), (e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

function runSlice(workerData: Record<string, unknown>): { done: Promise<SliceReport>; stop: () => void } {
  // V8's flags are the process's: under the shebang's small young generation the many short strings of a million rows
  // cost more collections (measured: 4.5 → 6.6 s), and a worker's resourceLimits does not override a flag.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  const done = new Promise<SliceReport>((resolve, reject) => {
    worker.once('message', (m: { ok?: SliceReport; error?: string }) => (m.ok ? resolve(m.ok) : reject(new Error(m.error ?? 'audit verification worker failed'))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`audit verification worker exited (${code})`)));
  });
  return { done, stop: () => void worker.terminate() };
}

/**
 * Checks entries 1..lastSeq of a chain in slices, each read by a worker thread through its own connection, and the
 * joins between the slices. Entries are append-only, so any later connection reads the same entries up to lastSeq as
 * the caller's transaction. Throws when a worker cannot run (the caller then verifies on its own connection).
 */
export async function verifyRangeInWorkers(opts: { target: DatabaseTarget; sql: string; pageSize: number; practiceId: string; lastSeq: number; keepHashesFor: readonly number[]; workers?: number }): Promise<RangeCheck> {
  const require = createRequire(import.meta.url);
  const driver = require.resolve(opts.target.kind === 'sqlite' ? 'better-sqlite3' : 'pg');
  const n = Math.max(1, Math.min(opts.workers ?? Math.min(4, os.availableParallelism()), opts.lastSeq));
  const per = Math.ceil(opts.lastSeq / n);
  const slices = Array.from({ length: n }, (_, k) => {
    const first = k * per + 1;
    const last = Math.min(opts.lastSeq, (k + 1) * per);
    return runSlice({ target: opts.target, driver, sql: opts.sql, pageSize: opts.pageSize, practiceId: opts.practiceId, first, last, keepHashesFor: opts.keepHashesFor.filter((s) => s >= first && s <= last) });
  });
  let reports: SliceReport[];
  try {
    reports = await Promise.all(slices.map((s) => s.done));
  } finally {
    for (const s of slices) s.stop();
  }
  const hashes = new Map<number, string>();
  let prev = GENESIS_HASH;
  for (const r of reports) {
    if (r.suspectSeq !== null || r.count === 0 || r.firstPrev !== prev) return { intact: false, lastHash: null, hashes };
    for (const [seq, hash] of r.hashes) hashes.set(seq, hash);
    prev = r.lastHash!;
  }
  return { intact: true, lastHash: prev, hashes };
}
