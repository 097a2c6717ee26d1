import type { AddMemberRequest } from '../../../contracts/practices.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { auditContext, type Access } from '../access/index.js';
import type { AuditTrail } from '../audit-trail/index.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';
import type { AuthService } from '../auth/index.js';
import * as repo from './team.repository.js';

export interface InvitationsDeps {
  db: Db;
  clock: Clock;
  access: Access;
  auditTrail: AuditTrail;
  auth: AuthService;
}

/** How long an invitation waits for its answer. */
export const INVITATION_DAYS = 14;
/** Wrong temporary passwords before an invitation is withdrawn. */
export const MAX_INVITATION_ATTEMPTS = 5;

/** Adding a person to the team: the owner invites, the person accepts (or declines), the owner may withdraw. */
export class InvitationsService {
  constructor(private readonly deps: InvitationsDeps) {}

  /**
   * The owner adds a person. A new e-mail gets an account with the temporary password (to change at the first sign-in,
   * which answers the invitation); an e-mail that already has an account gets an invitation its holder accepts, signed
   * in. The answer, the timing (the password is checked and hashed either way), the team list and the practice's trail
   * are the same in both cases: adding a person is no way to learn who has an account on this server.
   */
  invite(actor: Actor, practiceId: string, input: AddMemberRequest): Promise<{ invitationId: string }> {
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
        const practice = await repo.practiceName(tx, practiceId);
        const practiceNames = practice ? [practice] : [];
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
  revoke(actor: Actor, practiceId: string, invitationId: string) {
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
  accept(actor: Actor, invitationId: string, temporaryPassword: string) {
    return this.answer(actor, invitationId, { accept: temporaryPassword });
  }

  decline(actor: Actor, invitationId: string) {
    return this.answer(actor, invitationId, 'decline');
  }

  /**
   * Only the invited account answers, and only an invitation still waiting; any other id answers 404 (nothing confirms an
   * invitation addressed to someone else exists). Audited in the practice's chain, by the person; a refusal is audited
   * after the transaction, so that it is kept.
   */
  private async answer(
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
}
