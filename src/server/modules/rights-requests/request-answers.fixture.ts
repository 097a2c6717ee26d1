import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  addMember,
  call,
  createPractice,
  createTestApp,
  login,
  type Client,
  type TestApp,
} from '../../../../test/support/app.js';
import type { DialectName as Dialect } from '../../platform/db/database.js';

/**
 * The setup the request-answers test files share: a practice with its people, and the helpers that act in it. The
 * test clock stands on Thursday 15 January 2026.
 */
export function answersFixture(dialect: Dialect) {
  const f = {} as { t: TestApp; practiceId: string; owner: Client; assistant: Client };
  const url = (p = '') => `/api/v1/practices/${f.practiceId}/rights-requests${p}`;
  const patientUrl = (id: string) => `/api/v1/practices/${f.practiceId}/patients/${id}`;
  const create = async (body: Record<string, unknown>) => {
    const res = await call(f.t, 'POST', url(), {
      as: f.assistant,
      body: {
        channel: 'letter',
        receivedOn: '2026-01-08',
        requester: { name: 'Inès Moreau', relation: 'self' },
        ...body,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string };
  };
  const patient = async (extra: Record<string, unknown> = {}) =>
    (
      await call(f.t, 'POST', `/api/v1/practices/${f.practiceId}/patients`, {
        as: f.assistant,
        body: { lastName: 'Moreau', firstName: 'Inès', birthDate: '1985-04-02', marketingConsent: true, ...extra },
      })
    ).json().id as string;
  const decide = (id: string, body: Record<string, unknown>, as = f.owner) =>
    call(f.t, 'POST', url(`/${id}/decision`), { as, body: { on: '2026-01-15', ...body } });
  const detail = async (id: string) => (await call(f.t, 'GET', url(`/${id}`), { as: f.owner })).json();
  const letterText = async (id: string, letterId: string) =>
    (await call(f.t, 'GET', url(`/${id}/letters/${letterId}?format=txt`), { as: f.owner })).body;

  before(async () => {
    f.t = await createTestApp(dialect);
    const p = await createPractice(f.t, 'Cabinet des Tilleuls');
    f.practiceId = p.practiceId;
    f.owner = await login(f.t, p.ownerEmail);
    f.assistant = await login(f.t, (await addMember(f.t, f.practiceId, 'assistant')).email);
  });
  after(async () => f.t.close());
  return { f, url, patientUrl, create, patient, decide, detail, letterText };
}
