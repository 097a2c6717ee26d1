import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../shared/app-error.js';
import { errorHandler } from './errors.js';
import { registerWebApp } from './web-app.js';
import { registerSecurityHeaders } from './security-headers.js';
import { openApiExtras, openApiTransform } from './openapi.js';
import { zodSerializerCompiler, zodValidatorCompiler } from './validation.js';

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One registered route, as the access matrix and the contract tests enumerate them. */
export interface RouteEntry {
  method: string;
  url: string;
  auth: 'none' | 'mfa' | 'unlock' | 'full';
  hasBody: boolean;
  /** The route's zod schemas, for generated tests (bad input, access matrix, the response schemas' contract). */
  schema: { body?: unknown; querystring?: unknown; params?: unknown; response?: Record<string, unknown> };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface HttpServerOptions {
  logger: FastifyBaseLogger;
  bodyLimitBytes: number;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  version: string;
  /** The built browser app to serve on the same origin; null for the API alone. */
  webDir?: string | null;
}

/** A request as the log shows it: the path without its query string (it may hold a name or a birth date). */
export function requestForLog(req: { method: string; url: string; ip?: string }): Record<string, unknown> {
  const q = req.url.indexOf('?');
  return { method: req.method, url: q === -1 ? req.url : `${req.url.slice(0, q)}?[redacted]`, remoteAddress: req.ip };
}

/** Fastify with Gardien's transport rules: zod validation, one error format, headers, limits, OpenAPI. No domain logic. */
export async function createHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: opts.bodyLimitBytes,
    trustProxy: opts.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false, // never trust a client-chosen id: it ends up in the audit trail
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Fastify's request lines carry the whole URL, and a query string can carry personal data (a patient search by name
    // or birth date): every request logger writes the path alone.
    childLoggerFactory: (logger, bindings, childOpts) =>
      logger.child(bindings, { ...childOpts, serializers: { ...childOpts.serializers, req: requestForLog } }),
    // Malformed URLs (invalid percent-encoding) get the one error format too, not Fastify's own body.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD' || r.url.includes('*')) continue;
      const schema = (r.schema ?? {}) as RouteEntry['schema'];
      routeTable.push({
        method,
        url: r.url,
        auth: r.config?.auth ?? 'full',
        hasBody: Boolean(schema.body),
        schema: {
          body: schema.body,
          querystring: schema.querystring,
          params: schema.params,
          response: schema.response,
        },
      });
    }
  });

  // JSON, and raw bytes for file uploads (the routes that take them check them); any other body type is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);
  app.setErrorHandler(errorHandler);
  const apiNotFound = (request: FastifyRequest, reply: FastifyReply) =>
    errorHandler(new AppError('NOT_FOUND'), request, reply);
  if (opts.webDir) await registerWebApp(app, opts.webDir, apiNotFound);
  else app.setNotFoundHandler(apiNotFound);
  registerSecurityHeaders(app);

  await app.register(cookie);
  // A ceiling per client address on every route; login has its own, stricter, counter in the auth module.
  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode, code: 'FST_ERR_RATE_LIMIT_EXCEEDED' }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gardien API',
        version: opts.version,
        description:
          'GDPR (RGPD) compliance for dental practices. All practice data lives under /api/v1/practices/{practiceId}.',
        license: openApiExtras.license,
      },
      servers: openApiExtras.servers,
      components: {
        schemas: { Error: openApiExtras.errorSchema as never },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-gardien_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiTransform,
  });

  app.get('/api/openapi.json', { config: { auth: 'none' }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
