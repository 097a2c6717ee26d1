import { OkResponseSchema, PracticeParamsSchema } from './common.js';
import {
  ApiTokenListResponseSchema,
  ApiTokenParamsSchema,
  CreateApiTokenRequestSchema,
  CreateApiTokenResponseSchema,
} from './practices.js';
import { route } from './http.js';

export const apiTokenRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/api-tokens',
    params: PracticeParamsSchema,
    response: ApiTokenListResponseSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/practices/:practiceId/api-tokens',
    params: PracticeParamsSchema,
    body: CreateApiTokenRequestSchema,
    response: CreateApiTokenResponseSchema,
    status: 201,
  }),
  revoke: route({
    method: 'DELETE',
    path: '/api/v1/practices/:practiceId/api-tokens/:tokenId',
    params: ApiTokenParamsSchema,
    response: OkResponseSchema,
  }),
};
