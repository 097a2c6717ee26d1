import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/app-error.js';
import { can, type Access } from '../access/index.js';
import type { ApiTokenRow } from './auth.repository.js';
import type { AuthService } from './auth.service.js';

const present = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  userId: t.user_id,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

/** API tokens for integrations and scripts: bound to one practice, acting with their creator's role there. */
export class ApiTokenService {
  constructor(private readonly deps: { access: Access; auth: AuthService }) {}

  create(actor: Actor, practiceId: string, name: string) {
    if (actor.kind === 'user' && actor.tokenId) throw new AppError('FORBIDDEN'); // a token does not mint tokens
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'token.manage', action: 'token.created', targetType: 'api_token' },
      async ({ tx, audit }) => {
        if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
        const { token, row } = await this.deps.auth.issueApiToken(tx, {
          practiceId,
          userId: actor.userId,
          name,
          createdBy: actor.userId,
        });
        audit.targetId = row.id;
        audit.details = { name };
        return { token, apiToken: present(row) };
      },
    );
  }

  /** The server administrator issues a token for a member (CLI `token create`). */
  createForMember(actor: Actor, practiceId: string, userId: string, name: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'token.manage-all', action: 'token.created', targetType: 'api_token' },
      async ({ tx, audit }) => {
        const role = await this.deps.access.resolveRole(
          { kind: 'user', userId, sessionId: null, tokenId: null, tokenPracticeId: null, requestId: null, ip: null },
          practiceId,
          tx,
        );
        if (role === null) throw new AppError('NOT_FOUND', { issues: [{ path: 'email', code: 'not_a_member' }] });
        const { token, row } = await this.deps.auth.issueApiToken(tx, {
          practiceId,
          userId,
          name,
          createdBy: actor.kind === 'admin' ? actor.adminId : userId,
        });
        audit.targetId = row.id;
        audit.details = { name, forUser: userId };
        return { token, apiToken: present(row) };
      },
    );
  }

  list(actor: Actor, practiceId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'token.manage', action: 'token.listed', targetType: 'api_token' },
      async ({ tx, role }) => {
        const seesAll = role === 'admin' || can(role, 'token.manage-all');
        const rows = await this.deps.auth.findApiTokens(
          tx,
          practiceId,
          seesAll || actor.kind !== 'user' ? undefined : actor.userId,
        );
        return { items: rows.map(present) };
      },
    );
  }

  revoke(actor: Actor, practiceId: string, tokenId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'token.manage', action: 'token.revoked', targetType: 'api_token', targetId: tokenId },
      async ({ tx, role }) => {
        const token = await this.deps.auth.findApiToken(tx, practiceId, tokenId);
        const seesAll = role === 'admin' || can(role, 'token.manage-all');
        if (!token || (!seesAll && actor.kind === 'user' && token.user_id !== actor.userId))
          throw new AppError('NOT_FOUND');
        await this.deps.auth.revokeApiToken(tx, practiceId, tokenId);
        return { ok: true as const };
      },
    );
  }
}
