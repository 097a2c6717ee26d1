import { setupRoutes as r } from '../../../contracts/setup.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import { requestInfo, setSessionCookie, type SessionCookieOptions } from '../auth/index.js';
import type { AuthService } from '../auth/index.js';
import type { PracticesService } from './practices.service.js';

/** First run from the web: offered only while no account exists (the CLI's `gardien init` does the same). */
export function registerSetupRoutes(
  app: HttpServer,
  practices: PracticesService,
  auth: AuthService,
  cookie: SessionCookieOptions,
): void {
  const serve = routesOf(app, ['setup']);
  serve(
    r.status,
    { summary: 'Whether the first-run setup is still needed (no account exists)', config: { auth: 'none' } },
    async () => ({ needed: await auth.hasNoUser() }),
  );

  serve(
    r.create,
    {
      summary: 'First run: create the practice and its owner, then sign in (the second factor is enrolled next)',
      config: { auth: 'none', rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const info = requestInfo(req);
      await practices.setupFirstPractice(req.body, info.requestId, info.ip);
      const s = await auth.login(info, req.body.ownerEmail, req.body.password);
      setSessionCookie(reply, s.token, cookie);
      return { next: s.next, csrfToken: s.csrfToken };
    },
  );
}
