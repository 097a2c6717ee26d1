import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../../contracts/http.js';
import type { HttpServer } from './server.js';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A request of a route: its params, query and body as the route's schemas parsed them. */
export type RouteRequest<D extends RouteDef> = FastifyRequest & {
  params: Out<D['params']>;
  query: Out<D['query']>;
  body: Out<D['body']>;
};

/** What the OpenAPI page says of a route, and its transport settings. */
export interface RouteOptions {
  tags: string[];
  summary: string;
  config?: FastifyContextConfig;
  bodyLimit?: number;
}

/**
 * Registers a route of a contract's table (through a module's `routesOf`): the schemas come from the table (validation, serialisation, OpenAPI),
 * the handler makes one service call. A route declared with `status: 201` answers 201.
 */
function serve<D extends RouteDef>(
  app: HttpServer,
  def: D,
  opts: RouteOptions,
  handler: (req: RouteRequest<D>, reply: FastifyReply) => Promise<z.input<D['response']> | FastifyReply>,
): void {
  const status = def.status ?? 200;
  app.route({
    method: def.method,
    url: def.path,
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    schema: {
      tags: opts.tags,
      summary: opts.summary,
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      response: { [status]: def.response },
    },
    handler: async (req, reply) => {
      if (status !== 200) void reply.code(status);
      return handler(req as RouteRequest<D>, reply);
    },
  });
}

/**
 * A module's `serve`, its OpenAPI tags said once: `serve(table.x, 'summary', handler)`, or with transport settings
 * `serve(table.x, { summary, config, bodyLimit }, handler)`.
 */
export function routesOf(app: HttpServer, tags: string[]) {
  return <D extends RouteDef>(
    def: D,
    doc: string | Omit<RouteOptions, 'tags'>,
    handler: (req: RouteRequest<D>, reply: FastifyReply) => Promise<z.input<D['response']> | FastifyReply>,
  ): void => serve(app, def, { tags, ...(typeof doc === 'string' ? { summary: doc } : doc) }, handler);
}
