import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { totpCodeAt } from '../../src/server/modules/auth/index.js';

/**
 * A practice and its owner created through the server's own API in the browser profile's cookie jar (setup, the
 * authenticator enrolled), so that a journey can start on its own page, signed in,
 * without the screens other journeys test.
 */
export async function seedOwner(
  context: BrowserContext,
  o: { practice: string; name: string; email: string; password: string },
): Promise<{ secret: string; practiceId: string }> {
  const api = context.request;
  const setup = await api.post('/api/v1/setup', {
    data: { practiceName: o.practice, ownerName: o.name, ownerEmail: o.email, password: o.password },
  });
  assert.equal(setup.status(), 200, await setup.text());
  const csrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
  const enrol = await api.post('/api/v1/auth/mfa/enrollment', { data: {}, headers: { 'x-csrf-token': csrf } });
  assert.equal(enrol.status(), 200, await enrol.text());
  const secret = ((await enrol.json()) as { secret: string }).secret;
  const confirm = await api.post('/api/v1/auth/mfa/enrollment/confirm', {
    data: { code: await totpCodeAt(secret, new Date()) },
    headers: { 'x-csrf-token': csrf },
  });
  assert.equal(confirm.status(), 200, await confirm.text());
  const me = (await (await api.get('/api/v1/me')).json()) as { memberships: { practiceId: string }[] };
  return { secret, practiceId: me.memberships[0]!.practiceId };
}
