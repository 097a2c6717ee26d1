import { z } from 'zod';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../contracts/common.js';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type Json = Record<string, unknown>;

/** `GET /api/v1/practices/:practiceId/rights-requests/:requestId` → `getPracticesRightsRequestsByPracticeIdByRequestId`: stable, unique, readable by a generated client. */
export function operationIdOf(method: string, url: string): string {
  const pascal = (s: string) =>
    s
      .split(/[^a-zA-Z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
  const parts = url.split('/').filter((p) => p && p !== 'api' && p !== 'v1');
  const words = parts
    .filter((p) => !p.startsWith(':'))
    .map(pascal)
    .join('');
  const params = parts
    .filter((p) => p.startsWith(':'))
    .map((p) => `By${pascal(p.slice(1))}`)
    .join('');
  return `${method.toLowerCase()}${words || 'Root'}${params}`;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/** The error answers every operation can give, in Gardien's one error format (`code`, `message`, `issues`, `requestId`). */
function errorResponses(method: string, url: string, isPublic: boolean): Record<string, unknown> {
  return {
    400: error('Bad input: each field at fault with its reason, in the person’s language'),
    ...(isPublic ? {} : { 401: error('No valid session or API token') }),
    403: error(
      'Refused: the role lacks the permission, the second factor is missing, the session is locked, or the CSRF token does not match',
    ),
    ...(url.includes(':') ? { 404: error('Not found in this practice') } : {}),
    ...(method !== 'GET' ? { 409: error('Conflict with the current state (a deadline passed, already done…)') } : {}),
    429: error('Too many requests from this address'),
    500: error('Unexpected failure: nothing was written'),
  };
}

/**
 * The zod-to-JSON-schema transform of each route, completed for the OpenAPI document only (never the runtime
 * serialisation): an operationId, the error responses, and no security on public routes.
 */
export function openApiTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input) as { schema: Json; url: string };
  const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
  const isPublic = (input.route.config as { auth?: string } | undefined)?.auth === 'none';
  const schema = out.schema;
  const responses = (schema.response ?? {}) as Json;
  for (const [code, value] of Object.entries(errorResponses(method, input.url, isPublic)))
    if (!(code in responses)) responses[code] = value;
  return {
    ...out,
    schema: {
      ...schema,
      operationId: operationIdOf(method, input.url),
      response: responses,
      ...(isPublic ? { security: [] } : {}),
    },
  };
}

/** The document's own parts: the error schema, where the API is served, its licence. */
export const openApiExtras = {
  servers: [{ url: '/', description: 'This Gardien server (same origin as the web app)' }],
  license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
  errorSchema: z.toJSONSchema(ErrorResponseSchema, { target: 'draft-2020-12' }) as Json,
};
