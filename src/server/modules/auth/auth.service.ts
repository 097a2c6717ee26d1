import { hashSecret, sha256Hex } from '../../platform/crypto/hashing.js';
import { AppError } from '../../shared/app-error.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';
import {
  AuthRefusal,
  type AuthContext,
  type AuthDeps,
  type AuthLevel,
  type NewSession,
  type RequestInfo,
  type RequestRefusal,
} from './auth.context.js';
import { burnPasswordCheck, verifyPassword } from './auth.crypto.js';
import { SecondFactor } from './auth.mfa.js';
import { RefusalRecorder } from './auth.refusals.js';
import { AuthSessions } from './auth.sessions.js';
import * as repo from './auth.repository.js';
import { idleLockMinutesFor, isLocked, sessionState } from './auth.rules.js';

export {
  AuthRefusal,
  type AuthContext,
  type AuthDeps,
  type AuthLevel,
  type NewSession,
  type RequestInfo,
  type RequestRefusal,
} from './auth.context.js';

/** Accounts, passwords, the second factor, sessions and API tokens. */
export class AuthService extends AuthSessions {
  private readonly refusals: RefusalRecorder;
  private readonly mfa: SecondFactor;

  constructor(deps: AuthDeps) {
    super(deps);
    this.refusals = new RefusalRecorder(deps);
    this.mfa = new SecondFactor(this);
  }

  /**
   * A refusal of the HTTP layer goes into the audit trail: into the practice's chain when the person works there (or the
   * token belongs to it), else into the server chain; identical ones once a minute (auth.refusals.ts).
   */
  async recordRefusal(r: RequestRefusal, info: RequestInfo): Promise<void> {
    let chain = SERVER_CHAIN;
    if (r.practiceId && r.userId) {
      const isMember = r.tokenPracticeId
        ? r.tokenPracticeId === r.practiceId
        : (await repo.activePracticeDelays(this.deps.db, r.userId)).some((p) => p.practiceId === r.practiceId);
      if (isMember) chain = r.practiceId;
    }
    await this.refusals.record({
      chain,
      actorId: r.userId ?? 'anonymous',
      actorRole: r.tokenPracticeId ? 'token' : 'none',
      ip: info.ip,
      requestId: info.requestId,
      method: r.method,
      route: r.route,
      reason: r.reason,
      ...(r.fields ? { fields: r.fields } : {}),
    });
  }

  // ---------- login ----------

  async login(info: RequestInfo, email: string, password: string): Promise<NewSession> {
    const now = this.now();
    const ipKey = info.ip ?? 'unknown';
    const anon = { actorId: 'anonymous', role: 'none', info };
    const emailRef = sha256Hex(`login:${email}`).slice(0, 16); // pseudonymous: lets an admin correlate attempts without storing the address
    if (this.ipFailures.isOver(ipKey, now.getTime())) {
      await this.deps.db.transaction().execute((tx) =>
        this.audit(tx, anon, 'auth.login.failed', { type: 'user', id: null }, 'denied', {
          reason: 'ip_rate_limited',
          emailRef,
        }),
      );
      throw new AppError('RATE_LIMITED');
    }
    const user = await repo.findUserByEmail(this.deps.db, email);
    if (!user) {
      await burnPasswordCheck(password);
      this.ipFailures.hit(ipKey, now.getTime());
      await this.deps.db.transaction().execute((tx) =>
        this.audit(tx, anon, 'auth.login.failed', { type: 'user', id: null }, 'failure', {
          reason: 'unknown_account',
          emailRef,
        }),
      );
      throw new AppError('INVALID_CREDENTIALS');
    }
    const isPasswordRight = await verifyPassword(user.password_hash, password);
    const who = { actorId: user.id, role: 'none', info };
    const refusal = user.is_disabled
      ? 'disabled'
      : isLocked(user.locked_until, now)
        ? 'locked'
        : !isPasswordRight
          ? 'wrong_password'
          : null;
    if (refusal) {
      this.ipFailures.hit(ipKey, now.getTime());
      await this.deps.db.transaction().execute(async (tx) => {
        if (refusal === 'wrong_password') await this.recordCredentialFailure(tx, user, who, now);
        await this.audit(tx, who, 'auth.login.failed', { type: 'user', id: user.id }, 'failure', { reason: refusal });
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    return this.deps.db.transaction().execute(async (tx) => {
      // The failure counter is reset only once the second factor is given (verifyMfa, confirmMfaEnrollment): reset
      // here, wrong codes could be guessed forever, four per sign-in, without the lock ever falling.
      const s = await this.openSession(tx, user.id, info, now);
      await this.audit(tx, who, 'auth.login.succeeded', { type: 'session', id: s.id });
      return {
        token: s.token,
        csrfToken: s.csrfToken,
        next: user.totp_secret ? 'mfa_required' : 'mfa_enrollment_required',
      };
    });
  }

  // ---------- second factor (auth.mfa.ts) ----------

  startMfaEnrollment(ctx: AuthContext) {
    return this.mfa.startMfaEnrollment(ctx);
  }

  confirmMfaEnrollment(ctx: AuthContext, code: string) {
    return this.mfa.confirmMfaEnrollment(ctx, code);
  }

  startMfaReEnrollment(ctx: AuthContext, input: { password: string; code: string }) {
    return this.mfa.startMfaReEnrollment(ctx, input);
  }

  confirmMfaReEnrollment(ctx: AuthContext, code: string) {
    return this.mfa.confirmMfaReEnrollment(ctx, code);
  }

  verifyMfa(ctx: AuthContext, input: { code: string } | { recoveryCode: string }) {
    return this.mfa.verifyMfa(ctx, input);
  }

  // ---------- authenticating a request ----------

  /** Turns a session cookie or a bearer token into an actor, enforcing MFA, idle lock, lifetime and disabled accounts. */
  async authenticate(
    credentials: { sessionToken?: string | undefined; bearerToken?: string | undefined },
    info: RequestInfo,
    level: AuthLevel,
    allowsPasswordChange = false,
    practiceId: string | null = null,
  ): Promise<AuthContext> {
    const now = this.now();
    if (credentials.bearerToken !== undefined) return this.authenticateToken(credentials.bearerToken, info, level, now);
    if (credentials.sessionToken === undefined) throw new AppError('UNAUTHENTICATED');
    const found = await repo.findSessionWithUser(this.deps.db, hashSecret(credentials.sessionToken));
    if (!found || found.user.is_disabled) throw new AppError('UNAUTHENTICATED');
    const { session, user } = found;
    const practices = await repo.activePracticeDelays(this.deps.db, user.id);
    const idleLockMinutes = idleLockMinutesFor(practices, practiceId, user.preferred_practice_id);
    const ctx: AuthContext = {
      actor: {
        kind: 'user',
        userId: user.id,
        sessionId: session.id,
        tokenId: null,
        tokenPracticeId: null,
        requestId: info.requestId,
        ip: info.ip,
      },
      user,
      session,
      token: null,
      idleLockMinutes,
    };
    let state = sessionState(
      {
        revokedAt: session.revoked_at,
        expiresAt: session.expires_at,
        lastSeenAt: session.last_seen_at,
        lockedAt: session.locked_at,
        mfaAt: session.mfa_at,
      },
      idleLockMinutes,
      now,
    );
    if (state === 'idle') {
      await this.deps.db.transaction().execute(async (tx) => {
        await repo.updateSession(tx, session.id, { locked_at: now.toISOString() });
        // No delay in the details: the server chain is shown to each of the person's practices, and one practice's setting is
        // not another's to read.
        await this.audit(tx, { actorId: user.id, role: 'none', info }, 'auth.session.locked', {
          type: 'session',
          id: session.id,
        });
      });
      session.locked_at = now.toISOString();
      state = 'locked';
    }
    switch (state) {
      case 'revoked':
      case 'expired':
        throw new AuthRefusal('UNAUTHENTICATED', user.id);
      case 'locked':
        if (level === 'unlock') return ctx;
        throw new AuthRefusal('SESSION_LOCKED', user.id);
      case 'mfa_pending':
        if (level === 'mfa' || level === 'unlock') return ctx;
        throw new AuthRefusal('MFA_REQUIRED', user.id);
      case 'active':
        if (level === 'full' && user.must_change_password && !allowsPasswordChange)
          throw new AuthRefusal('PASSWORD_CHANGE_REQUIRED', user.id);
        if (now.getTime() - new Date(session.last_seen_at).getTime() > 5_000)
          await repo.updateSession(this.deps.db, session.id, { last_seen_at: now.toISOString() });
        return ctx;
    }
  }

  private async authenticateToken(
    secret: string,
    info: RequestInfo,
    level: AuthLevel,
    now: Date,
  ): Promise<AuthContext> {
    if (level !== 'full') throw new AppError('UNAUTHENTICATED'); // session management is for people, not scripts
    const found = await repo.findApiTokenWithUser(this.deps.db, hashSecret(secret));
    if (!found) throw new AppError('UNAUTHENTICATED');
    if (found.token.revoked_at !== null || found.user.is_disabled)
      throw new AuthRefusal('UNAUTHENTICATED', found.user.id);
    const { token, user } = found;
    if (token.last_used_at === null || now.getTime() - new Date(token.last_used_at).getTime() > 60_000)
      await repo.touchApiToken(this.deps.db, token.id, now.toISOString());
    return {
      actor: {
        kind: 'user',
        userId: user.id,
        sessionId: null,
        tokenId: token.id,
        tokenPracticeId: token.practice_id,
        requestId: info.requestId,
        ip: info.ip,
      },
      user,
      session: null,
      token,
      idleLockMinutes: 0,
    };
  }

  /** Every use of a token is audited: when no use case wrote an entry for the request, this one is written. */
  async auditTokenUse(ctx: AuthContext, route: string, method: string, statusCode: number): Promise<void> {
    if (!ctx.token) return;
    const token = ctx.token;
    await this.deps.db.transaction().execute((tx) =>
      this.deps.auditTrail.append(
        tx,
        {
          practiceId: token.practice_id,
          action: 'token.used',
          targetType: 'api_token',
          targetId: token.id,
          outcome: statusCode < 400 ? 'success' : 'failure',
          details: { route, method, status: statusCode },
        },
        { actorId: ctx.user.id, actorRole: 'token', requestId: ctx.actor.requestId, ip: ctx.actor.ip },
      ),
    );
  }
}
