import { practiceRoutes as r } from '../../../contracts/practices.routes.js';
import { serve } from '../../platform/http/route-table.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { PracticesService } from './practices.service.js';

const tags = ['practices'];

export function registerPracticeRoutes(app: HttpServer, practices: PracticesService): void {
  serve(app, r.getPractice, { tags, summary: 'The practice identity' }, async (req) =>
    practices.getPractice(actorOf(req), req.params.practiceId),
  );

  serve(app, r.updatePractice, { tags, summary: 'Change the practice identity or its idle-lock delay' }, async (req) =>
    practices.updatePractice(actorOf(req), req.params.practiceId, req.body),
  );
}
