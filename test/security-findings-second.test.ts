// The findings of the second attack, on the fixes of issue 18 (test/security-findings.test.ts), each as the requests that showed it.
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
  type Client,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';
import { SERVER_CHAIN } from '../src/server/modules/audit-trail/index.js';

const MIN = 60_000;

/** What the second attack (on the fixes above) found, each as the requests that showed it. */
describeEachDialect('security findings: the second look', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());
  const TEMP = 'Provisoire-Cabinet-2026!x';
  const invite = (owner: Client, practiceId: string, email: string, name = 'Personne', initialPassword = TEMP) =>
    call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
      as: owner,
      body: { email, name, role: 'assistant', initialPassword },
    });

  it('a password-only session cannot unlock, so it cannot clear the wrong codes it guessed', async () => {
    const { ownerEmail } = await createPractice(t);
    const c = await login(t, ownerEmail);
    for (let round = 0; round < 2; round++) {
      const s = await loginPasswordOnly(t, ownerEmail, STRONG_PASSWORD);
      for (let i = 0; i < 2; i++) await call(t, 'POST', '/api/v1/auth/mfa/verify', { as: s, body: { code: '000000' } });
      const unlock = await call(t, 'POST', '/api/v1/auth/unlock', { as: s, body: { password: STRONG_PASSWORD } });
      assert.deepEqual([unlock.statusCode, unlock.json().code], [401, 'MFA_REQUIRED']);
    }
    assert.equal(
      Number((await t.services.auth.findUserByEmail(ownerEmail))!.failed_logins),
      4,
      'the four wrong codes still count',
    );
    // And an unlock of a full session does not clear them either: only the second factor does.
    t.clock.advance(6 * MIN);
    assert.equal(
      (await call(t, 'POST', '/api/v1/auth/unlock', { as: c, body: { password: STRONG_PASSWORD } })).statusCode,
      200,
    );
    assert.equal(Number((await t.services.auth.findUserByEmail(ownerEmail))!.failed_logins), 4);
  });

  it('an account created in advance by another practice for that e-mail cannot take the invitation: accepting needs the temporary password handed over', async () => {
    const a = await createPractice(t, 'Cabinet A4');
    const b = await createPractice(t, 'Cabinet B4');
    const ownerA = await login(t, a.ownerEmail);
    const ownerB = await login(t, b.ownerEmail);
    // B's owner makes an account for the future DPO's address, with a password of B's choosing, and holds it.
    const email = uniqueEmail('future-dpo');
    assert.equal(
      (await invite(ownerB, b.practiceId, email, 'Future DPO', 'Tartine-Beurre-Salé-Quimper-91!')).statusCode,
      201,
    );
    const held = await completeMfa(t, await loginPasswordOnly(t, email, 'Tartine-Beurre-Salé-Quimper-91!'));
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/auth/password', {
          as: held,
          body: {
            currentPassword: 'Tartine-Beurre-Salé-Quimper-91!',
            newPassword: 'Galette-Cidre-Bolée-Morlaix-27!',
            revokeOtherSessions: false,
          },
        })
      ).statusCode,
      200,
    );
    // A invites the real person at that address, handing the temporary password over in person.
    const id = (await invite(ownerA, a.practiceId, email, 'Vraie DPO', 'Phare-Mouette-Écume-Bastingage-9')).json()
      .invitationId as string;
    const guess = await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, {
      as: held,
      body: { temporaryPassword: 'Tartine-Beurre-Salé-Quimper-91!' },
    });
    assert.deepEqual(
      [guess.statusCode, guess.json().issues[0].path, guess.json().issues[0].code],
      [400, 'temporaryPassword', 'invitation_password_wrong'],
    );
    assert.match(guess.json().issues[0].message, /encore 4 essai/);
    assert.ok(
      (await auditEntries(t, a.practiceId)).some(
        (e) => e.action === 'access.denied' && JSON.parse(e.details).reason === 'wrong_password',
      ),
      'A sees the failed attempt',
    );
    let last = guess;
    for (let i = 0; i < 4; i++)
      last = await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, {
        as: held,
        body: { temporaryPassword: `Essai-${i}-Faux-Mot-De-Passe!` },
      });
    assert.equal(last.json().issues[0].code, 'invitation_withdrawn', 'the fifth says the invitation is cancelled');
    // Five wrong passwords withdraw the invitation: even the right one is now refused.
    const right = await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, {
      as: held,
      body: { temporaryPassword: 'Phare-Mouette-Écume-Bastingage-9' },
    });
    assert.equal(right.statusCode, 404);
    assert.equal((await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: held })).statusCode, 404);
  });

  it('tells nothing of an existing account: re-inviting, a password with the practice’s name, the list after withdrawal, the list’s audit count', async () => {
    const other = await createPractice(t, 'Cabinet Ailleurs');
    const elsewhere = await addMember(t, other.practiceId, 'assistant');
    const b = await createPractice(t, 'Cabinet Kerguelen Plouhinec');
    const ownerB = await login(t, b.ownerEmail);
    const fresh = uniqueEmail('fresh');
    const first = [await invite(ownerB, b.practiceId, elsewhere.email), await invite(ownerB, b.practiceId, fresh)];
    const again = [await invite(ownerB, b.practiceId, elsewhere.email), await invite(ownerB, b.practiceId, fresh)];
    assert.deepEqual(
      again.map((r) => [r.statusCode, r.json().issues[0].code]),
      [
        [409, 'already_invited'],
        [409, 'already_invited'],
      ],
    );
    const elsewhere2 = await addMember(t, other.practiceId, 'assistant');
    const named = [
      await invite(ownerB, b.practiceId, uniqueEmail('x'), 'X', 'KerguelenPlouhinec7!'),
      await invite(ownerB, b.practiceId, elsewhere2.email, 'Y', 'KerguelenPlouhinec7!'),
    ];
    assert.deepEqual(
      named.map((r) => r.statusCode),
      [400, 400],
      'the practice’s name counts for nothing in both cases',
    );
    const listed = (await call(t, 'GET', `/api/v1/practices/${b.practiceId}/members`, { as: ownerB })).json();
    const entry = (await auditEntries(t, b.practiceId)).filter((e) => e.action === 'member.listed').at(-1)!;
    assert.equal(JSON.parse(entry.details).count, listed.items.length, 'the audit count is what was shown');
    for (const r of first)
      assert.equal(
        (
          await call(t, 'POST', `/api/v1/practices/${b.practiceId}/invitations/${r.json().invitationId}/revoke`, {
            as: ownerB,
            body: {},
          })
        ).statusCode,
        200,
      );
    const after = (await call(t, 'GET', `/api/v1/practices/${b.practiceId}/members`, { as: ownerB })).json();
    assert.deepEqual(
      after.items.filter((m: { email: string }) => m.email === fresh || m.email === elsewhere.email),
      [],
      'both gone alike, neither a former member',
    );
    // B's sign-ins view shows no account creation, nor anything of the person's work elsewhere.
    const view = (
      await call(t, 'GET', `/api/v1/practices/${b.practiceId}/audit-trail?scope=sign-ins&limit=200`, { as: ownerB })
    ).json().items as { action: string }[];
    assert.ok(view.length > 0);
    assert.ok(
      view.every((e) => e.action.startsWith('auth.') || e.action === 'request.refused'),
      JSON.stringify([...new Set(view.map((e) => e.action))]),
    );
  });

  it('a new account whose invitation expired unanswered joins nothing at its first sign-in', async () => {
    const b = await createPractice(t);
    const ownerB = await login(t, b.ownerEmail);
    const email = uniqueEmail('late');
    assert.equal((await invite(ownerB, b.practiceId, email)).statusCode, 201);
    t.clock.advance(15 * 86_400_000);
    const c = await completeMfa(t, await loginPasswordOnly(t, email, TEMP));
    const me = (await call(t, 'GET', '/api/v1/me', { as: c })).json();
    assert.deepEqual(me.memberships, []);
  });

  it('keeps every period of a membership: leaving and joining again does not erase what the practice saw before', async () => {
    const a = await createPractice(t, 'Cabinet A5');
    const b = await createPractice(t, 'Cabinet B5');
    const person = await addMember(t, a.practiceId, 'practitioner');
    const ownerB = await login(t, b.ownerEmail);
    const join = async () => {
      const id = (await invite(ownerB, b.practiceId, person.email)).json().invitationId as string;
      const c = await login(t, person.email, STRONG_PASSWORD, secret ? { totpSecret: secret } : undefined);
      secret = c.totpSecret!;
      assert.equal(
        (await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, { as: c, body: { temporaryPassword: TEMP } }))
          .statusCode,
        200,
      );
    };
    let secret = '';
    await join();
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${b.practiceId}/members/${person.userId}/deactivate`, {
          as: ownerB,
          body: {},
        })
      ).statusCode,
      200,
    );
    const count = async () =>
      (
        (
          await call(
            t,
            'GET',
            `/api/v1/practices/${b.practiceId}/audit-trail?scope=sign-ins&actorId=${person.userId}&limit=200`,
            { as: ownerB },
          )
        ).json().items as unknown[]
      ).length;
    const during = await count();
    assert.ok(during > 0);
    t.clock.advance(60_000);
    await login(t, person.email, STRONG_PASSWORD, { totpSecret: secret }); // while not a member: not B's to see
    assert.equal(await count(), during);
    await join();
    assert.ok((await count()) > during, 'the first period is still shown, and the second is added');
  });

  it('writes a flood of refusals on another practice once a minute, and an answer refused on an invitation is kept', async () => {
    const a = await createPractice(t);
    const b = await createPractice(t);
    const outsider = await login(t, b.ownerEmail);
    for (let i = 0; i < 30; i++)
      assert.equal(
        (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: outsider })).statusCode,
        404,
      );
    assert.equal(
      (await auditEntries(t, a.practiceId)).filter((e) => e.action === 'access.denied').length,
      10,
      'ten a minute, then counted',
    );
    t.clock.advance(60_000);
    const again = await login(t, b.ownerEmail, STRONG_PASSWORD, { totpSecret: outsider.totpSecret! });
    await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: again });
    const denied = (await auditEntries(t, a.practiceId)).filter((e) => e.action === 'access.denied');
    assert.equal(denied.length, 11);
    assert.equal(JSON.parse(denied[10]!.details).repeatsPreviousMinute, 20);
    const before = (await auditEntries(t, SERVER_CHAIN)).filter(
      (e) => e.action === 'access.denied' && JSON.parse(e.details).attempted === 'invitation.accept',
    ).length;
    assert.equal(
      (
        await call(t, 'POST', '/api/v1/me/invitations/inv_AAAAAAAAAAAAAAAAAAAAAA/accept', {
          as: again,
          body: { temporaryPassword: TEMP },
        })
      ).statusCode,
      404,
    );
    const after = (await auditEntries(t, SERVER_CHAIN)).filter(
      (e) => e.action === 'access.denied' && JSON.parse(e.details).attempted === 'invitation.accept',
    ).length;
    assert.equal(after, before + 1, 'before the fix the entry was rolled back with the refusal');
  });
});
