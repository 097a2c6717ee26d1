import { EmptyBodySchema, OkResponseSchema, PracticeParamsSchema } from '../../../contracts/common.js';
import {
  AddMemberRequestSchema,
  AddMemberResponseSchema,
  InvitationParamsSchema,
  ChangeRoleRequestSchema,
  MemberListResponseSchema,
  MemberParamsSchema,
  ResetPasswordRequestSchema,
} from '../../../contracts/practices.js';
import { AcceptInvitationRequestSchema, MyInvitationParamsSchema } from '../../../contracts/auth.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { InvitationsService } from './invitations.service.js';
import type { TeamService } from './team.service.js';

const tags = ['team'];

export function registerTeamRoutes(app: HttpServer, team: TeamService, invitations: InvitationsService): void {
  app.get(
    '/api/v1/practices/:practiceId/members',
    {
      schema: {
        tags,
        summary: 'The team: people and their roles',
        params: PracticeParamsSchema,
        response: { 200: MemberListResponseSchema },
      },
    },
    async (req) => team.listMembers(actorOf(req), req.params.practiceId),
  );

  app.post(
    '/api/v1/practices/:practiceId/members',
    {
      schema: {
        tags,
        summary:
          'Add a person: a new account with a temporary password, or an invitation that a person who already has an account accepts (the same answer either way)',
        params: PracticeParamsSchema,
        body: AddMemberRequestSchema,
        response: { 201: AddMemberResponseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await invitations.invite(actorOf(req), req.params.practiceId, req.body)),
  );

  app.post(
    '/api/v1/practices/:practiceId/invitations/:invitationId/revoke',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation not yet answered',
        params: InvitationParamsSchema,
        body: EmptyBodySchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => invitations.revoke(actorOf(req), req.params.practiceId, req.params.invitationId),
  );

  app.post(
    '/api/v1/me/invitations/:invitationId/accept',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'Accept an invitation to a practice, signed in with one’s own account, with the temporary password the practice handed over',
        params: MyInvitationParamsSchema,
        body: AcceptInvitationRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => invitations.accept(actorOf(req), req.params.invitationId, req.body.temporaryPassword),
  );

  app.post(
    '/api/v1/me/invitations/:invitationId/decline',
    {
      schema: {
        tags,
        summary: 'Decline an invitation to a practice',
        params: MyInvitationParamsSchema,
        body: EmptyBodySchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => invitations.decline(actorOf(req), req.params.invitationId),
  );

  app.patch(
    '/api/v1/practices/:practiceId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a person’s role',
        params: MemberParamsSchema,
        body: ChangeRoleRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => team.changeRole(actorOf(req), req.params.practiceId, req.params.userId, req.body.role),
  );

  app.post(
    '/api/v1/practices/:practiceId/members/:userId/deactivate',
    {
      schema: {
        tags,
        summary: 'End a person’s membership: their sessions end at once (never deleted)',
        params: MemberParamsSchema,
        body: EmptyBodySchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => team.removeMember(actorOf(req), req.params.practiceId, req.params.userId),
  );

  app.post(
    '/api/v1/practices/:practiceId/members/:userId/password-reset',
    {
      schema: {
        tags,
        summary: 'Give a person a temporary password, to change at their next login (their sessions end)',
        params: MemberParamsSchema,
        body: ResetPasswordRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) =>
      team.resetPassword(actorOf(req), req.params.practiceId, req.params.userId, req.body.temporaryPassword),
  );
}
