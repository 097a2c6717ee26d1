import type { AddMemberRequest, MemberListResponse } from '../../../contracts/practices.js';
import type { Role } from '../../../contracts/roles.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { auditContext, type Access } from '../access/index.js';
import type { AuditContext, AuditTrail } from '../audit-trail/index.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';
import type { AuthService } from '../auth/index.js';
import { presentInvitation, presentMember } from './team.presenter.js';
import * as repo from './team.repository.js';

export interface TeamDeps {
  db: Db;
  clock: Clock;
  access: Access;
  auditTrail: AuditTrail;
  auth: AuthService;
}

/** The people who work in a practice: who they are, their role, their arrival and departure. */
export class TeamService {
  constructor(private readonly deps: TeamDeps) {}

  /** A new practice's owner (the controller), inside the transaction that creates the practice, member from `now`. */
  async addOwner(
    tx: Executor,
    ctx: AuditContext,
    practiceId: string,
    owner: { email: string; name: string; password?: string | undefined },
    now: string,
  ): Promise<{ userId: string; isNewUser: boolean }> {
    const { userId, isNewUser } = await this.ensureAccount(tx, ctx, practiceId, owner, false);
    await repo.upsertMembership(tx, practiceId, userId, 'owner', now);
    await this.deps.auditTrail.append(
      tx,
      { practiceId, action: 'member.added', targetType: 'user', targetId: userId, details: { role: 'owner' } },
      ctx,
    );
    return { userId, isNewUser };
  }

  /**
   * The account of a person being given a role: an existing one (unless disabled), else a new one with the password
   * given (inside the caller's transaction, which audits the membership).
   */
  async ensureAccount(
    tx: Parameters<AuthService['createUser']>[0],
    ctx: AuditContext,
    practiceId: string,
    person: { email: string; name: string; password?: string | undefined },
    mustChangePassword: boolean,
    passwordField = 'password',
  ) {
    const existing = await this.deps.auth.findUserByEmail(person.email, tx);
    if (existing) {
      if (existing.is_disabled) throw conflict('email', 'account_disabled');
      return { userId: existing.id, isNewUser: false };
    }
    if (!person.password)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: passwordField, code: 'password_required_new_account' }],
      });
    const practice = await repo.practiceName(tx, practiceId);
    const userId = await this.deps.auth.createUser(tx, {
      email: person.email,
      name: person.name,
      password: person.password,
      mustChangePassword,
      passwordField,
      practiceNames: practice ? [practice] : [],
    });
    await this.deps.auditTrail.append(
      tx,
      { practiceId, action: 'user.created', targetType: 'user', targetId: userId },
      ctx,
    );
    return { userId, isNewUser: true };
  }

  /**
   * The team, and the people added who have not yet acted (a new account before its first sign-in, an invitation not yet
   * accepted), shown alike with what the owner typed: the list tells nothing of accounts held elsewhere.
   */
  listMembers(actor: Actor, practiceId: string): Promise<MemberListResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'member.list',
        action: 'member.listed',
        targetType: 'practice',
        targetId: practiceId,
        readOnly: true,
      },
      async ({ tx, audit }) => {
        const now = this.deps.clock.now().toISOString();
        const pending = await repo.findPendingInvitations(tx, practiceId, now);
        // A new account whose holder never signed in is no member yet, whatever became of its invitation (pending,
        // withdrawn, expired): listed, like an invitation to an existing account, only while pending.
        const neverJoined = new Set(await repo.unacceptedNewAccounts(tx, practiceId));
        const rows = (await repo.findMembers(tx, practiceId)).filter((m) => !neverJoined.has(m.id));
        audit.details = { count: rows.length, invitations: pending.length };
        return {
          items: rows.map(presentMember),
          invitations: pending.map(presentInvitation),
        };
      },
    );
  }

  /**
   * Server administration (CLI `user add`): gives a person a role here directly, an existing account included; a new
   * person gets an account with a one-time password to change at first login. Owners add people by invitation.
   */
  addMember(
    actor: Actor,
    practiceId: string,
    input: AddMemberRequest,
  ): Promise<{ userId: string; isNewUser: boolean }> {
    if (actor.kind !== 'admin') throw new AppError('FORBIDDEN');
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'member.manage', action: 'member.added', targetType: 'user' },
      async ({ tx, audit, role }) => {
        const { userId, isNewUser } = await this.ensureAccount(
          tx,
          auditContext(actor, role),
          practiceId,
          { email: input.email, name: input.name, password: input.initialPassword },
          actor.kind !== 'admin',
          'initialPassword',
        );
        const existing = await repo.findMembership(tx, practiceId, userId);
        if (existing && existing.ended_at === null) throw conflict('email', 'already_member');
        await repo.upsertMembership(tx, practiceId, userId, input.role, this.deps.clock.now().toISOString());
        audit.targetId = userId;
        audit.details = { role: input.role, newAccount: isNewUser };
        return { userId, isNewUser };
      },
    );
  }

  changeRole(actor: Actor, practiceId: string, userId: string, role: Role) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'member.manage',
        action: 'member.role-changed',
        targetType: 'user',
        targetId: userId,
        load: (tx) => repo.findCurrentMembership(tx, practiceId, userId),
      },
      async ({ tx, audit }, m) => {
        if (m.role === 'owner' && role !== 'owner' && (await repo.countActiveOwners(tx, practiceId)) <= 1)
          throw conflict('role', 'last_owner');
        await repo.updateMembership(tx, practiceId, userId, { role });
        audit.details = { from: m.role, to: role };
        return { ok: true as const };
      },
    );
  }

  /**
   * Someone leaves: the membership ends (never deleted) and this practice's tokens end at once; an account left with no
   * practice is disabled and its sessions end. A person who still works elsewhere keeps their sessions there: one
   * practice cannot sign a consultant out of the others.
   */
  removeMember(actor: Actor, practiceId: string, userId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'member.manage',
        action: 'member.removed',
        targetType: 'user',
        targetId: userId,
        load: (tx) => repo.findCurrentMembership(tx, practiceId, userId),
      },
      async ({ tx, audit }, m) => {
        if (m.role === 'owner' && (await repo.countActiveOwners(tx, practiceId)) <= 1)
          throw conflict('userId', 'last_owner');
        await repo.updateMembership(tx, practiceId, userId, { ended_at: this.deps.clock.now().toISOString() });
        const isDisabled = (await repo.countActiveMemberships(tx, userId)) === 0;
        // This practice's tokens end; the sessions (which serve every practice of the person) only with the last membership.
        const ended = await this.deps.auth.endAccessToPractice(tx, userId, practiceId, isDisabled);
        if (isDisabled) await this.deps.auth.disableUser(tx, userId);
        audit.details = {
          role: m.role,
          sessionsEnded: ended.sessions,
          tokensRevoked: ended.tokens,
          accountDisabled: isDisabled,
        };
        return { ok: true as const };
      },
    );
  }

  /**
   * The owner gives a person a temporary password, to change at their next login; their sessions end at once. Not
   * for one's own account (My account), nor for an account that also works in another practice: one practice's
   * owner must not take over a consultant's access to the others.
   */
  resetPassword(actor: Actor, practiceId: string, userId: string, temporaryPassword: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'member.manage',
        action: 'member.password-reset',
        targetType: 'user',
        targetId: userId,
        load: (tx) => repo.findCurrentMembership(tx, practiceId, userId),
      },
      async ({ tx, audit }) => {
        if (actor.kind === 'user' && actor.userId === userId) throw conflict('userId', 'own_account');
        if ((await repo.countActiveMemberships(tx, userId)) > 1) throw conflict('userId', 'account_shared');
        const r = await this.deps.auth.setTemporaryPassword(tx, userId, temporaryPassword, 'temporaryPassword');
        audit.details = { sessionsEnded: r.sessions };
        return { ok: true as const };
      },
    );
  }

  /** Every person who is or was a member, id → name (inside another module's transaction), for documents and owners of tasks. */
  async memberNames(tx: Executor, practiceId: string): Promise<Map<string, string>> {
    return new Map((await repo.findMembers(tx, practiceId)).map((m) => [m.id, m.name]));
  }

  /** The people who currently work in the practice (account enabled, membership not ended): whom reminders go to. */
  async activeMembers(
    tx: Executor,
    practiceId: string,
  ): Promise<{ id: string; email: string; name: string; role: string; language: string | null }[]> {
    return (await repo.findMembers(tx, practiceId))
      .filter((m) => Number(m.is_disabled) === 0 && m.ended_at === null)
      .map((m) => ({ id: m.id, email: m.email, name: m.name, role: m.role, language: m.language }));
  }

  /** Server administration: disable an account everywhere (CLI `user disable`). */
  async disableUser(actor: Actor, email: string): Promise<{ userId: string; sessions: number; tokens: number }> {
    if (actor.kind !== 'admin') throw new AppError('FORBIDDEN');
    const user = await this.deps.auth.findUserByEmail(email);
    if (!user) throw new AppError('NOT_FOUND', { issues: [{ path: 'email', code: 'unknown_account' }] });
    return this.deps.db.transaction().execute(async (tx) => {
      const r = await this.deps.auth.disableUser(tx, user.id);
      await this.deps.auditTrail.append(
        tx,
        { practiceId: SERVER_CHAIN, action: 'user.disabled', targetType: 'user', targetId: user.id, details: r },
        auditContext(actor, 'admin'),
      );
      return { userId: user.id, ...r };
    });
  }
}
