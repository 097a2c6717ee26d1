import { PracticeParamsSchema } from './common.js';
import { route } from './http.js';
import { WorklistResponseSchema } from './worklist.js';

export const worklistRoutes = {
  get: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/worklist',
    params: PracticeParamsSchema,
    response: WorklistResponseSchema,
  }),
};
