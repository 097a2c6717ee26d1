import { teamRoutes as r } from '../../../contracts/team.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { InvitationsService } from './invitations.service.js';
import type { TeamService } from './team.service.js';

export function registerTeamRoutes(app: HttpServer, team: TeamService, invitations: InvitationsService): void {
  const serve = routesOf(app, ['team']);
  serve(r.listMembers, 'The team: people and their roles', async (req) =>
    team.listMembers(actorOf(req), req.params.practiceId),
  );

  serve(
    r.invite,
    'Add a person: a new account with a temporary password, or an invitation that a person who already has an account accepts (the same answer either way)',
    async (req) => invitations.invite(actorOf(req), req.params.practiceId, req.body),
  );

  serve(r.revoke, 'Withdraw an invitation not yet answered', async (req) =>
    invitations.revoke(actorOf(req), req.params.practiceId, req.params.invitationId),
  );

  serve(
    r.accept,
    {
      summary:
        'Accept an invitation to a practice, signed in with one’s own account, with the temporary password the practice handed over',
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (req) => invitations.accept(actorOf(req), req.params.invitationId, req.body.temporaryPassword),
  );

  serve(r.decline, 'Decline an invitation to a practice', async (req) =>
    invitations.decline(actorOf(req), req.params.invitationId),
  );

  serve(r.changeRole, 'Change a person’s role', async (req) =>
    team.changeRole(actorOf(req), req.params.practiceId, req.params.userId, req.body.role),
  );

  serve(r.removeMember, 'End a person’s membership: their sessions end at once (never deleted)', async (req) =>
    team.removeMember(actorOf(req), req.params.practiceId, req.params.userId),
  );

  serve(
    r.resetPassword,
    'Give a person a temporary password, to change at their next login (their sessions end)',
    async (req) =>
      team.resetPassword(actorOf(req), req.params.practiceId, req.params.userId, req.body.temporaryPassword),
  );
}
