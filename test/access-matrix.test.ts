import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ROLES } from '../src/contracts/roles.js';
import { ROLE_PERMISSIONS } from '../src/server/modules/access/index.js';
import {
  call,
  completeMfa,
  createPractice,
  createTestApp,
  loginPasswordOnly,
  STRONG_PASSWORD,
  type Client,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';

import { type Column, matrix, assertOutcome, freshMember } from './support/access-matrix.js';
import { BUILDERS, reEnrolledSecret } from './support/access-matrix-builders.js';

it('the access matrix agrees with the role → permission table', () => {
  for (const [route, entry] of Object.entries(matrix.routes)) {
    if (!entry.permission) continue;
    for (const role of ROLES)
      assert.equal(
        entry[role],
        ROLE_PERMISSIONS[role].includes(entry.permission) ? 'allow' : 'forbidden',
        `${route} × ${role}`,
      );
    assert.equal(entry.otherPractice, 'not_found', route);
  }
});

describeEachDialect('access matrix', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let otherOwnerEmail: string;
  before(async () => {
    t = await createTestApp(dialect);
    practiceId = (await createPractice(t, 'Cabinet A')).practiceId;
    otherOwnerEmail = (await createPractice(t, 'Cabinet B')).ownerEmail;
  });
  after(async () => t.close());

  it('has an entry and a request for every registered route, and none for routes that do not exist', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(
      Object.keys(matrix.routes).sort(),
      registered,
      'docs/authz-matrix.json must list exactly the registered routes',
    );
    assert.deepEqual(Object.keys(BUILDERS).sort(), registered, 'every route needs a request builder in this test');
  });

  /** One enrolled person per column, signed in afresh for each cell (a new session each time, so cells never interfere). */
  const personas = new Map<Column, { email: string; password: string; totpSecret: string }>();

  async function actorFor(column: Column): Promise<Client | null> {
    if (column === 'noSession') return null;
    let p = personas.get(column);
    if (!p) {
      const email =
        column === 'otherPractice'
          ? otherOwnerEmail
          : (await freshMember(t, practiceId, column === 'noMfa' ? 'owner' : column)).email;
      const c = await completeMfa(t, await loginPasswordOnly(t, email, STRONG_PASSWORD));
      p = { email, password: STRONG_PASSWORD, totpSecret: c.totpSecret! };
      personas.set(column, p);
    }
    const pending = await loginPasswordOnly(t, p.email, p.password);
    if (column === 'noMfa') return { ...pending, totpSecret: p.totpSecret };
    return completeMfa(t, pending, p.totpSecret);
  }

  it('gives every route × column the outcome written in docs/authz-matrix.json', async () => {
    let cells = 0;
    for (const [route, entry] of Object.entries(matrix.routes)) {
      const [method] = route.split(' ');
      for (const column of matrix.columns) {
        const expected = entry[column];
        if (expected === 'not_applicable') continue;
        const who = await actorFor(column);
        const req = await BUILDERS[route]!({ t, practiceId, who });
        const res = await call(t, method!, req.url, {
          as: who,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.headers ? { headers: req.headers } : {}),
        });
        if (route === 'POST /api/v1/auth/password' && res.statusCode === 200)
          personas.get(column)!.password = (req.body as { newPassword: string }).newPassword;
        if (route === 'POST /api/v1/auth/mfa/re-enrollment/confirm' && res.statusCode === 200)
          personas.get(column)!.totpSecret = reEnrolledSecret;
        assertOutcome(res, expected, `${route} × ${column}`);
        cells++;
      }
    }
    assert.ok(cells >= 150, `${cells} cells checked`);
  });
});
