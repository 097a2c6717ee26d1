import { apiTokenRoutes as r } from '../../../contracts/api-tokens.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { ApiTokenService } from './api-tokens.service.js';

export function registerApiTokenRoutes(app: HttpServer, tokens: ApiTokenService): void {
  const serve = routesOf(app, ['api-tokens']);
  serve(r.list, 'List API tokens (one’s own; all of them for the owner)', async (req) =>
    tokens.list(actorOf(req), req.params.practiceId),
  );

  serve(
    r.create,
    'Create an API token acting with one’s role in this practice; the token is shown once',
    async (req, reply) => {
      const r = await tokens.create(actorOf(req), req.params.practiceId, req.body.name);
      return reply.code(201).send(r);
    },
  );

  serve(r.revoke, 'Revoke an API token', async (req) =>
    tokens.revoke(actorOf(req), req.params.practiceId, req.params.tokenId),
  );
}
