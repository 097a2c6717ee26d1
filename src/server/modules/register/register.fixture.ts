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

/** The test clock: Thursday 15 January 2026. */

/** The setup the register.test.ts files share: a practice with its people, and the helpers that act in it. */
export function registerFixture(dialect: Dialect) {
  const f = {} as {
    t: TestApp;
    practiceId: string;
    owner: Client;
    assistant: Client;
    auditor: Client;
    auditorEmail: string;
  };
  const url = (p = '') => `/api/v1/practices/${f.practiceId}/register${p}`;
  const ids: Record<string, string> = {};

  before(async () => {
    f.t = await createTestApp(dialect);
    const p = await createPractice(f.t, 'Cabinet dentaire Étienne Lefèvre');
    f.practiceId = p.practiceId;
    f.owner = await login(f.t, p.ownerEmail);
    f.assistant = await login(f.t, (await addMember(f.t, f.practiceId, 'assistant')).email);
    f.auditorEmail = (await addMember(f.t, f.practiceId, 'auditor')).email;
    f.auditor = await login(f.t, f.auditorEmail);
    await call(f.t, 'PATCH', `/api/v1/practices/${f.practiceId}`, {
      as: f.owner,
      body: {
        address: '12 rue de la Paix, 67000 Strasbourg',
        dpoContact: 'dpo@cabinet-lefevre.fr',
        siren: '732829320',
      },
    });
  });
  after(async () => f.t.close());
  return { f, url, ids };
}
