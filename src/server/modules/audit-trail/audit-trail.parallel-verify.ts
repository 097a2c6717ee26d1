import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseTarget } from '../../platform/db/database.js';
import { sqliteDriverPath } from '../../platform/db/sqlite-driver.js';
import { GENESIS_HASH } from './audit-trail.rules.js';
import type { SliceReport, SliceTask } from './audit-trail.verify-worker.js';

export interface RangeCheck {
  /** True when entries 1..lastSeq are all present, in order, linked, and each hash is that of its encoding. */
  intact: boolean;
  lastHash: string | null;
  /** The hash of each entry asked for in `keepHashesFor` (the checkpoints' seqs). */
  hashes: Map<number, string>;
}

/** The worker's code: dist/verify-worker.cjs beside the bundle, else the module beside this one (the sources, or tsc's output). */
function workerEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new URL('./verify-worker.cjs', here);
  return new URL(
    here.endsWith('.ts') ? './audit-trail.verify-worker.from-sources.mjs' : './audit-trail.verify-worker.js',
    here,
  );
}

function runSlice(task: SliceTask): { done: Promise<SliceReport>; stop: () => void } {
  // V8's flags are the process's: under the shebang's small young generation the many short strings of a million rows
  // cost more collections (measured: 4.5 → 6.6 s), and a worker's resourceLimits does not override a flag.
  const worker = new Worker(workerEntry(), { workerData: { task } });
  const done = new Promise<SliceReport>((resolve, reject) => {
    worker.once('message', (m: { ok?: SliceReport; error?: string }) =>
      m.ok ? resolve(m.ok) : reject(new Error(m.error ?? 'audit verification worker failed')),
    );
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
export async function verifyRangeInWorkers(opts: {
  target: DatabaseTarget;
  sql: string;
  pageSize: number;
  practiceId: string;
  lastSeq: number;
  keepHashesFor: readonly number[];
  workers?: number;
}): Promise<RangeCheck> {
  const require = createRequire(import.meta.url);
  const driver = opts.target.kind === 'sqlite' ? sqliteDriverPath() : require.resolve('pg');
  const n = Math.max(1, Math.min(opts.workers ?? Math.min(4, os.availableParallelism()), opts.lastSeq));
  const per = Math.ceil(opts.lastSeq / n);
  const slices = Array.from({ length: n }, (_, k) => {
    const first = k * per + 1;
    const last = Math.min(opts.lastSeq, (k + 1) * per);
    return runSlice({
      target: opts.target,
      driver,
      sql: opts.sql,
      pageSize: opts.pageSize,
      practiceId: opts.practiceId,
      first,
      last,
      keepHashesFor: opts.keepHashesFor.filter((s) => s >= first && s <= last),
    });
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
    if (r.suspectSeq !== null || r.count === 0 || r.firstPrev !== prev)
      return { intact: false, lastHash: null, hashes };
    for (const [seq, hash] of r.hashes) hashes.set(seq, hash);
    prev = r.lastHash!;
  }
  return { intact: true, lastHash: prev, hashes };
}
