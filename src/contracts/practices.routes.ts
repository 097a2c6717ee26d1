import { PracticeParamsSchema } from './common.js';
import { PracticeSchema, UpdatePracticeRequestSchema } from './practices.js';
import { route } from './http.js';

export const practiceRoutes = {
  getPractice: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId',
    params: PracticeParamsSchema,
    response: PracticeSchema,
  }),
  updatePractice: route({
    method: 'PATCH',
    path: '/api/v1/practices/:practiceId',
    params: PracticeParamsSchema,
    body: UpdatePracticeRequestSchema,
    response: PracticeSchema,
  }),
};
