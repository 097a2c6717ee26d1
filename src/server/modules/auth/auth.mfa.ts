import { randomInt } from 'node:crypto';
import { open, seal } from '../../platform/crypto/secret-box.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { checkTotp, hashPassword, newTotpSecret, totpUri, verifyPassword } from './auth.crypto.js';
import { infoOf, type AuthContext, type AuthCore, type NewSession, type RequestInfo } from './auth.context.js';
import * as repo from './auth.repository.js';
import { isLocked, MAX_MFA_FAILURES_PER_SESSION } from './auth.rules.js';

const RECOVERY_CODE_COUNT = 10;

/** The second factor: enrolling an authenticator app, replacing it, verifying a code or a recovery code, and the lock they share with passwords. */
export class SecondFactor {
  constructor(private readonly core: AuthCore) {}

  async startMfaEnrollment(ctx: AuthContext): Promise<{ secret: string; otpauthUri: string }> {
    const session = this.core.requireSession(ctx);
    if (session.mfa_at !== null || ctx.user.totp_secret !== null) throw conflict('', 'mfa_already_enrolled');
    // A reload or a second tab of the same sign-in shows the key already scanned; another sign-in (someone else who
    // knew the password) never gets it: the pending key is sealed to this session.
    const kept = this.pendingEnrolmentSecret(ctx.user.totp_pending_secret, ctx.user.id, session.id);
    if (kept !== null) return { secret: kept, otpauthUri: totpUri(kept, ctx.user.email) };
    const secret = newTotpSecret();
    await repo.updateUser(this.core.deps.db, ctx.user.id, {
      totp_pending_secret: seal(this.core.deps.keys.dataKey, secret, enrolmentContext(ctx.user.id, session.id)),
      updated_at: this.core.now().toISOString(),
    });
    return { secret, otpauthUri: totpUri(secret, ctx.user.email) };
  }

  /** The key this session's enrolment started with, or null (none, or sealed to another session). */
  private pendingEnrolmentSecret(sealed: string | null, userId: string, sessionId: string): string | null {
    if (sealed === null) return null;
    try {
      return open(this.core.deps.keys.dataKey, sealed, enrolmentContext(userId, sessionId));
    } catch {
      return null;
    }
  }

  async confirmMfaEnrollment(ctx: AuthContext, code: string): Promise<NewSession & { recoveryCodes: string[] }> {
    const session = this.core.requireSession(ctx);
    const user = await repo.findUserById(this.core.deps.db, ctx.user.id);
    const secret =
      user && user.totp_secret === null
        ? this.pendingEnrolmentSecret(user.totp_pending_secret, user.id, session.id)
        : null;
    if (!user || secret === null) throw conflict('', 'mfa_enrollment_not_started');
    const now = this.core.now();
    await this.assertMayTryCode(ctx, user, session, 'code', now);
    const step = await checkTotp(secret, code, user.totp_last_step, now);
    if (step === null) return this.failMfa(ctx, session, 'code');
    const { recoveryCodes, hashes } = await newRecoveryCodes();
    return this.core.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.claimTotpStep(tx, user.id, step))) throw validationError('code', 'totp_invalid');
      await this.installTotp(tx, user.id, secret, hashes, now);
      await this.afterSecondFactor(tx, user.id, infoOf(ctx), now);
      const rotated = await this.core.rotateSession(tx, session.id, { mfa_at: now.toISOString() });
      await this.core.audit(tx, { actorId: user.id, role: 'none', info: infoOf(ctx) }, 'auth.mfa.enrolled', {
        type: 'user',
        id: user.id,
      });
      return {
        ...rotated,
        recoveryCodes,
        next: user.must_change_password ? 'password_change_required' : 'authenticated',
      };
    });
  }

  /** The pending secret becomes the account's second factor, with a fresh set of recovery codes (caller's transaction). */
  private async installTotp(
    tx: Executor,
    userId: string,
    secret: string,
    recoveryHashes: string[],
    now: Date,
    lastStep?: number,
  ): Promise<void> {
    await repo.updateUser(tx, userId, {
      totp_secret: seal(this.core.deps.keys.dataKey, secret, `totp:${userId}`),
      totp_pending_secret: null,
      ...(lastStep !== undefined ? { totp_last_step: lastStep } : {}),
      updated_at: now.toISOString(),
    });
    await repo.replaceRecoveryCodes(
      tx,
      userId,
      recoveryHashes.map((h) => ({ id: newId('rc'), code_hash: h, created_at: now.toISOString() })),
    );
  }

  /**
   * Replacing the authenticator app (new phone): the password and a current code first (re-authentication), then a
   * new secret is pending until confirmed; the old app keeps working until then.
   */
  async startMfaReEnrollment(
    ctx: AuthContext,
    input: { password: string; code: string },
  ): Promise<{ secret: string; otpauthUri: string }> {
    const session = this.core.requireSession(ctx);
    const now = this.core.now();
    const who = { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) };
    if (ctx.user.totp_secret === null) throw conflict('', 'mfa_not_enrolled');
    if (isLocked(ctx.user.locked_until, now) || !(await verifyPassword(ctx.user.password_hash, input.password))) {
      await this.core.deps.db.transaction().execute(async (tx) => {
        await this.core.recordCredentialFailure(tx, ctx.user, who, now);
        await this.core.audit(tx, who, 'auth.mfa.re-enrollment-started', { type: 'user', id: ctx.user.id }, 'failure', {
          reason: 'password',
        });
      });
      throw validationError('password', 'password_wrong');
    }
    const step = await checkTotp(
      open(this.core.deps.keys.dataKey, ctx.user.totp_secret, `totp:${ctx.user.id}`),
      input.code,
      ctx.user.totp_last_step,
      now,
    );
    if (step === null) return this.failMfa(ctx, session, 'code');
    const secret = newTotpSecret();
    await this.core.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.claimTotpStep(tx, ctx.user.id, step))) throw validationError('code', 'totp_invalid');
      await repo.updateUser(tx, ctx.user.id, {
        totp_pending_secret: seal(this.core.deps.keys.dataKey, secret, `totp-pending:${ctx.user.id}`),
        updated_at: now.toISOString(),
      });
      await this.core.audit(tx, who, 'auth.mfa.re-enrollment-started', { type: 'user', id: ctx.user.id });
    });
    return { secret, otpauthUri: totpUri(secret, ctx.user.email) };
  }

  /** Confirms the new authenticator app with its first code: it replaces the old one, with new recovery codes. */
  async confirmMfaReEnrollment(ctx: AuthContext, code: string): Promise<{ recoveryCodes: string[] }> {
    const session = this.core.requireSession(ctx);
    const user = await repo.findUserById(this.core.deps.db, ctx.user.id);
    if (!user || user.totp_secret === null || user.totp_pending_secret === null)
      throw conflict('', 'mfa_enrollment_not_started');
    const secret = open(this.core.deps.keys.dataKey, user.totp_pending_secret, `totp-pending:${user.id}`);
    const now = this.core.now();
    const step = await checkTotp(secret, code, null, now);
    if (step === null) return this.failMfa(ctx, session, 'code');
    const { recoveryCodes, hashes } = await newRecoveryCodes();
    return this.core.deps.db.transaction().execute(async (tx) => {
      // A new secret has no replay history: its first code's step becomes the last one used.
      await this.installTotp(tx, user.id, secret, hashes, now, step);
      await this.core.audit(tx, { actorId: user.id, role: 'none', info: infoOf(ctx) }, 'auth.mfa.re-enrolled', {
        type: 'user',
        id: user.id,
      });
      return { recoveryCodes };
    });
  }

  async verifyMfa(ctx: AuthContext, input: { code: string } | { recoveryCode: string }): Promise<NewSession> {
    const session = this.core.requireSession(ctx);
    if (session.mfa_at !== null) throw conflict('', 'mfa_already_verified');
    const user = await repo.findUserById(this.core.deps.db, ctx.user.id);
    if (!user || user.totp_secret === null) throw conflict('', 'mfa_not_enrolled');
    const now = this.core.now();
    const field = 'code' in input ? 'code' : 'recoveryCode';
    await this.assertMayTryCode(ctx, user, session, field, now);
    let claim: ((tx: Executor) => Promise<boolean>) | null = null;
    if ('code' in input) {
      const step = await checkTotp(
        open(this.core.deps.keys.dataKey, user.totp_secret, `totp:${user.id}`),
        input.code,
        user.totp_last_step,
        now,
      );
      if (step !== null) claim = (tx) => repo.claimTotpStep(tx, user.id, step);
    } else {
      const wanted = normaliseRecoveryCode(input.recoveryCode);
      for (const rc of await repo.findUnusedRecoveryCodes(this.core.deps.db, user.id)) {
        if (await verifyPassword(rc.code_hash, wanted)) {
          claim = (tx) => repo.markRecoveryCodeUsed(tx, rc.id, now.toISOString());
          break;
        }
      }
    }
    if (claim === null) return this.failMfa(ctx, session, field);
    const accepted = claim;
    return this.core.deps.db.transaction().execute(async (tx) => {
      if (!(await accepted(tx)))
        throw validationError(field, field === 'code' ? 'totp_invalid' : 'recovery_code_invalid');
      await this.afterSecondFactor(tx, user.id, infoOf(ctx), now);
      const rotated = await this.core.rotateSession(tx, session.id, { mfa_at: now.toISOString() });
      const who = { actorId: user.id, role: 'none', info: infoOf(ctx) };
      if (field === 'recoveryCode')
        await this.core.audit(tx, who, 'auth.recovery-code.used', { type: 'user', id: user.id });
      await this.core.audit(tx, who, 'auth.mfa.verified', { type: 'session', id: session.id }, 'success', {
        method: field === 'code' ? 'totp' : 'recovery_code',
      });
      return { ...rotated, next: user.must_change_password ? 'password_change_required' : 'authenticated' };
    });
  }

  /**
   * No code is even checked while the account is locked or the address is over its limit: the lock counts every
   * wrong password and code of the account (CNIL 2022-100: block after at most 10 failures), and the address counter
   * every failure from it, so guesses spread over sessions or accounts meet a limit too.
   */
  private async assertMayTryCode(
    ctx: AuthContext,
    user: repo.UserRow,
    session: repo.SessionRow,
    field: string,
    now: Date,
  ): Promise<void> {
    const isIpOver = this.core.ipFailures.isOver(ctx.actor.ip ?? 'unknown', now.getTime());
    if (!isIpOver && !isLocked(user.locked_until, now)) return;
    await this.core.deps.db
      .transaction()
      .execute((tx) =>
        this.core.audit(
          tx,
          { actorId: user.id, role: 'none', info: infoOf(ctx) },
          'auth.mfa.failed',
          { type: 'session', id: session.id },
          'denied',
          { reason: isIpOver ? 'ip_rate_limited' : 'locked' },
        ),
      );
    if (isIpOver) throw new AppError('RATE_LIMITED');
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: field, code: 'account_locked' }] });
  }

  /**
   * Once the second factor is given: the failure counter is cleared (only now: the right password alone must not clear
   * it), and a new account's invitations count as accepted (its first full sign-in is its holder's answer).
   */
  private async afterSecondFactor(tx: Executor, userId: string, info: RequestInfo, now: Date): Promise<void> {
    await repo.updateUser(tx, userId, { failed_logins: 0, locked_until: null, updated_at: now.toISOString() });
    for (const inv of await repo.acceptNewAccountInvitations(tx, userId, now.toISOString())) {
      await this.core.deps.auditTrail.append(
        tx,
        {
          practiceId: inv.practice_id,
          action: 'invitation.accepted',
          targetType: 'invitation',
          targetId: inv.id,
          details: { role: inv.role },
        },
        { actorId: userId, actorRole: inv.role, requestId: info.requestId, ip: info.ip },
      );
    }
  }

  /** A wrong code counts against the account (lockout), the address and the session (ended after 5), then answers 400 on the field. */
  private async failMfa(ctx: AuthContext, session: repo.SessionRow, field: string): Promise<never> {
    const now = this.core.now();
    this.core.ipFailures.hit(ctx.actor.ip ?? 'unknown', now.getTime());
    await this.core.deps.db.transaction().execute(async (tx) => {
      const who = { actorId: ctx.user.id, role: 'none', info: infoOf(ctx) };
      await this.core.recordCredentialFailure(tx, ctx.user, who, now);
      const failures = await repo.incrementSessionMfaFailures(tx, session.id);
      const isEnded = failures >= MAX_MFA_FAILURES_PER_SESSION;
      if (isEnded) await repo.updateSession(tx, session.id, { revoked_at: now.toISOString() });
      await this.core.audit(tx, who, 'auth.mfa.failed', { type: 'session', id: session.id }, 'failure', {
        sessionFailures: failures,
        sessionEnded: isEnded,
      });
    });
    throw validationError(field, field === 'code' ? 'totp_invalid' : 'recovery_code_invalid');
  }
}

/** A set of recovery codes (shown once) and their argon2id hashes (kept). */
async function newRecoveryCodes(): Promise<{ recoveryCodes: string[]; hashes: string[] }> {
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { recoveryCodes, hashes: await Promise.all(recoveryCodes.map((c) => hashPassword(normaliseRecoveryCode(c)))) };
}

/** Recovery codes are shown as `xxxx-xxxx-xxxx` and accepted with or without dashes, in any case. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud and typed by hand
function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}
const normaliseRecoveryCode = (c: string): string => c.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/** What a first enrolment's pending key is sealed to: the account and the sign-in that started it. */
const enrolmentContext = (userId: string, sessionId: string) => `totp-pending:${userId}:${sessionId}`;
