import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { createHttpServer, type HttpServer } from './platform/http/server.js';
import { registerAuditTrailRoutes } from './modules/audit-trail/index.js';
import { registerApiTokenRoutes, registerAuthRoutes } from './modules/auth/index.js';
import { registerAuthentication } from './modules/auth/auth.http.js';
import { registerPracticeRoutes, registerSetupRoutes } from './modules/practices/index.js';
import { registerTeamRoutes } from './modules/team/index.js';
import { registerWorklistRoutes } from './modules/worklist/index.js';
import { registerPatientRoutes } from './modules/patients/index.js';
import { registerRequestAnswerRoutes, registerRightsRequestRoutes } from './modules/rights-requests/index.js';
import { registerRegisterRoutes } from './modules/register/index.js';
import { registerBackupRoutes } from './modules/backup/index.js';
import { registerBreachRoutes } from './modules/breaches/index.js';
import { registerProcessorRoutes } from './modules/processors/index.js';
import type { Services } from './services.js';
import { VERSION } from './version.js';

export interface AppOptions {
  logger: FastifyBaseLogger;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  publicOrigin?: string | undefined;
  /** The built browser app, served on the same origin (null: the API alone). */
  webDir?: string | null;
}

/** Mounts each module's routes on the HTTP server; nothing else. */
export async function buildApp(services: Services, opts: AppOptions): Promise<HttpServer> {
  const app = await createHttpServer({
    logger: opts.logger,
    bodyLimitBytes: opts.bodyLimitBytes,
    trustProxy: opts.trustProxy,
    rateLimitPerMinute: opts.rateLimitPerMinute,
    version: VERSION,
    webDir: opts.webDir ?? null,
  });
  const cookie = { secure: opts.cookieSecure };
  registerAuthentication(app, services.auth, {
    ...cookie,
    publicOrigin: opts.publicOrigin,
    isAudited: (ctx) => services.isAudited(ctx.actor),
  });

  app.get(
    '/api/health',
    {
      config: { auth: 'none' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(services.db);
      return { status: 'ok' as const, version: VERSION, database: services.dialect };
    },
  );

  registerAuthRoutes(app, services.auth, cookie);
  registerSetupRoutes(app, services.practices, services.auth, cookie);
  registerPracticeRoutes(app, services.practices);
  registerTeamRoutes(app, services.team, services.invitations);
  registerWorklistRoutes(app, services.worklist);
  registerPatientRoutes(app, services.patients);
  registerRightsRequestRoutes(app, services.rightsRequests);
  registerRequestAnswerRoutes(app, services.requestAnswers, services.requestFiles);
  registerRegisterRoutes(app, services.register, services.notices);
  registerBreachRoutes(app, services.breaches, services.breachDocuments);
  registerProcessorRoutes(app, services.processors, services.processorDocuments);
  registerApiTokenRoutes(app, services.apiTokens);
  registerAuditTrailRoutes(app, services.auditTrailService);
  registerBackupRoutes(app, services.backup);
  return app;
}
