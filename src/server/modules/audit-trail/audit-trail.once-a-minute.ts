/** Keys remembered at most before the oldest minute is forgotten: a flood cannot grow memory either. */
const MAX_KEYS = 10_000;

/**
 * Which of a run of identical refusals to write: the first `perMinute` of each minute, the next entry carrying how many
 * were not written in the minute before. A flood then costs the audit trail a few entries a minute per kind of refusal,
 * and nothing of what happened is lost from the counts (docs/security-decisions.md).
 */
export class OnceAMinute {
  private readonly seen = new Map<string, { minute: number; written: number; repeats: number }>();

  constructor(private readonly perMinute = 1) {}

  /** Null when an entry for `key` was already written this minute; else the count of the minute before (0 for none). */
  admit(key: string, nowMs: number): { repeatsPreviousMinute: number } | null {
    const minute = Math.floor(nowMs / 60_000);
    const known = this.seen.get(key);
    if (known && known.minute === minute) {
      if (known.written < this.perMinute) {
        known.written++;
        return { repeatsPreviousMinute: 0 };
      }
      known.repeats++;
      return null;
    }
    if (this.seen.size >= MAX_KEYS) this.prune(minute);
    this.seen.set(key, { minute, written: 1, repeats: 0 });
    return { repeatsPreviousMinute: known && known.minute === minute - 1 ? known.repeats : 0 };
  }

  private prune(minute: number): void {
    for (const [k, v] of this.seen) if (v.minute < minute - 1) this.seen.delete(k);
    if (this.seen.size >= MAX_KEYS) this.seen.clear();
  }
}
