import { EmptyBodySchema, OkResponseSchema, PracticeParamsSchema } from '../../../contracts/common.js';
import {
  AddMemberRequestSchema,
  AddMemberResponseSchema,
  InvitationParamsSchema,
  ChangeRoleRequestSchema,
  MemberListResponseSchema,
  MemberParamsSchema,
  PracticeSchema,
  ResetPasswordRequestSchema,
  UpdatePracticeRequestSchema,
} from '../../../contracts/practices.js';
import { AcceptInvitationRequestSchema, MyInvitationParamsSchema } from '../../../contracts/auth.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { PracticesService } from './practices.service.js';

const tags = ['practices'];

export function registerPracticeRoutes(app: HttpServer, practices: PracticesService): void {
  app.get(
    '/api/v1/practices/:practiceId',
    {
      schema: {
        tags,
        summary: 'The practice identity',
        params: PracticeParamsSchema,
        response: { 200: PracticeSchema },
      },
    },
    async (req) => practices.getPractice(actorOf(req), req.params.practiceId),
  );

  app.patch(
    '/api/v1/practices/:practiceId',
    {
      schema: {
        tags,
        summary: 'Change the practice identity or its idle-lock delay',
        params: PracticeParamsSchema,
        body: UpdatePracticeRequestSchema,
        response: { 200: PracticeSchema },
      },
    },
    async (req) => practices.updatePractice(actorOf(req), req.params.practiceId, req.body),
  );

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
    async (req) => practices.listMembers(actorOf(req), req.params.practiceId),
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
    async (req, reply) =>
      reply.code(201).send(await practices.inviteMember(actorOf(req), req.params.practiceId, req.body)),
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
    async (req) => practices.revokeInvitation(actorOf(req), req.params.practiceId, req.params.invitationId),
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
    async (req) => practices.acceptInvitation(actorOf(req), req.params.invitationId, req.body.temporaryPassword),
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
    async (req) => practices.declineInvitation(actorOf(req), req.params.invitationId),
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
    async (req) => practices.changeRole(actorOf(req), req.params.practiceId, req.params.userId, req.body.role),
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
    async (req) => practices.removeMember(actorOf(req), req.params.practiceId, req.params.userId),
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
      practices.resetPassword(actorOf(req), req.params.practiceId, req.params.userId, req.body.temporaryPassword),
  );
}
