import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { totpCodeAt } from '../auth/index.js';
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

describeEachDialect('first-run setup', (dialect) => {
  let t: TestApp;
  before(async () => (t = await createTestApp(dialect)));
  after(async () => t.close());

  it('is offered while no account exists, creates the practice and its owner once, and leads to MFA enrolment', async () => {
    assert.deepEqual((await call(t, 'GET', '/api/v1/setup')).json(), { needed: true });
    const weak = await call(t, 'POST', '/api/v1/setup', {
      body: {
        practiceName: 'Cabinet du Port',
        ownerName: 'Anne Marin',
        ownerEmail: 'anne@cabinet-du-port.fr',
        password: 'motdepasse',
      },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().issues[0].path, 'password');
    assert.equal(
      (await t.services.db.selectFrom('practices').select('id').execute()).length,
      0,
      'a refused setup writes nothing',
    );

    const ok = await call(t, 'POST', '/api/v1/setup', {
      body: {
        practiceName: 'Cabinet du Port',
        ownerName: 'Anne Marin',
        ownerEmail: 'anne@cabinet-du-port.fr',
        password: STRONG_PASSWORD,
      },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().next, 'mfa_enrollment_required');
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const owner = await completeMfa(t, {
      cookie,
      csrf: ok.json().csrfToken,
      userId: '',
      email: 'anne@cabinet-du-port.fr',
      password: STRONG_PASSWORD,
    });
    const me = (await call(t, 'GET', '/api/v1/me', { as: owner })).json();
    assert.equal(me.memberships.length, 1);
    assert.equal(me.memberships[0].role, 'owner');
    assert.equal(me.memberships[0].practiceName, 'Cabinet du Port');
    const actions = (await auditEntries(t, me.memberships[0].practiceId)).map((e) => e.action);
    assert.deepEqual(actions.slice(0, 5), [
      'practice.created',
      'user.created',
      'member.added',
      'setup.completed',
      ...actions.slice(4, 5),
    ]);

    assert.deepEqual((await call(t, 'GET', '/api/v1/setup')).json(), { needed: false });
    const again = await call(t, 'POST', '/api/v1/setup', {
      body: {
        practiceName: 'Intrus',
        ownerName: 'Ivan Intrus',
        ownerEmail: 'ivan@example.fr',
        password: STRONG_PASSWORD,
      },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().issues[0].code, 'setup_done');
    assert.equal((await t.services.db.selectFrom('practices').select('id').execute()).length, 1);
  });

  it('lets only one of two simultaneous setups through', async () => {
    const t2 = await createTestApp(dialect);
    try {
      const body = (n: number) => ({
        practiceName: `Cabinet ${n}`,
        ownerName: `Titulaire ${n}`,
        ownerEmail: `titulaire${n}@example.fr`,
        password: STRONG_PASSWORD,
      });
      const results = await Promise.all([1, 2, 3].map((n) => call(t2, 'POST', '/api/v1/setup', { body: body(n) })));
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409]);
      assert.equal((await t2.services.db.selectFrom('users').select('id').execute()).length, 1);
    } finally {
      await t2.close();
    }
  });
});

describeEachDialect('password reset by the owner', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let ownerEmail: string;
  before(async () => {
    t = await createTestApp(dialect);
    ({ practiceId, ownerEmail } = await createPractice(t, 'Cabinet des Lilas'));
  });
  after(async () => t.close());

  let ownerSecret: string | undefined;
  it('sets a temporary password, ends the person’s sessions, and forces a change at the next login', async () => {
    const owner = await login(t, ownerEmail);
    ownerSecret = owner.totpSecret;
    const m = await addMember(t, practiceId, 'assistant');
    const assistant = await login(t, m.email);
    const temp = 'Provisoire-Lilas-2026!q';
    const weak = await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${m.userId}/password-reset`, {
      as: owner,
      body: { temporaryPassword: 'abc' },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().issues[0].path, 'temporaryPassword');
    const r = await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${m.userId}/password-reset`, {
      as: owner,
      body: { temporaryPassword: temp },
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: assistant })).statusCode, 401, 'the session ended at once');
    await assert.rejects(loginPasswordOnly(t, m.email, STRONG_PASSWORD), /401/);
    const again = await completeMfa(t, await loginPasswordOnly(t, m.email, temp), assistant.totpSecret);
    const blocked = await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: again });
    assert.deepEqual([blocked.statusCode, blocked.json().code], [403, 'PASSWORD_CHANGE_REQUIRED']);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: again })).json().user.mustChangePassword, true);
    const changed = await call(t, 'POST', '/api/v1/auth/password', {
      as: again,
      body: { currentPassword: temp, newPassword: 'Ma-Phrase-Bien-A-Moi-2026!' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${practiceId}`, { as: again })).statusCode, 200);
    const entry = (await auditEntries(t, practiceId)).find(
      (e) => e.action === 'member.password-reset' && e.outcome === 'success',
    );
    assert.equal(entry?.target_id, m.userId);
  });

  it('refuses one’s own account and an account shared with another practice', async () => {
    const owner = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: ownerSecret });
    const self = await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${owner.userId}/password-reset`, {
      as: owner,
      body: { temporaryPassword: 'Provisoire-Lilas-2026!q' },
    });
    assert.deepEqual([self.statusCode, self.json().issues[0].code], [409, 'own_account']);
    const other = await createPractice(t, 'Cabinet Voisin');
    const dpoEmail = uniqueEmail('dpo');
    const dpo = await addMember(t, practiceId, 'dpo', dpoEmail);
    await addMember(t, other.practiceId, 'dpo', dpoEmail);
    const shared = await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${dpo.userId}/password-reset`, {
      as: owner,
      body: { temporaryPassword: 'Provisoire-Lilas-2026!q' },
    });
    assert.deepEqual([shared.statusCode, shared.json().issues[0].code], [409, 'account_shared']);
    const stranger = await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${other.ownerId}/password-reset`, {
      as: owner,
      body: { temporaryPassword: 'Provisoire-Lilas-2026!q' },
    });
    assert.equal(stranger.statusCode, 404, 'someone of another practice answers 404');
  });
});

describeEachDialect('my account: new authenticator app, preferences', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let ownerEmail: string;
  before(async () => {
    t = await createTestApp(dialect);
    ({ practiceId, ownerEmail } = await createPractice(t, 'Cabinet des Tilleuls'));
  });
  after(async () => t.close());

  let ownerSecret: string | undefined;
  it('replaces the authenticator app only after the password and a current code, with new recovery codes', async () => {
    const me = await login(t, ownerEmail);
    t.clock.advance(31_000);
    const wrong = await call(t, 'POST', '/api/v1/auth/mfa/re-enrollment', {
      as: me,
      body: { password: 'pas-le-bon-mot-de-passe', code: await totpCodeAt(me.totpSecret!, t.clock.now()) },
    });
    assert.deepEqual([wrong.statusCode, wrong.json().issues[0].path], [400, 'password']);
    const confirmEarly = await call(t, 'POST', '/api/v1/auth/mfa/re-enrollment/confirm', {
      as: me,
      body: { code: '123456' },
    });
    assert.equal(confirmEarly.statusCode, 409);
    t.clock.advance(31_000);
    const start = await call(t, 'POST', '/api/v1/auth/mfa/re-enrollment', {
      as: me,
      body: { password: STRONG_PASSWORD, code: await totpCodeAt(me.totpSecret!, t.clock.now()) },
    });
    assert.equal(start.statusCode, 200, start.body);
    const secret = start.json().secret as string;
    assert.match(start.json().otpauthUri, /^otpauth:\/\/totp\//);
    t.clock.advance(31_000);
    const done = await call(t, 'POST', '/api/v1/auth/mfa/re-enrollment/confirm', {
      as: me,
      body: { code: await totpCodeAt(secret, t.clock.now()) },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().recoveryCodes.length, 10);
    // The old app no longer opens a session; the new one does.
    const pending = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    t.clock.advance(31_000);
    const old = await call(t, 'POST', '/api/v1/auth/mfa/verify', {
      as: pending,
      body: { code: await totpCodeAt(me.totpSecret!, t.clock.now()) },
    });
    if ((await totpCodeAt(me.totpSecret!, t.clock.now())) !== (await totpCodeAt(secret, t.clock.now())))
      assert.equal(old.statusCode, 400);
    await completeMfa(t, await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD), secret);
    ownerSecret = secret;
    const actions = (await auditEntries(t, '_server')).map((e) => `${e.action}:${e.outcome}`);
    assert.ok(actions.includes('auth.mfa.re-enrollment-started:failure'));
    assert.ok(actions.includes('auth.mfa.re-enrolled:success'));
  });

  it('remembers the language and the practice, and refuses a practice the person does not belong to', async () => {
    const me = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: ownerSecret });
    assert.deepEqual((await call(t, 'GET', '/api/v1/me', { as: me })).json().preferences, {
      language: null,
      practiceId: null,
    });
    assert.equal(
      (await call(t, 'PATCH', '/api/v1/me/preferences', { as: me, body: { language: 'en', practiceId } })).statusCode,
      200,
    );
    assert.deepEqual((await call(t, 'GET', '/api/v1/me', { as: me })).json().preferences, {
      language: 'en',
      practiceId,
    });
    const other = await createPractice(t, 'Ailleurs');
    const refused = await call(t, 'PATCH', '/api/v1/me/preferences', {
      as: me,
      body: { practiceId: other.practiceId },
    });
    assert.equal(refused.statusCode, 404);
    const bad = await call(t, 'PATCH', '/api/v1/me/preferences', { as: me, body: { language: 'de' } });
    assert.deepEqual([bad.statusCode, bad.json().issues[0].path], [400, 'language']);
  });
});
