import { hashSecret } from '../../platform/crypto/hashing.js';
import type { Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId, newSecret } from '../../shared/ids.js';
import { AuthCore } from './auth.context.js';
import { hashPassword, verifyPassword } from './auth.crypto.js';
import * as repo from './auth.repository.js';
import { assertPasswordRule } from './password.check.js';
import { contextWordsFor } from './password.rules.js';

/** Accounts and their passwords, and what administration does to them (CLI, or a use case that checked permission). */
export class AuthAccounts extends AuthCore {
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
