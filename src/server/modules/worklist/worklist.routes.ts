import { PracticeParamsSchema } from '../../../contracts/common.js';
import { WorklistResponseSchema } from '../../../contracts/worklist.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { Worklist } from './worklist.service.js';

export function registerWorklistRoutes(app: HttpServer, worklist: Worklist): void {
  app.get(
    '/api/v1/practices/:practiceId/worklist',
    {
      schema: {
        tags: ['worklist'],
        summary: 'To do: everything with a deadline across modules, by due date',
        params: PracticeParamsSchema,
        response: { 200: WorklistResponseSchema },
      },
    },
    async (req) => worklist.list(actorOf(req), req.params.practiceId),
  );
}
