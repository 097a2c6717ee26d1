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

/** The test clock stands on Thursday 15 January 2026, 09:00 UTC (10:00 in Paris). */

/** The setup the breaches.test.ts files share: a practice with its people, and the helpers that act in it. */
export function breachesFixture(dialect: Dialect) {
  const f = {} as { t: TestApp; practiceId: string; owner: Client; assistant: Client; auditor: Client };
  const url = (p = '') => `/api/v1/practices/${f.practiceId}/breaches${p}`;
  const report = (body: Record<string, unknown> = {}, as = f.assistant) =>
    call(f.t, 'POST', url(), {
      as,
      body: {
        title: 'Rançongiciel sur le poste de l’accueil',
        awareAt: '2026-01-14T08:30:00+01:00',
        nature: ['availability', 'confidentiality'],
        circumstances: ['ransomware'],
        dataCategories: ['identity', 'health'],
        approxPeople: 1200,
        ...body,
      },
    });
  const veryHigh = {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'maximum',
    confidentiality: 'unknown_recipients',
    integrity: 'none',
    availability: 'temporary',
    malicious: true,
  };
  const low = {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'negligible',
    confidentiality: 'none',
    integrity: 'none',
    availability: 'temporary',
    malicious: false,
  };

  before(async () => {
    f.t = await createTestApp(dialect);
    const p = await createPractice(f.t, 'Cabinet des Tilleuls');
    f.practiceId = p.practiceId;
    f.owner = await login(f.t, p.ownerEmail);
    f.assistant = await login(f.t, (await addMember(f.t, f.practiceId, 'assistant')).email);
    f.auditor = await login(f.t, (await addMember(f.t, f.practiceId, 'auditor')).email);
  });
  after(async () => f.t.close());
  return { f, url, report, veryHigh, low };
}
