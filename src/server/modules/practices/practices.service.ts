import type { SetupRequest } from '../../../contracts/setup.js';
import type {
  AddMemberRequest,
  MemberListResponse,
  PracticeResponse,
  UpdatePracticeRequest,
} from '../../../contracts/practices.js';
import type { Role } from '../../../contracts/roles.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, DialectName, Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { auditContext, type Access } from '../access/index.js';
import type { AuditContext, AuditTrail } from '../audit-trail/index.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';
import type { AuthService } from '../auth/index.js';
import * as repo from './practices.repository.js';

export interface PracticesDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  access: Access;
  auditTrail: AuditTrail;
  auth: AuthService;
}

/** How long an invitation waits for its answer. */
export const INVITATION_DAYS = 14;
/** Wrong temporary passwords before an invitation is withdrawn. */
export const MAX_INVITATION_ATTEMPTS = 5;

export interface CreatePracticeInput {
  name: string;
  owner: { email: string; name: string; password?: string | undefined };
}

const presentPractice = (p: repo.PracticeRow): PracticeResponse => ({
  id: p.id,
  name: p.name,
  legalForm: p.legal_form,
  siren: p.siren,
  siret: p.siret,
  address: p.address,
  controllerName: p.controller_name,
  dpoContact: p.dpo_contact,
  idleLockMinutes: Number(p.idle_lock_minutes),
  alsaceMoselle: Number(p.alsace_moselle) === 1,
  overseasTerritory: (p.overseas_territory ?? null) as PracticeResponse['overseasTerritory'],
  phone: p.phone ?? null,
  email: p.email ?? null,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

/** Practices (tenants) and the people who work in them. */
export class PracticesService {
  constructor(private readonly deps: PracticesDeps) {}

  /**
   * Creates a practice and its owner (the controller) in one transaction: a new account needs a password,
   * an existing account simply gains the owner role there. Server administration (CLI) only.
   */
  async createPractice(
    actor: Actor,
    input: CreatePracticeInput,
  ): Promise<{ practiceId: string; userId: string; isNewUser: boolean }> {
    if (actor.kind !== 'admin') throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute((tx) => this.insertPracticeWithOwner(tx, actor, input));
  }

  /**
   * First run from the web (no account exists yet): the first practice and its owner. Refused once any account
   * exists; two setups racing are serialised (SQLite: one writer; PostgreSQL: a transaction lock).
   */
  async setupFirstPractice(
    input: SetupRequest,
    requestId: string | null,
    ip: string | null,
  ): Promise<{ practiceId: string; userId: string }> {
    const actor: Actor = { kind: 'admin', adminId: 'setup:web', requestId, ip };
    return this.deps.db.transaction().execute(async (tx) => {
      await repo.lockForSetup(tx, this.deps.dialect);
      if (!(await this.deps.auth.hasNoUser(tx))) throw conflict('', 'setup_done');
      const r = await this.insertPracticeWithOwner(tx, actor, {
        name: input.practiceName,
        owner: { email: input.ownerEmail, name: input.ownerName, password: input.password },
      });
      await this.deps.auditTrail.append(
        tx,
        { practiceId: r.practiceId, action: 'setup.completed', targetType: 'practice', targetId: r.practiceId },
        auditContext(actor, 'admin'),
      );
      return { practiceId: r.practiceId, userId: r.userId };
    });
  }

  private async insertPracticeWithOwner(
    tx: Executor,
    actor: Actor,
    input: CreatePracticeInput,
  ): Promise<{ practiceId: string; userId: string; isNewUser: boolean }> {
    const now = this.deps.clock.now().toISOString();
    const practiceId = newId('prc');
    await repo.insertPractice(tx, {
      id: practiceId,
      name: input.name,
      legal_form: null,
      siren: null,
      siret: null,
      address: null,
      controller_name: input.owner.name,
      dpo_contact: null,
      idle_lock_minutes: 5,
      alsace_moselle: 0,
      phone: null,
      email: null,
      overseas_territory: null,
      created_at: now,
      updated_at: now,
    });
    const ctx = auditContext(actor, 'admin');
    await this.deps.auditTrail.append(
      tx,
      {
        practiceId,
        action: 'practice.created',
        targetType: 'practice',
        targetId: practiceId,
        details: { by: actorId(actor) },
      },
      ctx,
    );
    const { userId, isNewUser } = await this.ensureUser(tx, ctx, practiceId, input.owner, false);
    await repo.upsertMembership(tx, practiceId, userId, 'owner', now);
    await this.deps.auditTrail.append(
      tx,
      { practiceId, action: 'member.added', targetType: 'user', targetId: userId, details: { role: 'owner' } },
      ctx,
    );
    return { practiceId, userId, isNewUser };
  }

  private async ensureUser(
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
    const practice = await repo.findPractice(tx, practiceId);
    const userId = await this.deps.auth.createUser(tx, {
      email: person.email,
      name: person.name,
      password: person.password,
      mustChangePassword,
      passwordField,
      practiceNames: practice ? [practice.name] : [],
    });
    await this.deps.auditTrail.append(
      tx,
      { practiceId, action: 'user.created', targetType: 'user', targetId: userId },
      ctx,
    );
    return { userId, isNewUser: true };
  }

  getPractice(actor: Actor, practiceId: string): Promise<PracticeResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'practice.read',
        action: 'practice.read',
        targetType: 'practice',
        targetId: practiceId,
        readOnly: true,
      },
      async ({ tx }) => {
        const p = await repo.findPractice(tx, practiceId);
        if (!p) throw new AppError('NOT_FOUND');
        return presentPractice(p);
      },
    );
  }

  updatePractice(actor: Actor, practiceId: string, input: UpdatePracticeRequest): Promise<PracticeResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'practice.update', action: 'practice.updated', targetType: 'practice', targetId: practiceId },
      async ({ tx, audit }) => {
        const p = await repo.findPractice(tx, practiceId);
        if (!p) throw new AppError('NOT_FOUND');
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.legalForm !== undefined ? { legal_form: input.legalForm } : {}),
          ...(input.siren !== undefined ? { siren: input.siren } : {}),
          ...(input.siret !== undefined ? { siret: input.siret } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          ...(input.controllerName !== undefined ? { controller_name: input.controllerName } : {}),
          ...(input.dpoContact !== undefined ? { dpo_contact: input.dpoContact } : {}),
          ...(input.idleLockMinutes !== undefined ? { idle_lock_minutes: input.idleLockMinutes } : {}),
          ...(input.alsaceMoselle !== undefined ? { alsace_moselle: input.alsaceMoselle ? 1 : 0 } : {}),
          ...(input.overseasTerritory !== undefined ? { overseas_territory: input.overseasTerritory } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
        };
        const siren = input.siren !== undefined ? input.siren : p.siren;
        const siret = input.siret !== undefined ? input.siret : p.siret;
        // A SIRET is the SIREN of the company followed by 5 digits for the establishment (INSEE).
        if (siren && siret && !siret.startsWith(siren))
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'siret', code: 'siret_siren_mismatch' }] });
        const updatedAt = this.deps.clock.now().toISOString();
        await repo.updatePractice(tx, practiceId, { ...patch, updated_at: updatedAt });
        audit.details = { fields: Object.keys(input).sort() };
        return presentPractice({ ...p, ...patch, updated_at: updatedAt });
      },
    );
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
          items: rows.map((m) => ({
            userId: m.id,
            email: m.email,
            name: m.name,
            role: m.role as Role,
            isActive: m.ended_at === null && m.is_disabled === 0,
            mfaEnabled: m.totp_secret !== null,
            joinedAt: m.created_at,
            endedAt: m.ended_at,
          })),
          invitations: pending.map((i) => ({
            id: i.id,
            email: i.email,
            name: i.name,
            role: i.role,
            invitedAt: i.created_at,
            expiresAt: i.expires_at,
          })),
        };
      },
    );
  }

  /**
   * The owner adds a person. A new e-mail gets an account with the temporary password (to change at the first sign-in,
   * which answers the invitation); an e-mail that already has an account gets an invitation its holder accepts, signed
   * in. The answer, the timing (the password is checked and hashed either way), the team list and the practice's trail
   * are the same in both cases: adding a person is no way to learn who has an account on this server.
   */
  inviteMember(actor: Actor, practiceId: string, input: AddMemberRequest): Promise<{ invitationId: string }> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'member.manage', action: 'member.invited', targetType: 'invitation' },
      async ({ tx, audit, role }) => {
        if (!input.initialPassword)
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'initialPassword', code: 'required' }] });
        const now = this.deps.clock.now();
        const email = input.email.trim().toLowerCase();
        // A pending addition first: a new account's membership is already in force, an existing account's is not.
        if ((await repo.findPendingInvitations(tx, practiceId, now.toISOString())).some((i) => i.email === email))
          throw conflict('email', 'already_invited');
        const existing = await this.deps.auth.findUserByEmail(email, tx);
        if (existing && (await repo.findMembership(tx, practiceId, existing.id))?.ended_at === null)
          throw conflict('email', 'already_member');
        const practice = await repo.findPractice(tx, practiceId);
        const practiceNames = practice ? [practice.name] : [];
        let userId: string;
        let codeHash: string | null = null;
        if (existing) {
          // The same check (with the practice's name) and the same hashing work as a new account's; the hash is what the
          // person proves they were handed: typing it accepts the invitation.
          await this.deps.auth.checkNewPassword(
            input.initialPassword,
            { email, name: input.name },
            practiceNames,
            'initialPassword',
          );
          codeHash = await this.deps.auth.hashTemporaryPassword(input.initialPassword);
          userId = existing.id;
        } else {
          userId = await this.deps.auth.createUser(tx, {
            email,
            name: input.name,
            password: input.initialPassword,
            mustChangePassword: true,
            passwordField: 'initialPassword',
            practiceNames,
          });
          await repo.upsertMembership(tx, practiceId, userId, input.role, now.toISOString());
          // In the server chain: the practice's own trail must not tell a new account from an existing one.
          await this.deps.auditTrail.append(
            tx,
            {
              practiceId: SERVER_CHAIN,
              action: 'user.created',
              targetType: 'user',
              targetId: userId,
              details: { practiceId },
            },
            auditContext(actor, role),
          );
        }
        const id = newId('inv');
        await repo.insertInvitation(tx, {
          id,
          practice_id: practiceId,
          email,
          name: input.name,
          role: input.role,
          user_id: userId,
          kind: existing ? 'existing_account' : 'new_account',
          code_hash: codeHash,
          failed_attempts: 0,
          invited_by: actorId(actor),
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
          accepted_at: null,
          declined_at: null,
          revoked_at: null,
        });
        audit.targetId = id;
        audit.details = { role: input.role };
        return { invitationId: id };
      },
    );
  }

  /** The owner withdraws an invitation not yet answered; a new account made for it is closed with it (never deleted). */
  revokeInvitation(actor: Actor, practiceId: string, invitationId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'member.manage', action: 'invitation.revoked', targetType: 'invitation', targetId: invitationId },
      async ({ tx, audit }) => {
        const now = this.deps.clock.now().toISOString();
        const inv = (await repo.findPendingInvitations(tx, practiceId, now)).find((i) => i.id === invitationId);
        if (!inv) throw new AppError('NOT_FOUND');
        await repo.updateInvitation(tx, inv.id, { revoked_at: now });
        if (inv.kind === 'new_account') {
          await repo.updateMembership(tx, practiceId, inv.user_id, { ended_at: now });
          const isLast = (await repo.countActiveMemberships(tx, inv.user_id)) === 0;
          await this.deps.auth.endAccessToPractice(tx, inv.user_id, practiceId, isLast);
          if (isLast) await this.deps.auth.disableUser(tx, inv.user_id);
        }
        audit.details = { role: inv.role };
        return { ok: true as const };
      },
    );
  }

  /**
   * The invited person accepts, signed in with their own account, by typing the temporary password the owner handed
   * over: an account that someone else created in advance for that e-mail cannot take the invitation. Five wrong
   * passwords withdraw it. The membership begins now.
   */
  acceptInvitation(actor: Actor, invitationId: string, temporaryPassword: string) {
    return this.answerInvitation(actor, invitationId, { accept: temporaryPassword });
  }

  declineInvitation(actor: Actor, invitationId: string) {
    return this.answerInvitation(actor, invitationId, 'decline');
  }

  /**
   * Only the invited account answers, and only an invitation still waiting; any other id answers 404 (nothing confirms an
   * invitation addressed to someone else exists). Audited in the practice's chain, by the person; a refusal is audited
   * after the transaction, so that it is kept.
   */
  private async answerInvitation(
    actor: Actor,
    invitationId: string,
    answer: { accept: string } | 'decline',
  ): Promise<{ ok: true }> {
    const attempted = answer === 'decline' ? 'invitation.decline' : 'invitation.accept';
    const refuse = async (
      reason: string,
      practiceId: string = SERVER_CHAIN,
      details: Record<string, unknown> = {},
    ): Promise<never> => {
      await this.deps.db.transaction().execute((tx) =>
        this.deps.auditTrail.append(
          tx,
          {
            practiceId,
            action: 'access.denied',
            targetType: 'invitation',
            targetId: invitationId.slice(0, 80),
            outcome: 'denied',
            details: { attempted, reason, ...details },
          },
          auditContext(actor, 'none'),
        ),
      );
      if (reason !== 'wrong_password') throw new AppError('NOT_FOUND');
      const left = MAX_INVITATION_ATTEMPTS - Number(details.failures);
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          left > 0
            ? { path: 'temporaryPassword', code: 'invitation_password_wrong', params: { left } }
            : { path: 'temporaryPassword', code: 'invitation_withdrawn' },
        ],
      });
    };
    if (actor.kind !== 'user' || actor.tokenId !== null) return refuse('not_found');
    const now = this.deps.clock.now().toISOString();
    const inv = await repo.findInvitation(this.deps.db, invitationId);
    const isOpen =
      inv &&
      inv.user_id === actor.userId &&
      inv.kind === 'existing_account' &&
      !inv.accepted_at &&
      !inv.declined_at &&
      !inv.revoked_at &&
      inv.expires_at > now;
    if (!inv || !isOpen) return refuse('not_found');
    if (
      answer !== 'decline' &&
      !(inv.code_hash && (await this.deps.auth.verifyTemporaryPassword(inv.code_hash, answer.accept)))
    ) {
      const failures = Number(inv.failed_attempts) + 1;
      await repo.updateInvitation(this.deps.db, inv.id, {
        failed_attempts: failures,
        ...(failures >= MAX_INVITATION_ATTEMPTS ? { revoked_at: now } : {}),
      });
      return refuse('wrong_password', inv.practice_id, { failures, withdrawn: failures >= MAX_INVITATION_ATTEMPTS });
    }
    return this.deps.db.transaction().execute(async (tx) => {
      if (answer !== 'decline') {
        await repo.upsertMembership(tx, inv.practice_id, actor.userId, inv.role, now);
        await repo.updateInvitation(tx, inv.id, { accepted_at: now });
      } else await repo.updateInvitation(tx, inv.id, { declined_at: now });
      await this.deps.auditTrail.append(
        tx,
        {
          practiceId: inv.practice_id,
          action: answer !== 'decline' ? 'invitation.accepted' : 'invitation.declined',
          targetType: 'invitation',
          targetId: inv.id,
          details: { role: inv.role },
        },
        auditContext(actor, answer !== 'decline' ? inv.role : 'none'),
      );
      return { ok: true as const };
    });
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
        const { userId, isNewUser } = await this.ensureUser(
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
      { permission: 'member.manage', action: 'member.role-changed', targetType: 'user', targetId: userId },
      async ({ tx, audit }) => {
        const m = await repo.findMembership(tx, practiceId, userId);
        if (!m || m.ended_at !== null) throw new AppError('NOT_FOUND');
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
      { permission: 'member.manage', action: 'member.removed', targetType: 'user', targetId: userId },
      async ({ tx, audit }) => {
        const m = await repo.findMembership(tx, practiceId, userId);
        if (!m || m.ended_at !== null) throw new AppError('NOT_FOUND');
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
      { permission: 'member.manage', action: 'member.password-reset', targetType: 'user', targetId: userId },
      async ({ tx, audit }) => {
        const m = await repo.findMembership(tx, practiceId, userId);
        if (!m || m.ended_at !== null) throw new AppError('NOT_FOUND');
        if (actor.kind === 'user' && actor.userId === userId) throw conflict('userId', 'own_account');
        if ((await repo.countActiveMemberships(tx, userId)) > 1) throw conflict('userId', 'account_shared');
        const r = await this.deps.auth.setTemporaryPassword(tx, userId, temporaryPassword, 'temporaryPassword');
        audit.details = { sessionsEnded: r.sessions };
        return { ok: true as const };
      },
    );
  }

  /** The practice identity for generated documents (inside another module's transaction, already access-checked). */
  async identity(tx: Executor, practiceId: string): Promise<PracticeResponse> {
    const p = await repo.findPractice(tx, practiceId);
    if (!p) throw new AppError('NOT_FOUND');
    return presentPractice(p);
  }

  /** Every person who is or was a member, id → name (inside another module's transaction), for documents and owners of tasks. */
  async memberNames(tx: Executor, practiceId: string): Promise<Map<string, string>> {
    return new Map((await repo.findMembers(tx, practiceId)).map((m) => [m.id, m.name]));
  }

  /** Every practice of this server (for system jobs such as the daily digest). */
  allPracticeIds(tx: Executor): Promise<string[]> {
    return repo.practiceIds(tx);
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

  /** The practice's calendar for legal deadlines (inside another module's transaction). */
  async holidayOptions(
    tx: Executor,
    practiceId: string,
  ): Promise<{ alsaceMoselle: boolean; overseasTerritory: PracticeResponse['overseasTerritory'] }> {
    const p = await repo.findPractice(tx, practiceId);
    return {
      alsaceMoselle: Number(p?.alsace_moselle ?? 0) === 1,
      overseasTerritory: (p?.overseas_territory ?? null) as PracticeResponse['overseasTerritory'],
    };
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
