// The findings of the attack on a running instance (issue 18), each as the request that exposed it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  STRONG_PASSWORD,
  uniqueEmail,
  type Client,
  type TestApp,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';
import { SERVER_CHAIN } from '../src/server/modules/audit-trail/index.js';

describeEachDialect('security findings: accounts of other practices are invited, never pulled in', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  const TEMP = 'Provisoire-Cabinet-2026!x';
  const invite = (
    owner: Client,
    practiceId: string,
    email: string,
    name: string,
    initialPassword: string | null = TEMP,
  ) =>
    call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
      as: owner,
      body: { email, name, role: 'assistant', ...(initialPassword ? { initialPassword } : {}) },
    });

  it('answers the same for an e-mail that has an account elsewhere and for a new one, and lists both alike', async () => {
    const a = await createPractice(t, 'Cabinet A');
    const b = await createPractice(t, 'Cabinet B');
    const inA = await addMember(t, a.practiceId, 'assistant');
    const ownerB = await login(t, b.ownerEmail);
    const known = await invite(ownerB, b.practiceId, inA.email, 'Personne Connue');
    const fresh = await invite(ownerB, b.practiceId, uniqueEmail('fresh'), 'Personne Nouvelle');
    assert.deepEqual([known.statusCode, Object.keys(known.json())], [201, ['invitationId']]);
    assert.deepEqual([fresh.statusCode, Object.keys(fresh.json())], [201, ['invitationId']]);
    // Without a password, both are refused the same way (before: only the unknown e-mail was).
    const k2 = await invite(ownerB, b.practiceId, uniqueEmail('other'), 'X', null);
    const k3 = await invite(ownerB, b.practiceId, a.ownerEmail, 'Y', null);
    assert.deepEqual(
      [k2.statusCode, k2.json().issues[0].path, k2.json().issues[0].code],
      [400, 'initialPassword', 'required'],
    );
    assert.deepEqual(
      [k3.statusCode, k3.json().issues[0].path, k3.json().issues[0].code],
      [400, 'initialPassword', 'required'],
    );
    const list = (await call(t, 'GET', `/api/v1/practices/${b.practiceId}/members`, { as: ownerB })).json();
    assert.equal(
      list.items.some((m: { email: string }) => m.email === inA.email),
      false,
      'the account of A is not a member of B',
    );
    const shapes = (list.invitations as Record<string, unknown>[]).map((i) => Object.keys(i).sort().join(','));
    assert.equal(shapes.length, 2);
    assert.equal(shapes[0], shapes[1]);
    assert.deepEqual(
      (list.invitations as { name: string }[]).map((i) => i.name).sort(),
      ['Personne Connue', 'Personne Nouvelle'],
      'the names typed by the owner, not the account’s',
    );
    // B's trail says the same of both; the new account's creation is in the server chain.
    const invited = (await auditEntries(t, b.practiceId)).filter((e) => e.action === 'member.invited');
    assert.deepEqual(
      invited.map((e) => JSON.parse(e.details)),
      [{ role: 'assistant' }, { role: 'assistant' }],
    );
    assert.equal(
      (await auditEntries(t, b.practiceId)).some((e) => e.action === 'user.created' && e.actor_id === ownerB.userId),
      false,
    );
    assert.ok(
      (await auditEntries(t, SERVER_CHAIN)).some((e) => e.action === 'user.created' && e.actor_id === ownerB.userId),
    );
    assert.equal(
      (
        await t.services.db
          .selectFrom('memberships')
          .selectAll()
          .where('practice_id', '=', b.practiceId)
          .where('user_id', '=', inA.userId)
          .execute()
      ).length,
      0,
    );
    // B sees nothing of the person's sign-ins while they are not its member.
    const signIns = await call(
      t,
      'GET',
      `/api/v1/practices/${b.practiceId}/audit-trail?scope=sign-ins&actorId=${inA.userId}&limit=100`,
      { as: ownerB },
    );
    assert.deepEqual(signIns.json().items, []);
  });

  it('lets the person accept when signed in, and only them', async () => {
    const a = await createPractice(t, 'Cabinet A2');
    const b = await createPractice(t, 'Cabinet B2');
    const inA = await addMember(t, a.practiceId, 'practitioner');
    const ownerB = await login(t, b.ownerEmail);
    const id = (await invite(ownerB, b.practiceId, inA.email, 'Dr Invitée')).json().invitationId as string;
    const person = await login(t, inA.email);
    const me = (await call(t, 'GET', '/api/v1/me', { as: person })).json();
    assert.deepEqual(
      me.invitations.map((i: { id: string; practiceName: string; role: string }) => [i.id, i.practiceName, i.role]),
      [[id, 'Cabinet B2', 'assistant']],
    );
    assert.equal(me.memberships.length, 1);
    // Someone else (B's owner) cannot accept it for them; the answer is the one for a missing invitation.
    assert.equal(
      (await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, { as: ownerB, body: { temporaryPassword: TEMP } }))
        .statusCode,
      404,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, { as: person, body: { temporaryPassword: TEMP } }))
        .statusCode,
      200,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, { as: person, body: { temporaryPassword: TEMP } }))
        .statusCode,
      404,
      'once only',
    );
    const after = (await call(t, 'GET', '/api/v1/me', { as: person })).json();
    assert.deepEqual(after.memberships.map((m: { practiceName: string }) => m.practiceName).sort(), [
      'Cabinet A2',
      'Cabinet B2',
    ]);
    assert.equal(after.invitations.length, 0);
    assert.ok(
      (await auditEntries(t, b.practiceId)).some(
        (e) => e.action === 'invitation.accepted' && e.actor_id === inA.userId,
      ),
    );
    // A declined or revoked invitation gives no membership.
    const c = await createPractice(t, 'Cabinet C2');
    const ownerC = await login(t, c.ownerEmail);
    const declined = (await invite(ownerC, c.practiceId, inA.email, 'X')).json().invitationId as string;
    assert.equal(
      (await call(t, 'POST', `/api/v1/me/invitations/${declined}/decline`, { as: person, body: {} })).statusCode,
      200,
    );
    const revoked = (await invite(ownerC, c.practiceId, inA.email, 'X')).json().invitationId as string;
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${c.practiceId}/invitations/${revoked}/revoke`, {
          as: ownerC,
          body: {},
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/me/invitations/${revoked}/accept`, {
          as: person,
          body: { temporaryPassword: TEMP },
        })
      ).statusCode,
      404,
    );
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: person })).json().memberships.length, 2);
    // An invitation expires after 14 days.
    const late = (await invite(ownerC, c.practiceId, inA.email, 'X')).json().invitationId as string;
    t.clock.advance(15 * 86_400_000);
    const again = await login(t, inA.email, STRONG_PASSWORD, { totpSecret: person.totpSecret! });
    assert.equal(
      (await call(t, 'POST', `/api/v1/me/invitations/${late}/accept`, { as: again, body: { temporaryPassword: TEMP } }))
        .statusCode,
      404,
    );
  });
});

describeEachDialect('security findings: a read does not write', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  it('gives an auditor the patient notice as an unrecorded draft, storing no version; the owner records it', async () => {
    const { practiceId, ownerEmail } = await createPractice(t);
    const auditor = await login(t, (await addMember(t, practiceId, 'auditor')).email);
    const versions = async () =>
      (await t.services.db.selectFrom('notice_versions').select('id').where('practice_id', '=', practiceId).execute())
        .length;
    const read = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=txt&language=fr`, {
      as: auditor,
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['x-gardien-notice-version'], '0');
    assert.equal(await versions(), 0, 'before the fix the auditor’s read stored version 1');
    const owner = await login(t, ownerEmail);
    const made = await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=txt&language=fr`, {
      as: owner,
    });
    assert.equal(made.headers['x-gardien-notice-version'], '1');
    assert.equal(await versions(), 1);
    // Once recorded, the auditor reads that version.
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/notices/patient?format=txt&language=fr`, { as: auditor }))
        .headers['x-gardien-notice-version'],
      '1',
    );
  });
});
