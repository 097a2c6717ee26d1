import { PracticeParamsSchema } from './common.js';
import {
  CreateRightsRequestSchema,
  ExtensionRequestSchema,
  IdentityReceivedSchema,
  IdentityRequestSchema,
  RightsRequestDetailSchema,
  RightsRequestListQuerySchema,
  RightsRequestListResponseSchema,
  RightsRequestParamsSchema,
  RightsRequestSchema,
  StatusChangeSchema,
} from './rights-requests.js';
import { route } from './http.js';

export const rightsRequestRoutes = {
  create: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests',
    params: PracticeParamsSchema,
    body: CreateRightsRequestSchema,
    response: RightsRequestSchema,
    status: 201,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests',
    params: PracticeParamsSchema,
    query: RightsRequestListQuerySchema,
    response: RightsRequestListResponseSchema,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId',
    params: RightsRequestParamsSchema,
    response: RightsRequestDetailSchema,
  }),
  extend: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/extension',
    params: RightsRequestParamsSchema,
    body: ExtensionRequestSchema,
    response: RightsRequestSchema,
  }),
  requestIdentity: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/identity-request',
    params: RightsRequestParamsSchema,
    body: IdentityRequestSchema,
    response: RightsRequestSchema,
  }),
  identityReceived: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/identity-received',
    params: RightsRequestParamsSchema,
    body: IdentityReceivedSchema,
    response: RightsRequestSchema,
  }),
  changeStatus: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/rights-requests/:requestId/status',
    params: RightsRequestParamsSchema,
    body: StatusChangeSchema,
    response: RightsRequestSchema,
  }),
};
