import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  completeMfa,
  createPractice,
  createTestApp,
  login,
  loginPasswordOnly,
  STRONG_PASSWORD,
  uniqueEmail,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { totpCodeAt } from './auth.crypto.js';
import { SERVER_CHAIN } from '../audit-trail/index.js';

const MIN = 60_000;

describeEachDialect('authentication', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  const serverActions = async (userId: string) =>
    (await auditEntries(t, SERVER_CHAIN)).filter((e) => e.actor_id === userId).map((e) => e.action);

  it('signs in with password then enrols TOTP; the session is rotated at each step', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    assert.equal(c.next, 'mfa_enrollment_required');
    const firstCookie = c.cookie;
    const me = await call(t, 'GET', '/api/v1/me', { as: c });
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().code, 'MFA_REQUIRED');
    await completeMfa(t, c);
    assert.notEqual(c.cookie, firstCookie);
    const ok = await call(t, 'GET', '/api/v1/me', { as: c });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().user.mfaEnabled, true);
    // The pre-MFA cookie is dead: fixation gains nothing.
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: { ...c, cookie: firstCookie } })).statusCode, 401);
    // The MFA_REQUIRED refusal above is on record too, and the replayed pre-MFA cookie is no one's any more.
    assert.deepEqual(await serverActions(c.userId), ['auth.login.succeeded', 'request.refused', 'auth.mfa.enrolled']);
  });

  it('reaches no route but login and the MFA steps before the second factor', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    const reachable = new Set([
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/mfa/enrollment',
      'POST /api/v1/auth/mfa/enrollment/confirm',
      'POST /api/v1/auth/mfa/verify',
      'POST /api/v1/auth/unlock',
      'POST /api/v1/auth/logout',
      'GET /api/v1/auth/session',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/v1/setup',
      'POST /api/v1/setup',
    ]);
    let checked = 0;
    for (const r of t.app.routeTable) {
      const key = `${r.method} ${r.url}`;
      if (reachable.has(key)) continue;
      const url = r.url.replace(':practiceId', practiceId).replace(/:(\w+)/g, 'xyz_AAAAAAAAAAAAAAAA');
      const res = await call(t, r.method, url, { as: c, ...(r.hasBody ? { body: {} } : {}) });
      assert.equal(res.statusCode, 401, key);
      assert.equal(res.json().code, 'MFA_REQUIRED', key);
      checked++;
    }
    assert.ok(checked >= 10, `only ${checked} routes checked`);
    // The one read allowed before the second factor says where the session stands, nothing more (issue 19 §2).
    const step = (await call(t, 'GET', '/api/v1/auth/session', { as: c })).json();
    assert.deepEqual(Object.keys(step).sort(), ['csrfToken', 'idleLockMinutes', 'name', 'step']);
    assert.equal(step.step, 'mfa_enrollment_required');
  });

  it('refuses a TOTP code used once already (replay), even on another session', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const code = await totpCodeAt(c.totpSecret!, t.clock.now());
    const s2 = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    const replay = await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s2, body: { code } });
    assert.equal(replay.statusCode, 400);
    assert.equal(replay.json().issues[0].path, 'code');
    t.clock.advance(30_000);
    const fresh = await call(t, 'POST', '/api/v1/auth/mfa/verify', {
      as: s2,
      body: { code: await totpCodeAt(c.totpSecret!, t.clock.now()) },
    });
    assert.equal(fresh.statusCode, 200);
  });

  it('accepts a recovery code once instead of the authenticator', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    const enr = (await call(t, 'POST', '/api/v1/auth/mfa/enrollment', { as: c })).json();
    const conf = await call(t, 'POST', '/api/v1/auth/mfa/enrollment/confirm', {
      as: c,
      body: { code: await totpCodeAt(enr.secret, t.clock.now()) },
    });
    const codes = conf.json().recoveryCodes as string[];
    assert.equal(codes.length, 10);
    const s2 = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s2, body: { recoveryCode: codes[3]!.toUpperCase() } }))
        .statusCode,
      200,
    );
    const s3 = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s3, body: { recoveryCode: codes[3] } })).statusCode,
      400,
    );
    assert.ok((await serverActions(c.userId)).includes('auth.recovery-code.used'));
  });

  it('ends a session after five wrong codes', async () => {
    const { ownerEmail } = await createPractice(t);
    await login(t, ownerEmail);
    const s = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s, body: { code: '000000' } })).statusCode,
        400,
      );
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s, body: { code: '000000' } })).statusCode,
      401,
    );
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const { ownerEmail } = await createPractice(t);
    const unknown = await call(t, 'POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.fr', password: STRONG_PASSWORD },
      ip: '10.9.0.1',
    });
    const wrong = await call(t, 'POST', '/api/v1/auth/login', {
      body: { email: ownerEmail, password: 'Wrong-password-123456!' },
      ip: '10.9.0.2',
    });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    assert.deepEqual(strip(unknown.json()), strip(wrong.json()));
    assert.equal(unknown.json().code, 'INVALID_CREDENTIALS');
  });

  it('locks an account after 10 failures (CNIL), even against the right password, then lets it in after an hour', async () => {
    const { ownerEmail, ownerId } = await createPractice(t);
    for (let i = 0; i < 10; i++) {
      t.clock.advance(20 * MIN); // let each progressive delay pass: only the count matters here
      await call(t, 'POST', '/api/v1/auth/login', {
        body: { email: ownerEmail, password: `Wrong-password-${i}-xx!` },
        ip: `10.8.0.${i}`,
      });
    }
    const refused = await call(t, 'POST', '/api/v1/auth/login', {
      body: { email: ownerEmail, password: STRONG_PASSWORD },
      ip: '10.8.1.1',
    });
    assert.equal(refused.statusCode, 401);
    assert.ok((await serverActions(ownerId)).includes('auth.account.locked'));
    t.clock.advance(61 * MIN);
    const c = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD, '10.8.1.2');
    assert.equal(c.next, 'mfa_enrollment_required');
  });

  it('delays after the fifth failure: the right password is refused during the delay', async () => {
    const { ownerEmail } = await createPractice(t);
    for (let i = 0; i < 5; i++)
      await call(t, 'POST', '/api/v1/auth/login', {
        body: { email: ownerEmail, password: `Wrong-password-${i}-xx!` },
        ip: `10.7.0.${i}`,
      });
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/login', {
          body: { email: ownerEmail, password: STRONG_PASSWORD },
          ip: '10.7.1.1',
        })
      ).statusCode,
      401,
    );
    t.clock.advance(MIN + 1000);
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/login', {
          body: { email: ownerEmail, password: STRONG_PASSWORD },
          ip: '10.7.1.1',
        })
      ).statusCode,
      200,
    );
  });

  it('throttles one address that keeps failing (429), whatever the account', async () => {
    const ip = '10.6.6.6';
    for (let i = 0; i < 30; i++)
      await call(t, 'POST', '/api/v1/auth/login', {
        body: { email: `nobody${i}@example.fr`, password: 'Wrong-password-123456!' },
        ip,
      });
    const { ownerEmail } = await createPractice(t);
    const res = await call(t, 'POST', '/api/v1/auth/login', {
      body: { email: ownerEmail, password: STRONG_PASSWORD },
      ip,
    });
    assert.equal(res.statusCode, 429);
    assert.equal(res.json().code, 'RATE_LIMITED');
  });

  it('locks an idle session (practice setting, 5 minutes by default) and unlocks it with the password', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    t.clock.advance(5 * MIN + 1000);
    const locked = await call(t, 'GET', '/api/v1/me', { as: c });
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.json().code, 'SESSION_LOCKED');
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: c })).json().code, 'SESSION_LOCKED');
    const wrong = await call(t, 'POST', '/api/v1/auth/unlock', { as: c, body: { password: 'Wrong-password-123456!' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().issues[0].path, 'password');
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/unlock', { as: c, body: { password: STRONG_PASSWORD } })).statusCode,
      200,
    );
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: c })).statusCode, 200);
    const actions = await serverActions(c.userId);
    assert.ok(actions.includes('auth.session.locked') && actions.includes('auth.session.unlocked'));
    // The owner lengthens the delay for the practice: 10 minutes of silence no longer lock.
    assert.equal(
      (await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: c, body: { idleLockMinutes: 15 } })).statusCode,
      200,
    );
    t.clock.advance(10 * MIN);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: c })).statusCode, 200);
  });

  it('ends every session after its absolute lifetime (12 h), however active', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: c, body: { idleLockMinutes: 60 } });
    let status = 200;
    for (let h = 0; h < 15 && status === 200; h++) {
      t.clock.advance(55 * MIN);
      status = (await call(t, 'GET', '/api/v1/me', { as: c })).statusCode;
    }
    assert.equal(status, 401);
  });

  it('requires the CSRF token on every state-changing request of a browser session', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const res = await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, {
      as: c,
      body: { name: 'Autre nom' },
      headers: { 'x-csrf-token': 'forged' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'CSRF_FAILED');
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: c })).json().name !== 'Autre nom',
      true,
    );
  });

  it('lists and revokes one’s sessions, logs out, and logs out everywhere', async () => {
    const { ownerEmail } = await createPractice(t);
    const a = await login(t, ownerEmail);
    const b = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: a.totpSecret! });
    const c = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: a.totpSecret! });
    const list = (await call(t, 'GET', '/api/v1/auth/sessions', { as: a })).json().items as {
      id: string;
      isCurrent: boolean;
    }[];
    assert.equal(list.length, 3);
    assert.equal(list.filter((s) => s.isCurrent).length, 1);
    const bId = (await call(t, 'GET', '/api/v1/me', { as: b })).json().session.id as string;
    assert.equal((await call(t, 'DELETE', `/api/v1/auth/sessions/${bId}`, { as: a })).statusCode, 200);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: b })).statusCode, 401);
    assert.equal((await call(t, 'POST', '/api/v1/auth/logout', { as: c })).statusCode, 200);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: c })).statusCode, 401);
    const d = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: a.totpSecret! });
    assert.equal((await call(t, 'POST', '/api/v1/auth/logout-all', { as: a })).statusCode, 200);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: a })).statusCode, 401);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: d })).statusCode, 401);
  });

  it('makes a person added by the owner change their password first; the change ends their other sessions', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const owner = await login(t, ownerEmail);
    const email = uniqueEmail('assistant');
    const added = await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
      as: owner,
      body: { email, name: 'Léa Le Goff-Ménard', role: 'assistant', initialPassword: 'Provisoire-Cabinet-2026!x' },
    });
    assert.equal(added.statusCode, 201);
    const p1 = await loginPasswordOnly(t, email, 'Provisoire-Cabinet-2026!x');
    await completeMfa(t, p1);
    const p2 = await login(t, email, 'Provisoire-Cabinet-2026!x', { totpSecret: p1.totpSecret! });
    const blocked = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: p1 });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
    const weak = await call(t, 'POST', '/api/v1/auth/password', {
      as: p1,
      body: { currentPassword: 'Provisoire-Cabinet-2026!x', newPassword: 'azerty123' },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().issues[0].path, 'newPassword');
    assert.match(weak.json().issues[0].message, /courants/);
    const ok = await call(t, 'POST', '/api/v1/auth/password', {
      as: p1,
      body: { currentPassword: 'Provisoire-Cabinet-2026!x', newPassword: 'Une-Autre-Phrase-Longue-77' },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: p1 })).statusCode, 200);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: p2 })).statusCode, 401);
  });

  it('ends every session and token of a person at once when they leave', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const owner = await login(t, ownerEmail);
    const m = await addMember(t, practiceId, 'practitioner');
    const p = await login(t, m.email);
    const token = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/api-tokens`, { as: p, body: { name: 'agenda' } })
    ).json().token as string;
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: { token } })).statusCode, 200);
    assert.equal(
      (await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${m.userId}/deactivate`, { as: owner }))
        .statusCode,
      200,
    );
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: p })).statusCode, 401);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: { token } })).statusCode, 401);
    // Never deleted: the account is disabled and its sign-in refused.
    const row = await t.services.auth.findUserByEmail(m.email);
    assert.equal(row?.is_disabled, 1);
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/login', {
          body: { email: m.email, password: STRONG_PASSWORD },
          ip: '10.5.0.1',
        })
      ).statusCode,
      401,
    );
  });
});
