import type { Clock } from '../../platform/clock.js';
import { hashSecret } from '../../platform/crypto/hashing.js';
import type { Keys } from '../../platform/crypto/key-file.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, type ErrorCode } from '../../shared/app-error.js';
import { newId, newSecret } from '../../shared/ids.js';
import { SERVER_CHAIN, type AuditAction, type AuditTrail } from '../audit-trail/index.js';
import type { LoginResponse } from '../../../contracts/auth.js';
import * as repo from './auth.repository.js';
import { lockUntilAfterFailure, LOCKOUT_FAILURES, WindowCounter } from './auth.rules.js';

/** A refused credential whose person is known (a revoked session, a session short of its second factor): audited as theirs. */
export class AuthRefusal extends AppError {
  constructor(
    code: ErrorCode,
    readonly userId: string,
  ) {
    super(code);
  }
}

/** A request refused before any use case, as the HTTP layer saw it (auth.http.ts). */
export interface RequestRefusal {
  userId: string | null;
  tokenPracticeId: string | null;
  practiceId: string | null;
  method: string;
  route: string;
  reason: string;
  fields?: string[];
}

export interface RequestInfo {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

/** How much of a sign-in a route needs: none, a half-open session (MFA), a possibly locked session (unlock, logout), or all of it. */
export type AuthLevel = 'none' | 'mfa' | 'unlock' | 'full';

export interface AuthContext {
  actor: Extract<Actor, { kind: 'user' }>;
  user: repo.UserRow;
  session: repo.SessionRow | null;
  token: repo.ApiTokenRow | null;
  idleLockMinutes: number;
}

export interface AuthDeps {
  db: Db;
  clock: Clock;
  keys: Keys;
  auditTrail: AuditTrail;
  sessionAbsoluteMs: number;
  loginIpLimitPer15Min: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  next: LoginResponse['next'];
}

/** Who an auth event is by, for the server chain. */
export interface Who {
  actorId: string;
  role: string;
  info: RequestInfo;
}

export const infoOf = (ctx: AuthContext): RequestInfo => ({
  ip: ctx.actor.ip,
  requestId: ctx.actor.requestId,
  userAgent: null,
});

/**
 * What the parts of authentication share (AuthService, SecondFactor): the clock, the server chain's audit entries, the
 * failure counters (per account in the database, per address in memory) and the session secrets.
 */
export class AuthCore {
  readonly ipFailures: WindowCounter;

  constructor(readonly deps: AuthDeps) {
    this.ipFailures = new WindowCounter(deps.loginIpLimitPer15Min, 15 * 60_000);
  }

  now(): Date {
    return this.deps.clock.now();
  }

  async audit(
    tx: Executor,
    ctx: Who,
    action: AuditAction,
    target: { type: string; id: string | null },
    outcome: 'success' | 'failure' | 'denied' = 'success',
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.deps.auditTrail.append(
      tx,
      { practiceId: SERVER_CHAIN, action, targetType: target.type, targetId: target.id, outcome, details },
      { actorId: ctx.actorId, actorRole: ctx.role, requestId: ctx.info.requestId, ip: ctx.info.ip },
    );
  }

  /** Counts a wrong password or code against the account: progressive delay, then lockout (CNIL: at most 10 tries). */
  async recordCredentialFailure(tx: Executor, user: repo.UserRow, who: Who, now: Date): Promise<void> {
    const failures = await repo.incrementFailedLogins(tx, user.id, now.toISOString());
    const until = lockUntilAfterFailure(failures, now);
    if (until) await repo.updateUser(tx, user.id, { locked_until: until.toISOString() });
    if (failures === LOCKOUT_FAILURES)
      await this.audit(tx, who, 'auth.account.locked', { type: 'user', id: user.id }, 'success', {
        failures,
        until: until?.toISOString(),
      });
  }

  async openSession(
    tx: Executor,
    userId: string,
    info: RequestInfo,
    now: Date,
  ): Promise<{ id: string; token: string; csrfToken: string }> {
    const token = newSecret();
    const csrfToken = newSecret();
    const id = newId('ses');
    await repo.insertSession(tx, {
      id,
      token_hash: hashSecret(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.deps.sessionAbsoluteMs).toISOString(),
      mfa_at: null,
      mfa_failures: 0,
      locked_at: null,
      revoked_at: null,
      ip: info.ip,
      user_agent: info.userAgent?.slice(0, 300) ?? null,
    });
    return { id, token, csrfToken };
  }

  /** A new secret for the same session after a privilege change (second factor given): fixation gets nothing. */
  async rotateSession(
    tx: Executor,
    sessionId: string,
    patch: { mfa_at?: string },
  ): Promise<{ token: string; csrfToken: string }> {
    const token = newSecret();
    const csrfToken = newSecret();
    await repo.updateSession(tx, sessionId, {
      ...patch,
      token_hash: hashSecret(token),
      csrf_token: csrfToken,
      mfa_failures: 0,
    });
    return { token, csrfToken };
  }

  /** Session management and the password are for a person at a browser, not for an API token. */
  requireSession(ctx: AuthContext): repo.SessionRow {
    if (!ctx.session) throw new AppError('UNAUTHENTICATED');
    return ctx.session;
  }
}
