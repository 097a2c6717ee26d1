import { practiceRoutes as r } from '../../../contracts/practices.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { PracticesService } from './practices.service.js';

export function registerPracticeRoutes(app: HttpServer, practices: PracticesService): void {
  const serve = routesOf(app, ['practices']);
  serve(r.getPractice, 'The practice identity', async (req) =>
    practices.getPractice(actorOf(req), req.params.practiceId),
  );

  serve(r.updatePractice, 'Change the practice identity or its idle-lock delay', async (req) =>
    practices.updatePractice(actorOf(req), req.params.practiceId, req.body),
  );
}
