import type { Db } from '../../platform/db/database.js';
import type { AppendInput, AuditContext, AuditTrail } from './audit-trail.chain.js';

/** A read's audit entry waiting for the next group commit. */
interface PendingEntry {
  input: AppendInput;
  ctx: AuditContext;
  done: (e?: unknown) => void;
}

/**
 * The audit entries of reads, appended in commits shared by the reads of the moment: one disk flush for many entries.
 * `append` resolves only once the commit holding its entry is on disk, so no read is ever answered without its entry.
 */
export class GroupCommit {
  private pending: PendingEntry[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly deps: { db: Db; auditTrail: AuditTrail }) {}

  /** Appends an entry in the next shared commit; resolves once that commit is on disk. */
  append(input: AppendInput, ctx: AuditContext): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({
        input,
        ctx,
        done: (e) =>
          e === undefined ? resolve() : reject(e instanceof Error ? e : new Error('audit commit failed', { cause: e })),
      });
      this.flushing ??= this.flush();
    });
  }

  /**
   * Writes every entry waiting, in one transaction; those arriving after it has begun wait for the next one. The batch
   * is taken once the transaction holds its connection, not before: on SQLite's one connection the commit queues behind
   * the reads in progress, and the entries those reads leave meanwhile share its flush instead of each waiting for one
   * of its own.
   */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      // Let the reads of this turn of the event loop join the batch.
      await new Promise((r) => setImmediate(r));
      const taken: { batch?: PendingEntry[] } = {};
      try {
        await this.deps.db
          .transaction()
          .execute((tx) => this.deps.auditTrail.appendMany(tx, (taken.batch = this.pending.splice(0))));
        for (const b of taken.batch ?? []) b.done();
      } catch (e) {
        // No batch taken: the transaction could not begin; the entries waiting share its failure.
        for (const b of taken.batch ?? this.pending.splice(0)) b.done(e ?? new Error('audit append failed'));
      }
    }
    this.flushing = null;
  }

  /** Waits for the entries in flight: before the database is closed. */
  async close(): Promise<void> {
    await this.flushing;
  }
}
