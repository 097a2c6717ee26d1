import type { AuthSessionResponse, MeResponse } from '../../../contracts/auth.js';
import type { Role } from '../../../contracts/roles.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, validationError } from '../../shared/app-error.js';
import { ROLE_PERMISSIONS } from '../access/index.js';
import { AuthRefusal, infoOf, type AuthContext } from './auth.context.js';
import { hashPassword, verifyPassword } from './auth.crypto.js';
import { AuthAccounts } from './auth.accounts.js';
import * as repo from './auth.repository.js';
import { isLocked } from './auth.rules.js';

/** A signed-in person's session: its state, the lock, sign-out, the list of sessions, the password change, "me". */
export class AuthSessions extends AuthAccounts {
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
}
