import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { actorOf } from '../../platform/http/route-config.js';
import { serve } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { Worklist } from './worklist.service.js';

export function registerWorklistRoutes(app: HttpServer, worklist: Worklist): void {
  serve(
    app,
    worklistRoutes.get,
    { tags: ['worklist'], summary: 'To do: everything with a deadline across modules, by due date' },
    async (req) => worklist.list(actorOf(req), req.params.practiceId),
  );
}
