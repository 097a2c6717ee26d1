// Issue 19 §2: every sign-in step survives a reload, a second tab and a reopened browser, from the server's state.
// The page keeps its CSRF token in memory only; GET /api/v1/auth/session gives it back with the step to show.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  call,
  completeMfa,
  createPractice,
  createTestApp,
  login,
  loginPasswordOnly,
  STRONG_PASSWORD,
  type Client,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';

const MIN = 60_000;

/** A reloaded page: the same cookie, no token (it lived in the page's memory). */
const reloaded = (c: Client): Client => ({ ...c, csrf: '' });

describeEachDialect('a reload, a second tab, a reopened browser resume the sign-in step', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  async function resume(c: Client) {
    const r = await call(t, 'GET', '/api/v1/auth/session', { as: c });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { step: string; csrfToken: string; name: string };
    c.csrf = body.csrfToken;
    return body;
  }

  it('enrolment: after F5 the page gets its token back and the same key, so the code of the app already scanned works', async () => {
    const { practiceId } = await createPractice(t);
    const { email } = await addMember(t, practiceId, 'assistant');
    const first = await loginPasswordOnly(t, email, STRONG_PASSWORD);
    const key = (await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: first })).json().secret as string;
    const page = reloaded(first);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: page })).json().code,
      'CSRF_FAILED',
      'without the token, as before',
    );
    const s = await resume(page);
    assert.deepEqual([s.step, s.name], ['mfa_enrollment_required', 'Personne assistant']);
    const again = await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: page });
    assert.equal(again.json().secret, key, 'the key already in the app stays the one to confirm');
    await completeMfa(t, page, undefined);
    assert.equal((await resume(page)).step, 'authenticated');
  });

  it('enrolment: another sign-in with the same password never gets the key of the first', async () => {
    const { practiceId } = await createPractice(t);
    const { email } = await addMember(t, practiceId, 'assistant');
    const a = await loginPasswordOnly(t, email, STRONG_PASSWORD);
    const keyA = (await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: a })).json().secret as string;
    const b = await loginPasswordOnly(t, email, STRONG_PASSWORD);
    const keyB = (await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: b })).json().secret as string;
    assert.notEqual(keyB, keyA);
    // The first sign-in's key is gone with it: its confirmation is refused as not started, and it starts anew.
    const confirmA = await call(t, 'POST', '/api/v1/auth/mfa/enrollment/confirm', { as: a, body: { code: '123456' } });
    assert.deepEqual([confirmA.statusCode, confirmA.json().issues?.[0]?.code], [409, 'mfa_enrollment_not_started']);
  });

  it('second factor: a second tab gets the code step, not the enrolment, and a token that works', async () => {
    const { ownerEmail } = await createPractice(t);
    const enrolled = await login(t, ownerEmail);
    const tab1 = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    const tab2 = reloaded(tab1);
    assert.equal((await resume(tab2)).step, 'mfa_required');
    await completeMfa(t, tab2, enrolled.totpSecret);
    // The browser's cookie is the tabs' one; tab 1 still holds the token of before the second factor (renewed then).
    tab1.cookie = tab2.cookie;
    assert.equal((await call(t, 'POST', '/api/v1/auth/logout', { as: tab1 })).json().code, 'CSRF_FAILED');
    const s = await resume(tab1);
    assert.equal(s.step, 'authenticated');
    assert.equal(s.csrfToken, tab2.csrf);
  });

  it('lock screen: after a reload the right password unlocks and "not me" signs out; the name is known', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await login(t, ownerEmail);
    t.clock.advance(6 * MIN);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: c })).json().code, 'SESSION_LOCKED');
    const page = reloaded(c);
    const s = await resume(page);
    assert.deepEqual([s.step, s.name], ['locked', 'Claire Martin']);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/unlock', { as: page, body: { password: STRONG_PASSWORD } })).statusCode,
      200,
    );
    assert.equal((await resume(page)).step, 'authenticated');
    t.clock.advance(6 * MIN);
    await call(t, 'GET', '/api/v1/me', { as: page });
    const again = reloaded(page);
    assert.equal((await resume(again)).step, 'locked');
    assert.equal((await call(t, 'POST', '/api/v1/auth/logout', { as: again })).statusCode, 200);
    assert.equal((await call(t, 'GET', '/api/v1/auth/session', { as: again })).statusCode, 401);
  });

  it('a forced password change resumes as such; without a session it answers 401', async () => {
    const { practiceId, ownerEmail } = await createPractice(t);
    const owner = await login(t, ownerEmail);
    const email = `new.${Date.now()}@cabinet.example.fr`;
    const temp = 'Provisoire-Cabinet-2026!x';
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
          as: owner,
          body: { email, name: 'Nina Petit', role: 'assistant', initialPassword: temp },
        })
      ).statusCode,
      201,
    );
    const c = await completeMfa(t, await loginPasswordOnly(t, email, temp));
    assert.equal((await resume(reloaded(c))).step, 'password_change_required');
    assert.equal((await call(t, 'GET', '/api/v1/auth/session')).statusCode, 401);
  });
});
