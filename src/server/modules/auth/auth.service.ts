import type { AuthSessionResponse, MeResponse } from '../../../contracts/auth.js';
import type { Role } from '../../../contracts/roles.js';
import { hashSecret, sha256Hex } from '../../platform/crypto/hashing.js';
import type { Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId, newSecret } from '../../shared/ids.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';
import { ROLE_PERMISSIONS } from '../access/index.js';
import {
  AuthCore,
  AuthRefusal,
  infoOf,
  type AuthContext,
  type AuthDeps,
  type AuthLevel,
  type NewSession,
  type RequestInfo,
  type RequestRefusal,
} from './auth.context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './auth.crypto.js';
import { SecondFactor } from './auth.mfa.js';
import { RefusalRecorder } from './auth.refusals.js';
import * as repo from './auth.repository.js';
import { idleLockMinutesFor, isLocked, sessionState } from './auth.rules.js';
import { assertPasswordRule } from './password.check.js';
import { contextWordsFor } from './password.rules.js';

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
export class AuthService extends AuthCore {
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

  // ---------- passwords and accounts ----------

  /** Refuses a weak, common or guessable password with a 400 naming `field`. */
  async assertAcceptablePassword(
    password: string,
    person: { email: string; name: string },
    field: string,
    db: Executor = this.deps.db,
    userId?: string,
  ): Promise<void> {
    const practiceNames = userId ? (await repo.activePracticeDelays(db, userId)).map((p) => p.practiceName) : [];
    await assertPasswordRule(password, contextWordsFor(person.email, person.name, practiceNames), field);
  }

  /** Creates an account inside the caller's transaction. The caller audits it in the practice it belongs to. */
  async createUser(
    tx: Executor,
    input: {
      email: string;
      name: string;
      password: string;
      mustChangePassword: boolean;
      passwordField?: string;
      practiceNames?: string[];
    },
  ): Promise<string> {
    const email = input.email.trim().toLowerCase();
    if (await repo.findUserByEmail(tx, email)) throw conflict('email', 'email_taken');
    await this.checkNewPassword(
      input.password,
      { email, name: input.name },
      input.practiceNames ?? [],
      input.passwordField ?? 'password',
    );
    const now = this.now().toISOString();
    const id = newId('usr');
    await repo.insertUser(tx, {
      id,
      email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
      must_change_password: input.mustChangePassword ? 1 : 0,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      is_disabled: 0,
      disabled_at: null,
      failed_logins: 0,
      locked_until: null,
      language: null,
      preferred_practice_id: null,
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  /**
   * A password set by someone else (the owner's reset): checked against the rule, to be changed at the next login;
   * the lockout is cleared and every session of the person ends at once (caller's transaction, caller audits).
   */
  async setTemporaryPassword(
    tx: Executor,
    userId: string,
    password: string,
    field: string,
  ): Promise<{ sessions: number }> {
    const user = await repo.findUserById(tx, userId);
    if (!user || user.is_disabled) throw new AppError('NOT_FOUND');
    await this.assertAcceptablePassword(password, user, field, tx, userId);
    const now = this.now().toISOString();
    await repo.updateUser(tx, userId, {
      password_hash: await hashPassword(password),
      password_changed_at: now,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    return { sessions: await repo.revokeSessions(tx, userId, now) };
  }

  /** The password rule for a password chosen for someone, with the words of their name, e-mail and practice. */
  async checkNewPassword(
    password: string,
    person: { email: string; name: string },
    practiceNames: string[],
    field: string,
  ): Promise<void> {
    await assertPasswordRule(
      password,
      contextWordsFor(person.email.trim().toLowerCase(), person.name, practiceNames),
      field,
    );
  }

  /** An invitation's temporary password, kept as argon2id (the same work as a new account's password). */
  hashTemporaryPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  verifyTemporaryPassword(hash: string, password: string): Promise<boolean> {
    return verifyPassword(hash, password);
  }

  findUserByEmail(email: string, db: Executor = this.deps.db) {
    return repo.findUserByEmail(db, email.trim().toLowerCase());
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

  // ---------- session life ----------

  /** Where the session stands, from its row: a reloaded page or a second tab resumes at the same step, with the token. */
  sessionStatus(ctx: AuthContext): AuthSessionResponse {
    const session = this.requireSession(ctx);
    const step =
      session.locked_at !== null
        ? 'locked'
        : session.mfa_at === null
          ? ctx.user.totp_secret !== null
            ? 'mfa_required'
            : 'mfa_enrollment_required'
          : ctx.user.must_change_password
            ? 'password_change_required'
            : 'authenticated';
    return { step, csrfToken: session.csrf_token, name: ctx.user.name, idleLockMinutes: ctx.idleLockMinutes };
  }

  /**
   * A session locked after inactivity, unlocked with the password. Only a session that gave its second factor has
   * anything to unlock (a half-open one answers MFA_REQUIRED); and the failure counter is left as it is: only the
   * second factor clears it, or a password alone would wipe the wrong codes guessed before it.
   */
  async unlock(ctx: AuthContext, password: string): Promise<void> {
    const session = this.requireSession(ctx);
    if (session.mfa_at === null) throw new AuthRefusal('MFA_REQUIRED', ctx.user.id);
    const now = this.now();
    const who = { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) };
    if (isLocked(ctx.user.locked_until, now) || !(await verifyPassword(ctx.user.password_hash, password))) {
      await this.deps.db.transaction().execute(async (tx) => {
        await this.recordCredentialFailure(tx, ctx.user, who, now);
        await this.audit(tx, who, 'auth.session.unlocked', { type: 'session', id: session.id }, 'failure');
      });
      throw validationError('password', 'password_wrong');
    }
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateSession(tx, session.id, { locked_at: null, last_seen_at: now.toISOString() });
      await this.audit(tx, who, 'auth.session.unlocked', { type: 'session', id: session.id });
    });
  }

  async logout(ctx: AuthContext): Promise<void> {
    const session = this.requireSession(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateSession(tx, session.id, { revoked_at: this.now().toISOString() });
      await this.audit(tx, { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) }, 'auth.logged-out', {
        type: 'session',
        id: session.id,
      });
    });
  }

  async logoutEverywhere(ctx: AuthContext): Promise<number> {
    this.requireSession(ctx);
    return this.deps.db.transaction().execute(async (tx) => {
      const count = await repo.revokeSessions(tx, ctx.user.id, this.now().toISOString());
      await this.audit(
        tx,
        { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) },
        'auth.sessions.revoked',
        { type: 'user', id: ctx.user.id },
        'success',
        { sessions: count },
      );
      return count;
    });
  }

  async listSessions(ctx: AuthContext) {
    this.requireSession(ctx);
    const rows = await repo.findLiveSessions(this.deps.db, ctx.user.id, this.now().toISOString());
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      ip: s.ip,
      userAgent: s.user_agent,
      isCurrent: s.id === ctx.session?.id,
    }));
  }

  async revokeSession(ctx: AuthContext, sessionId: string): Promise<void> {
    this.requireSession(ctx);
    const live = await repo.findLiveSessions(this.deps.db, ctx.user.id, this.now().toISOString());
    if (!live.some((s) => s.id === sessionId)) throw new AppError('NOT_FOUND');
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateSession(tx, sessionId, { revoked_at: this.now().toISOString() });
      await this.audit(tx, { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) }, 'auth.session.revoked', {
        type: 'session',
        id: sessionId,
      });
    });
  }

  async changePassword(
    ctx: AuthContext,
    input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean },
  ): Promise<{ revokedSessions: number }> {
    this.requireSession(ctx); // a script's token never changes a person's password
    const now = this.now();
    const who = { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) };
    // The account lock holds here too: a stolen open session must not become a way to guess the password.
    if (isLocked(ctx.user.locked_until, now)) {
      await this.deps.db.transaction().execute((tx) =>
        this.audit(tx, who, 'auth.password.changed', { type: 'user', id: ctx.user.id }, 'denied', {
          reason: 'locked',
        }),
      );
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'currentPassword', code: 'account_locked' }] });
    }
    if (!(await verifyPassword(ctx.user.password_hash, input.currentPassword))) {
      await this.deps.db.transaction().execute(async (tx) => {
        await this.recordCredentialFailure(tx, ctx.user, who, now);
        await this.audit(tx, who, 'auth.password.changed', { type: 'user', id: ctx.user.id }, 'failure', {
          reason: 'wrong_password',
        });
      });
      throw validationError('currentPassword', 'password_wrong');
    }
    if (input.newPassword === input.currentPassword) throw validationError('newPassword', 'password_unchanged');
    await this.assertAcceptablePassword(input.newPassword, ctx.user, 'newPassword', this.deps.db, ctx.user.id);
    const hash = await hashPassword(input.newPassword);
    return this.deps.db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, ctx.user.id, {
        password_hash: hash,
        password_changed_at: now.toISOString(),
        must_change_password: 0,
        updated_at: now.toISOString(),
      });
      const revoked = input.revokeOtherSessions
        ? await repo.revokeSessions(tx, ctx.user.id, now.toISOString(), ctx.session?.id)
        : 0;
      await this.audit(tx, who, 'auth.password.changed', { type: 'user', id: ctx.user.id }, 'success', {
        revokedSessions: revoked,
      });
      return { revokedSessions: revoked };
    });
  }

  async me(ctx: AuthContext): Promise<MeResponse> {
    const practices = await repo.activePracticeDelays(this.deps.db, ctx.user.id);
    const visible = ctx.token ? practices.filter((p) => p.practiceId === ctx.token?.practice_id) : practices;
    return {
      user: {
        id: ctx.user.id,
        email: ctx.user.email,
        name: ctx.user.name,
        mfaEnabled: ctx.user.totp_secret !== null,
        mustChangePassword: ctx.user.must_change_password === 1,
      },
      preferences: {
        language: ctx.user.language === 'fr' || ctx.user.language === 'en' ? ctx.user.language : null,
        practiceId: visible.some((p) => p.practiceId === ctx.user.preferred_practice_id)
          ? ctx.user.preferred_practice_id
          : null,
      },
      invitations: ctx.token
        ? []
        : (await repo.findInvitationsToAnswer(this.deps.db, ctx.user.id, this.now().toISOString())).map((i) => ({
            id: i.id,
            practiceId: i.practice_id,
            practiceName: i.practice_name,
            role: i.role,
            invitedAt: i.created_at,
            expiresAt: i.expires_at,
          })),
      memberships: visible.map((p) => ({
        practiceId: p.practiceId,
        practiceName: p.practiceName,
        role: p.role as Role,
        idleLockMinutes: p.idleLockMinutes,
        permissions: [...(ROLE_PERMISSIONS[p.role as Role] ?? [])],
      })),
      session: ctx.session
        ? {
            id: ctx.session.id,
            csrfToken: ctx.session.csrf_token,
            idleLockMinutes: ctx.idleLockMinutes,
            expiresAt: ctx.session.expires_at,
          }
        : null,
      via: ctx.token ? 'token' : 'session',
    };
  }

  /** The interface language and the practice last worked in, remembered for the person (not for a token). */
  async updatePreferences(
    ctx: AuthContext,
    input: { language?: 'fr' | 'en' | undefined; practiceId?: string | null | undefined },
  ): Promise<void> {
    this.requireSession(ctx);
    if (input.practiceId) {
      const practices = await repo.activePracticeDelays(this.deps.db, ctx.user.id);
      if (!practices.some((p) => p.practiceId === input.practiceId)) throw new AppError('NOT_FOUND');
    }
    await repo.updateUser(this.deps.db, ctx.user.id, {
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.practiceId !== undefined ? { preferred_practice_id: input.practiceId } : {}),
    });
  }

  /** True while no account exists: the web app then offers the first-run setup. */
  async hasNoUser(db: Executor = this.deps.db): Promise<boolean> {
    return (await repo.countUsers(db)) === 0;
  }

  // ---------- administration (CLI, or a use case that already checked permission) ----------

  /** Disables an account: never deleted, every session and token ends at once. Runs in the caller's transaction. */
  async disableUser(tx: Executor, userId: string): Promise<{ sessions: number; tokens: number }> {
    const now = this.now().toISOString();
    await repo.updateUser(tx, userId, { is_disabled: 1, disabled_at: now, updated_at: now });
    return {
      sessions: await repo.revokeSessions(tx, userId, now),
      tokens: await repo.revokeUserApiTokens(tx, userId, now),
    };
  }

  /** Ends this practice's tokens of a person when their membership ends, and their sessions when asked (caller's transaction). */
  async endAccessToPractice(
    tx: Executor,
    userId: string,
    practiceId: string,
    endSessions: boolean,
  ): Promise<{ sessions: number; tokens: number }> {
    const now = this.now().toISOString();
    return {
      sessions: endSessions ? await repo.revokeSessions(tx, userId, now) : 0,
      tokens: await repo.revokeUserApiTokens(tx, userId, now, practiceId),
    };
  }

  async unlockAccount(actor: Actor, userId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, userId, { failed_logins: 0, locked_until: null, updated_at: this.now().toISOString() });
      await this.audit(
        tx,
        {
          actorId: actorId(actor),
          role: actor.kind === 'admin' ? 'admin' : 'none',
          info: { ip: actor.ip, requestId: actor.requestId, userAgent: null },
        },
        'user.unlocked',
        { type: 'user', id: userId },
      );
    });
  }

  /** Issues an API token (caller's transaction). The secret is returned once and only its hash is kept. */
  async issueApiToken(
    tx: Executor,
    input: { practiceId: string; userId: string; name: string; createdBy: string },
  ): Promise<{ token: string; row: repo.ApiTokenRow }> {
    const token = `gardien_${newSecret()}`;
    const row: repo.ApiTokenRow = {
      id: newId('tok'),
      practice_id: input.practiceId,
      user_id: input.userId,
      name: input.name,
      token_hash: hashSecret(token),
      created_at: this.now().toISOString(),
      created_by: input.createdBy,
      last_used_at: null,
      revoked_at: null,
    };
    await repo.insertApiToken(tx, row);
    return { token, row };
  }

  findApiTokens(tx: Executor, practiceId: string, userId?: string) {
    return repo.findApiTokens(tx, practiceId, userId);
  }

  findApiToken(tx: Executor, practiceId: string, id: string) {
    return repo.findApiToken(tx, practiceId, id);
  }

  revokeApiToken(tx: Executor, practiceId: string, id: string) {
    return repo.revokeApiToken(tx, practiceId, id, this.now().toISOString());
  }
}
