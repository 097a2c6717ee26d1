import { PracticeParamsSchema } from '../../../contracts/common.js';
import { PracticeSchema, UpdatePracticeRequestSchema } from '../../../contracts/practices.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { PracticesService } from './practices.service.js';

const tags = ['practices'];

export function registerPracticeRoutes(app: HttpServer, practices: PracticesService): void {
  app.get(
    '/api/v1/practices/:practiceId',
    {
      schema: {
        tags,
        summary: 'The practice identity',
        params: PracticeParamsSchema,
        response: { 200: PracticeSchema },
      },
    },
    async (req) => practices.getPractice(actorOf(req), req.params.practiceId),
  );

  app.patch(
    '/api/v1/practices/:practiceId',
    {
      schema: {
        tags,
        summary: 'Change the practice identity or its idle-lock delay',
        params: PracticeParamsSchema,
        body: UpdatePracticeRequestSchema,
        response: { 200: PracticeSchema },
      },
    },
    async (req) => practices.updatePractice(actorOf(req), req.params.practiceId, req.body),
  );
}
