import { EmptyBodySchema, OkResponseSchema, PracticeParamsSchema } from './common.js';
import {
  AddMemberRequestSchema,
  AddMemberResponseSchema,
  InvitationParamsSchema,
  ChangeRoleRequestSchema,
  MemberListResponseSchema,
  MemberParamsSchema,
  ResetPasswordRequestSchema,
} from './practices.js';
import { AcceptInvitationRequestSchema, MyInvitationParamsSchema } from './auth.js';
import { route } from './http.js';

export const teamRoutes = {
  listMembers: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/members',
    params: PracticeParamsSchema,
    response: MemberListResponseSchema,
  }),
  invite: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/members',
    params: PracticeParamsSchema,
    body: AddMemberRequestSchema,
    response: AddMemberResponseSchema,
    status: 201,
  }),
  revoke: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/invitations/:invitationId/revoke',
    params: InvitationParamsSchema,
    body: EmptyBodySchema,
    response: OkResponseSchema,
  }),
  accept: route({
    method: 'POST',
    path: '/api/v1/me/invitations/:invitationId/accept',
    params: MyInvitationParamsSchema,
    body: AcceptInvitationRequestSchema,
    response: OkResponseSchema,
  }),
  decline: route({
    method: 'POST',
    path: '/api/v1/me/invitations/:invitationId/decline',
    params: MyInvitationParamsSchema,
    body: EmptyBodySchema,
    response: OkResponseSchema,
  }),
  changeRole: route({
    method: 'PATCH',
    path: '/api/v1/practices/:practiceId/members/:userId',
    params: MemberParamsSchema,
    body: ChangeRoleRequestSchema,
    response: OkResponseSchema,
  }),
  removeMember: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/members/:userId/deactivate',
    params: MemberParamsSchema,
    body: EmptyBodySchema,
    response: OkResponseSchema,
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/members/:userId/password-reset',
    params: MemberParamsSchema,
    body: ResetPasswordRequestSchema,
    response: OkResponseSchema,
  }),
};
