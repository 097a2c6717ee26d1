import { Worker } from 'node:worker_threads';
import type { AuditKeys } from '../../platform/crypto/key-file.js';
import type { WriteGate } from '../../platform/db/database.js';
import type { AppendInput, AuditContext } from './audit-trail.service.js';

/** What the thread starts from (structured-cloned): the SQLite file, the checkpoint signing key, the checkpoint step. */
export interface WriterData {
  target: { kind: 'sqlite'; file: string };
  signingKeyDer: Uint8Array;
  keyId: string;
  checkpointEvery: number;
}

export interface WriterEntry {
  input: AppendInput;
  ctx: AuditContext;
}

export type WriterRequest = { kind: 'append'; id: number; entries: WriterEntry[] } | { kind: 'stop' };
export type WriterReply = { kind: 'ready' } | { kind: 'failed'; message: string } | { kind: 'written'; id: number } | { kind: 'error'; id: number; message: string; code: string | undefined };

export interface AuditWriterThreadOptions {
  file: string;
  keys: AuditKeys;
  checkpointEvery: number;
  /** The main connection's turn at the write lock: a batch waits for it, so the two never meet in SQLite's busy handler. */
  gate: WriteGate;
  /** Stopped after this long without being told the group commit is busy (`busy()`); 30 s unless set. */
  idleMs?: number;
}

/** An error the thread reported, with the driver's code (SQLITE_BUSY…) for classifyDbError. */
class WriterError extends Error {
  override name = 'AuditWriterError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The thread's code: dist/audit-writer.cjs beside the bundle, else the module beside this one (tsc's output, or the sources). */
function workerEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new URL('./audit-writer.cjs', here);
  return new URL(here.endsWith('.ts') ? './audit-trail.writer-worker.from-sources.mjs' : './audit-trail.writer-worker.js', here);
}

/** After a thread failed, the group commit stays in the main thread this long before trying one again. */
const RETRY_AFTER_MS = 60_000;

/**
 * A worker thread with its own SQLite connection that writes the group commit's batches of audit entries (Access), so
 * that the flush of each commit to disk — the event loop's longest wait under load, better-sqlite3 being synchronous —
 * happens beside the requests instead of between them. Started by Access where that pays (reads queueing on a disk slow
 * to flush) and stopped once reads no longer queue: the thread costs its own V8 heap (bench/README.md). A batch is
 * answered once committed (synchronous=FULL): the reads it stands for are answered only then, as before. While the
 * thread is starting, stopped or failed, batches are written in the main thread. SQLite only: PostgreSQL's driver
 * never blocks the event loop.
 */
export class AuditWriterThread {
  private worker: Worker | null = null;
  private state: 'stopped' | 'starting' | 'ready' = 'stopped';
  private waiting: { id: number; resolve: () => void; reject: (e: Error) => void } | null = null;
  private readyWaiters: ((ready: boolean) => void)[] = [];
  private nextId = 1;
  private lastBusy = 0;
  private idleCheck: NodeJS.Timeout | null = null;
  private retryAfter = 0;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly opts: AuditWriterThreadOptions) {}

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Reads are queueing for the group commit: starts the thread, or keeps it from being stopped as idle. */
  busy(): void {
    this.lastBusy = Date.now();
    this.start();
  }

  /** Starts the thread in the background; nothing when it runs or starts, or within a minute of a failure. */
  start(): void {
    if (this.state !== 'stopped' || Date.now() < this.retryAfter) return;
    const data: WriterData = {
      target: { kind: 'sqlite', file: this.opts.file },
      signingKeyDer: this.opts.keys.auditSigningKey.export({ format: 'der', type: 'pkcs8' }),
      keyId: this.opts.keys.auditKeyId,
      checkpointEvery: this.opts.checkpointEvery,
    };
    let worker: Worker;
    try {
      worker = new Worker(workerEntry(), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    } catch {
      this.retryAfter = Date.now() + RETRY_AFTER_MS;
      return;
    }
    this.state = 'starting';
    this.worker = worker;
    // Referenced only while it starts or writes: a thread left idle must not keep the process alive.
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (m: WriterReply) => this.onMessage(worker, m));
    worker.on('error', (e) => this.gone(worker, e));
    worker.on('exit', (code) => this.gone(worker, new Error(`audit writer thread exited (${code})`)));
  }

  /** Resolves true once the thread is ready, false if it failed or stopped first (tests, and start-up checks). */
  whenReady(): Promise<boolean> {
    if (this.state === 'ready') return Promise.resolve(true);
    if (this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Waits for the write lock's turn, then takes the batch with `take` and has the thread commit it. Null when the
   * thread is not ready by then (nothing taken: the caller writes in the main thread); rejects when the thread reports
   * an error or dies with the batch.
   */
  async commit<T extends WriterEntry>(take: () => T[]): Promise<T[] | null> {
    const endTurn = await this.opts.gate.acquire();
    try {
      const worker = this.worker;
      if (this.state !== 'ready' || !worker) return null;
      const batch = take();
      const id = this.nextId++;
      worker.ref();
      await new Promise<void>((resolve, reject) => {
        this.waiting = { id, resolve, reject };
        try {
          worker.postMessage({ kind: 'append', id, entries: batch.map((e) => ({ input: e.input, ctx: e.ctx })) } satisfies WriterRequest);
        } catch (e) {
          this.waiting = null;
          reject(e as Error);
        }
      });
      if (this.worker === worker) worker.unref();
      return batch;
    } finally {
      endTurn();
    }
  }

  /** Stops the thread, after its batch in flight if any (the write lock's turn is taken for it). */
  async close(): Promise<void> {
    const endTurn = await this.opts.gate.acquire();
    try {
      this.stop();
    } finally {
      endTurn();
    }
    await this.exited;
  }

  /** Never with a batch in flight: close() holds the turn a batch needs, the idle check looks at `waiting`. */
  private stop(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.state = 'stopped';
    this.settleReady(false);
    if (this.idleCheck) clearInterval(this.idleCheck);
    this.idleCheck = null;
    // The thread closes its connection and ends (referenced until then: close() waits for it).
    worker.ref();
    worker.postMessage({ kind: 'stop' } satisfies WriterRequest);
  }

  private onMessage(worker: Worker, m: WriterReply): void {
    if (worker !== this.worker) return;
    switch (m.kind) {
      case 'ready': {
        this.state = 'ready';
        worker.unref();
        this.lastBusy = Date.now();
        const idleMs = this.opts.idleMs ?? 30_000;
        this.idleCheck = setInterval(() => {
          if (!this.waiting && Date.now() - this.lastBusy >= idleMs) this.stop();
        }, Math.max(10, idleMs / 3));
        this.idleCheck.unref();
        this.settleReady(true);
        return;
      }
      case 'failed':
        this.gone(worker, new Error(`audit writer thread could not open the database: ${m.message}`));
        return;
      case 'written':
      case 'error': {
        const w = this.waiting;
        if (!w || w.id !== m.id) return;
        this.waiting = null;
        if (m.kind === 'written') w.resolve();
        else w.reject(new WriterError(m.message, m.code));
      }
    }
  }

  /** The thread ended or failed: its batch in flight fails, and the main thread writes until a new one starts. */
  private gone(worker: Worker, e: Error): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.state = 'stopped';
    if (this.idleCheck) clearInterval(this.idleCheck);
    this.idleCheck = null;
    this.retryAfter = Date.now() + RETRY_AFTER_MS;
    this.settleReady(false);
    this.failWaiting(e);
    void worker.terminate();
  }

  private failWaiting(e: Error): void {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  private settleReady(ready: boolean): void {
    const waiters = this.readyWaiters.splice(0);
    for (const w of waiters) w(ready);
  }
}
