// The findings of the attack on a running instance (issue 18), each as the request that exposed it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  loginPasswordOnly,
  STRONG_PASSWORD,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';
import { totpCodeAt } from '../src/server/modules/auth/index.js';
import { SERVER_CHAIN } from '../src/server/modules/audit-trail/index.js';

const MIN = 60_000;

describeEachDialect('security findings: the second factor and the password change', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  const entriesOf = async (userId: string) =>
    (await auditEntries(t, SERVER_CHAIN)).filter((e) => e.actor_id === userId);

  it('counts wrong codes across sign-ins: the right password no longer clears them, and a locked account is not asked for a code', async () => {
    const { ownerEmail, ownerId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const secret = c.totpSecret!;
    const first = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    for (let i = 0; i < 4; i++)
      assert.equal(
        (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: first, body: { code: '000000' } })).statusCode,
        400,
      );
    // Before the fix, this sign-in reset the four failures and the guessing could go on forever.
    const second = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: second, body: { code: '000000' } })).statusCode,
      400,
    );
    t.clock.advance(31_000);
    const right = await call(t, 'POST', '/api/v1/auth/mfa/verify', {
      as: second,
      body: { code: await totpCodeAt(secret, t.clock.now()) },
    });
    assert.equal(right.statusCode, 400, 'the fifth failure locks the account: even the right code waits');
    assert.equal(right.json().issues[0].code, 'account_locked');
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/login', {
          body: { email: ownerEmail, password: STRONG_PASSWORD },
          ip: '10.66.0.1',
        })
      ).statusCode,
      401,
    );
    const denied = (await entriesOf(ownerId)).filter((e) => e.action === 'auth.mfa.failed' && e.outcome === 'denied');
    assert.equal(denied.length, 1);
    assert.equal(JSON.parse(denied[0]!.details).reason, 'locked');
    // Once the delay has passed, the right code lets the person in and only then is the counter cleared.
    t.clock.advance(2 * MIN);
    const third = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    const user = await t.services.auth.findUserByEmail(ownerEmail);
    assert.equal(Number(user!.failed_logins), 5);
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/mfa/verify', {
          as: third,
          body: { code: await totpCodeAt(secret, t.clock.now()) },
        })
      ).statusCode,
      200,
    );
    assert.equal(Number((await t.services.auth.findUserByEmail(ownerEmail))!.failed_logins), 0);
  });

  it('locks the account at the tenth wrong code spread over many sign-ins (CNIL: at most 10 tries)', async () => {
    const { ownerEmail, ownerId } = await createPractice(t);
    await login(t, ownerEmail);
    for (let i = 0; i < 10; i++) {
      t.clock.advance(20 * MIN); // each progressive delay passes: only the count matters
      const s = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
      assert.equal(
        (await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s, body: { code: '000000' } })).statusCode,
        400,
      );
    }
    assert.ok((await entriesOf(ownerId)).some((e) => e.action === 'auth.account.locked'));
    t.clock.advance(30 * MIN);
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/login', {
          body: { email: ownerEmail, password: STRONG_PASSWORD },
          ip: '10.66.0.2',
        })
      ).statusCode,
      401,
    );
  });

  it('refuses a password change while the account is locked, and audits every wrong current password', async () => {
    const { ownerEmail, ownerId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const change = (currentPassword: string) =>
      call(t, 'POST', '/api/v1/auth/password', {
        as: c,
        body: { currentPassword, newPassword: 'Une-autre-Phrase-de-passe-2026!', revokeOtherSessions: false },
      });
    for (let i = 0; i < 5; i++) assert.equal((await change(`Wrong-password-${i}-xx!`)).statusCode, 400);
    const locked = await change(STRONG_PASSWORD);
    assert.equal(
      locked.statusCode,
      400,
      'before the fix the same session changed the password while the account was locked',
    );
    assert.equal(locked.json().issues[0].path, 'currentPassword');
    assert.equal(locked.json().issues[0].code, 'account_locked');
    const entries = (await entriesOf(ownerId)).filter((e) => e.action === 'auth.password.changed');
    assert.deepEqual(
      entries.map((e) => e.outcome),
      ['failure', 'failure', 'failure', 'failure', 'failure', 'denied'],
    );
    t.clock.advance(2 * MIN);
    assert.equal((await change(STRONG_PASSWORD)).statusCode, 200);
  });

  it('throttles the password-change route on its own (10 a minute)', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (
          await call(t, 'POST', '/api/v1/auth/password', {
            as: c,
            body: { currentPassword: 'x', newPassword: 'y', revokeOtherSessions: false },
          })
        ).statusCode,
      );
    assert.equal(codes.at(-1), 429);
  });
});

describeEachDialect('security findings: personal data in logs, impossible patient dates', (dialect) => {
  let t: TestApp;
  const logLines: string[] = [];
  before(async () => {
    t = await createTestApp(dialect, { logLines });
  });
  after(async () => t.close());

  it('never writes a patient search (name or birth date) to the server log', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const created = await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
      as: c,
      body: { lastName: 'Robertson', firstName: 'Amélie', birthDate: '1968-05-12' },
    });
    assert.equal(created.statusCode, 201);
    logLines.length = 0;
    for (const q of ['robertson', '1968-05-12']) {
      const res = await call(t, 'GET', `/api/v1/practices/${practiceId}/patients?limit=50&q=${q}`, { as: c });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().items.length, 1);
    }
    const log = logLines.join('');
    assert.ok(log.includes('/patients'), 'the requests are logged, by their path');
    assert.ok(!/robertson/i.test(log), 'the name searched is not in the log');
    assert.ok(!log.includes('1968-05-12'), 'the birth date searched is not in the log');
  });

  it('refuses dates that cannot be true, naming the field, and writes nothing', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const base = { lastName: 'Durand', firstName: 'Paul', birthDate: '1980-02-03' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ birthDate: '2999-01-01' }, 'birthDate', 'date_in_future'],
      [{ birthDate: '0000-01-01' }, 'birthDate', 'birth_date_implausible'],
      [{ lastCareOn: '2999-01-01' }, 'lastCareOn', 'date_in_future'],
      [{ deathOn: '1970-01-01' }, 'deathOn', 'before_birth'],
      [{ lastCareOn: '1979-12-31' }, 'lastCareOn', 'before_birth'],
      [{ deathOn: '2020-01-01', lastCareOn: '2021-01-01' }, 'lastCareOn', 'care_after_death'],
    ];
    for (const [patch, path, code] of cases) {
      const res = await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
        as: c,
        body: { ...base, ...patch },
      });
      assert.deepEqual(
        [res.statusCode, res.json().issues?.[0]?.path, res.json().issues?.[0]?.code],
        [400, path, code],
        JSON.stringify(patch),
      );
      assert.ok(res.json().issues[0].message.length > 10);
    }
    const list = await call(t, 'GET', `/api/v1/practices/${practiceId}/patients`, { as: c });
    assert.equal(list.json().total, 0);
    const ok = await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, { as: c, body: base });
    assert.equal(ok.statusCode, 201);
    // A change is checked against what is already stored: a death before the stored birth.
    const patched = await call(t, 'PATCH', `/api/v1/practices/${practiceId}/patients/${ok.json().id}`, {
      as: c,
      body: { deathOn: '1975-01-01' },
    });
    assert.deepEqual(
      [patched.statusCode, patched.json().issues[0].path, patched.json().issues[0].code],
      [400, 'deathOn', 'before_birth'],
    );
    const imported = await call(t, 'POST', `/api/v1/practices/${practiceId}/patients/import`, {
      as: c,
      body: {
        csv: 'nom;prenom;date de naissance;dernier soin\nMartin;Léa;12/05/2999;\nPetit;Jean;01/01/1990;01/01/2999\n',
        dryRun: true,
      },
    });
    assert.equal(imported.statusCode, 200);
    assert.deepEqual(
      imported.json().rejected.map((r: { line: number; field: string; code: string }) => [r.line, r.field, r.code]),
      [
        [2, 'birthDate', 'date_in_future'],
        [3, 'lastCareOn', 'date_in_future'],
      ],
    );
  });
});

describeEachDialect('security findings: refusals in the audit trail, no practice-id oracle', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  const refusals = async (chain: string) =>
    (await auditEntries(t, chain))
      .filter((e) => e.action === 'request.refused')
      .map((e) => ({ actor: e.actor_id, target: e.target_id, ...JSON.parse(e.details) }));

  it('audits a forged, a replayed and an ended credential, a password-only session, a missing CSRF token and invalid input', async () => {
    const { ownerEmail, ownerId, practiceId } = await createPractice(t);
    const c = await login(t, ownerEmail);
    const before = (await refusals(SERVER_CHAIN)).length;
    // Forged bearer token and forged cookie: nobody known.
    assert.equal(
      (await call(t, 'GET', '/api/v1/me', { as: { token: 'gardien_forged' }, ip: '10.77.0.1' })).statusCode,
      401,
    );
    assert.equal(
      (await call(t, 'GET', '/api/v1/me', { as: { ...c, cookie: 'forged-cookie' }, ip: '10.77.0.2' })).statusCode,
      401,
    );
    // No credential at all is not a refusal of a credential.
    assert.equal((await call(t, 'GET', '/api/v1/me', { ip: '10.77.0.3' })).statusCode, 401);
    // A password-only session calling a practice route.
    const half = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/patients`, { as: half })).json().code,
      'MFA_REQUIRED',
    );
    // A request without its CSRF token, and invalid input on a signed-in session (both on a practice route: its chain).
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
          as: c,
          headers: { 'x-csrf-token': 'wrong' },
          body: { lastName: 'X', firstName: 'Y', birthDate: '1980-01-01' },
        })
      ).json().code,
      'CSRF_FAILED',
    );
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/patients`, {
          as: c,
          body: { lastName: '', firstName: 'Y', birthDate: 'hier' },
        })
      ).statusCode,
      400,
    );
    // A session ended by logging out, then replayed.
    const ended = await login(t, ownerEmail, STRONG_PASSWORD, { totpSecret: c.totpSecret! });
    const replay = { ...ended };
    await call(t, 'POST', '/api/v1/auth/logout', { as: ended, body: {} });
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: replay })).statusCode, 401);

    const server = (await refusals(SERVER_CHAIN)).slice(before);
    assert.deepEqual(
      server.map((r) => [r.actor, r.reason]),
      [
        ['anonymous', 'unauthenticated'],
        ['anonymous', 'unauthenticated'],
        [ownerId, 'mfa_required'],
        [ownerId, 'unauthenticated'],
      ],
    );
    const own = await refusals(practiceId);
    assert.deepEqual(
      own.map((r) => [r.actor, r.reason]),
      [
        [ownerId, 'csrf_failed'],
        [ownerId, 'invalid_input'],
      ],
    );
    assert.deepEqual(own[1].fields.sort(), ['birthDate', 'lastName']);
    assert.ok(!JSON.stringify(own).includes('hier'), 'the values refused are not kept');
  });

  it('writes identical refusals from one address once a minute, with the count of the minute before', async () => {
    const before = (await refusals(SERVER_CHAIN)).length;
    for (let i = 0; i < 50; i++)
      await call(t, 'GET', '/api/v1/me', { as: { token: 'gardien_flood' }, ip: '10.78.0.1' });
    assert.equal((await refusals(SERVER_CHAIN)).length - before, 1);
    t.clock.advance(60_000);
    await call(t, 'GET', '/api/v1/me', { as: { token: 'gardien_flood' }, ip: '10.78.0.1' });
    const after = (await refusals(SERVER_CHAIN)).slice(before);
    assert.equal(after.length, 2);
    assert.equal(after[1].repeatsPreviousMinute, 49);
  });

  it('shows a refusal on a missing practice and on another existing practice alike: in the caller’s sign-ins view and in the server chain', async () => {
    const a = await createPractice(t);
    const b = await createPractice(t);
    const c = await login(t, a.ownerEmail);
    const missing = 'prc_AAAAAAAAAAAAAAAAAAAAAA';
    for (const p of [b.practiceId, missing])
      assert.equal((await call(t, 'GET', `/api/v1/practices/${p}/patients`, { as: c })).statusCode, 404);
    // Before the fix the view showed the attempt on a missing practice (server chain) and not the other (B's chain).
    const view = await call(
      t,
      'GET',
      `/api/v1/practices/${a.practiceId}/audit-trail?scope=sign-ins&actorId=${c.userId}&limit=100`,
      { as: c },
    );
    assert.equal(view.statusCode, 200);
    assert.deepEqual(
      (view.json().items as { action: string }[]).filter((e) => e.action === 'access.denied'),
      [],
      'the sign-ins view shows sign-ins only',
    );
    const server = (await auditEntries(t, SERVER_CHAIN)).filter(
      (e) => e.action === 'access.denied' && e.actor_id === c.userId,
    );
    assert.equal(server.length, 2, 'both attempts are in the server chain');
    const shape = (e: (typeof server)[number]) => ({
      outcome: e.outcome,
      targetType: e.target_type,
      keys: Object.keys(JSON.parse(e.details)).sort(),
      reason: JSON.parse(e.details).reason,
    });
    assert.deepEqual(shape(server[0]!), shape(server[1]!));
    // Practice B still sees the attempt in its own trail.
    assert.ok(
      (await auditEntries(t, b.practiceId)).some((e) => e.action === 'access.denied' && e.actor_id === c.userId),
    );
  });
});
