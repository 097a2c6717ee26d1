import type { Logger } from 'pino';

/** A job run on a fixed period: a module registers it, the scheduler owns its timer. */
export interface Job {
  /** Short name for the logs, e.g. `backup`, `reminders`. */
  name: string;
  everyMs: number;
  /** Delay before the first run (default: one period). */
  firstAfterMs?: number;
  run(): Promise<void>;
}

/**
 * The one place where the server's periodic work runs (backups, reminders, and each module's jobs): a job never overlaps
 * itself (a run still going when the next falls due is skipped), a failure is logged and the job tried again at its next
 * turn, and `stop` clears every timer and waits for the runs in progress. Timers do not keep the process alive.
 */
export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  register(job: Job): void {
    const tick = () => {
      if (this.stopped || this.running.has(job.name)) return;
      const run = job
        .run()
        .catch((err: unknown) =>
          this.logger.error({ err, job: job.name }, `scheduled job ${job.name} failed (tried again at its next turn)`),
        )
        .finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
    };
    const first = setTimeout(() => {
      tick();
      const every = setInterval(tick, job.everyMs);
      every.unref();
      this.timers.push(every);
    }, job.firstAfterMs ?? job.everyMs);
    first.unref();
    this.timers.push(first);
  }

  /** Runs a job now, as its timer would (for tests and the CLI); resolves when it is done. */
  async runNow(job: Job): Promise<void> {
    await job.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.all(this.running.values());
  }
}
