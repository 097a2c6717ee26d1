import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { actorOf } from '../../platform/http/route-config.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { Worklist } from './worklist.service.js';

export function registerWorklistRoutes(app: HttpServer, worklist: Worklist): void {
  const serve = routesOf(app, ['worklist']);
  serve(worklistRoutes.get, 'To do: everything with a deadline across modules, by due date', async (req) =>
    worklist.list(actorOf(req), req.params.practiceId),
  );
}
