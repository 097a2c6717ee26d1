import { cliActor } from '../../src/server/shared/actor.js';
import type { TestApp } from './app.js';
import type { Builder } from './access-matrix.js';

let seq = 0;
const url = (practiceId: string, rest = '') => `/api/v1/practices/${practiceId}/processors${rest}`;

/** A processor of the practice with its signed contract stored, for the routes about one. */
export const someProcessor = async (t: TestApp, practiceId: string) => {
  const p = await t.services.processors.create(cliActor(), practiceId, {
    name: `Laboratoire Dentaire Alsacien ${++seq}`,
    kind: 'laboratory',
    handlesHealthData: true,
  });
  await t.services.processors.uploadContract(
    cliActor(),
    practiceId,
    p.id,
    { name: 'contrat.pdf' },
    Buffer.from('%PDF'),
  );
  return p.id;
};

/** A valid request for each route of the processors. */
export const BUILDERS_PROCESSORS: Record<string, Builder> = {
  'GET /api/v1/practices/:practiceId/processors/templates': async ({ practiceId }) => ({
    url: url(practiceId, '/templates'),
  }),
  'GET /api/v1/practices/:practiceId/processors': async ({ practiceId }) => ({ url: url(practiceId) }),
  'POST /api/v1/practices/:practiceId/processors': async ({ practiceId }) => ({
    url: url(practiceId),
    body: { name: `Logident ${++seq}`, kind: 'software_vendor', handlesHealthData: true, storage: { country: 'FR' } },
  }),
  'GET /api/v1/practices/:practiceId/processors/export': async ({ practiceId }) => ({
    url: url(practiceId, '/export?format=csv'),
  }),
  'GET /api/v1/practices/:practiceId/processors/:processorId': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}`),
  }),
  'PATCH /api/v1/practices/:practiceId/processors/:processorId': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}`),
    body: { contract: { clauses: { audits: 'present' } } },
  }),
  'POST /api/v1/practices/:practiceId/processors/:processorId/reviews': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}/reviews`),
    body: { checked: ['contract'] },
  }),
  'POST /api/v1/practices/:practiceId/processors/:processorId/contract-file': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}/contract-file?name=contrat.pdf`),
    body: Buffer.from('%PDF-1.4 contrat'),
    headers: { 'content-type': 'application/octet-stream' },
  }),
  'GET /api/v1/practices/:practiceId/processors/:processorId/contract-file': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}/contract-file`),
  }),
  'GET /api/v1/practices/:practiceId/processors/:processorId/clauses': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}/clauses?format=docx`),
  }),
  'GET /api/v1/practices/:practiceId/processors/:processorId/questionnaire': async ({ t, practiceId }) => ({
    url: url(practiceId, `/${await someProcessor(t, practiceId)}/questionnaire?format=pdf`),
  }),
};
