import { OkResponseSchema, PracticeParamsSchema } from '../../../contracts/common.js';
import {
  ApiTokenListResponseSchema,
  ApiTokenParamsSchema,
  CreateApiTokenRequestSchema,
  CreateApiTokenResponseSchema,
} from '../../../contracts/practices.js';
import type { HttpServer } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { ApiTokenService } from './api-tokens.service.js';

const tags = ['api-tokens'];

export function registerApiTokenRoutes(app: HttpServer, tokens: ApiTokenService): void {
  app.get(
    '/api/v1/practices/:practiceId/api-tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens (one’s own; all of them for the owner)',
        params: PracticeParamsSchema,
        response: { 200: ApiTokenListResponseSchema },
      },
    },
    async (req) => tokens.list(actorOf(req), req.params.practiceId),
  );

  app.post(
    '/api/v1/practices/:practiceId/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token acting with one’s role in this practice; the token is shown once',
        params: PracticeParamsSchema,
        body: CreateApiTokenRequestSchema,
        response: { 201: CreateApiTokenResponseSchema },
      },
    },
    async (req, reply) => {
      const r = await tokens.create(actorOf(req), req.params.practiceId, req.body.name);
      return reply.code(201).send(r);
    },
  );

  app.delete(
    '/api/v1/practices/:practiceId/api-tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: ApiTokenParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => tokens.revoke(actorOf(req), req.params.practiceId, req.params.tokenId),
  );
}
