import { LoginResponseSchema } from './auth.js';
import { SetupRequestSchema, SetupStatusResponseSchema } from './setup.js';
import { route } from './http.js';

export const setupRoutes = {
  status: route({ method: 'GET', path: '/api/v1/setup', response: SetupStatusResponseSchema }),
  create: route({
    method: 'POST',
    path: '/api/v1/setup',
    body: SetupRequestSchema,
    response: LoginResponseSchema,
  }),
};
