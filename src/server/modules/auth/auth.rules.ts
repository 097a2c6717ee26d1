/** Throttling and session rules, pure (the clock is passed in). Values are documented in docs/security-decisions.md. */

/** Failures tolerated before any delay. */
export const FREE_FAILURES = 4;
/** CNIL (2017-012, kept by 2022-100 for case 2): block after at most 10 failed attempts. */
export const LOCKOUT_FAILURES = 10;
export const LOCKOUT_MINUTES = 60;
/** Wrong second-factor codes tolerated on one session before it is ended. */
export const MAX_MFA_FAILURES_PER_SESSION = 5;

/** After failure number `failures`, until when is the account locked? Progressive: 1, 2, 4, 8, 16 min, then 60. */
export function lockUntilAfterFailure(failures: number, now: Date): Date | null {
  if (failures <= FREE_FAILURES) return null;
  const minutes = failures >= LOCKOUT_FAILURES ? LOCKOUT_MINUTES : 2 ** (failures - FREE_FAILURES - 1);
  return new Date(now.getTime() + minutes * 60_000);
}

export const isLocked = (lockedUntil: string | null, now: Date): boolean =>
  lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();

export type SessionState = 'expired' | 'revoked' | 'idle' | 'locked' | 'mfa_pending' | 'active';

export interface SessionFacts {
  revokedAt: string | null;
  expiresAt: string;
  lastSeenAt: string;
  lockedAt: string | null;
  mfaAt: string | null;
}

/** What a session allows at `now`, given the idle lock delay of the practices the person belongs to. */
export function sessionState(s: SessionFacts, idleLockMinutes: number, now: Date): SessionState {
  if (s.revokedAt !== null) return 'revoked';
  if (new Date(s.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (s.lockedAt !== null) return 'locked';
  const isIdle = now.getTime() - new Date(s.lastSeenAt).getTime() > idleLockMinutes * 60_000;
  // A half-open session (password given, second factor not yet) is simply dropped when left idle.
  if (s.mfaAt === null) return isIdle ? 'expired' : 'mfa_pending';
  return isIdle ? 'idle' : 'active';
}

/**
 * The idle delay a request is held to: that of the practice it works in (its URL's, else the one the person last worked
 * in, else the first of theirs, the one the web app then shows); 5 minutes when they have none. One practice's delay
 * never reaches the person's requests to another (a consultant's other practices). `practices` in the web app's order.
 */
export function idleLockMinutesFor(
  practices: { practiceId: string; idleLockMinutes: number }[],
  practiceId: string | null,
  preferredPracticeId: string | null,
): number {
  const own =
    practices.find((p) => p.practiceId === practiceId) ??
    practices.find((p) => p.practiceId === preferredPracticeId) ??
    practices[0];
  return own ? own.idleLockMinutes : DEFAULT_IDLE_LOCK_MINUTES;
}

/** A person with no practice (yet): the practices' own default. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

/** Sliding-window counter per key (per IP for login), in memory: one node serves one practice group. */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; returns false when the key is over its limit. */
  hit(key: string, now: number): boolean {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.prune(now);
    return list.length <= this.limit;
  }

  isOver(key: string, now: number): boolean {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs).length >= this.limit;
  }

  private prune(now: number): void {
    for (const [k, list] of this.hits) if (list.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
  }
}
