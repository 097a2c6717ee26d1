import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  call,
  createPractice,
  createTestApp,
  STRONG_PASSWORD,
  type Client,
  type TestApp,
  login,
} from './support/app.js';
import { describeEachDialect } from './support/dialects.js';

/** A person who works in practices A and B (a consultant): nothing B does reaches what they have in A (issue 18). */
describeEachDialect('access matrix: a person in two practices', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());
  const invite = (owner: Client, practiceId: string, email: string, name: string) =>
    call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
      as: owner,
      body: { email, name, role: 'assistant', initialPassword: 'Provisoire-Cabinet-2026!x' },
    });

  it('nothing done in B reaches the session, tokens, idle delay or sign-ins the person has in A', async () => {
    const a = await createPractice(t, 'Cabinet A3');
    const b = await createPractice(t, 'Cabinet B3');
    const person = await addMember(t, a.practiceId, 'practitioner');
    const ownerB = await login(t, b.ownerEmail);
    const id = (await invite(ownerB, b.practiceId, person.email, 'Consultante')).json().invitationId as string;
    const c = await login(t, person.email);
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/me/invitations/${id}/accept`, {
          as: c,
          body: { temporaryPassword: 'Provisoire-Cabinet-2026!x' },
        })
      ).statusCode,
      200,
    );
    const tokenA = (
      await call(t, 'POST', `/api/v1/practices/${a.practiceId}/api-tokens`, { as: c, body: { name: 'A' } })
    ).json().token as string;
    const tokenB = (
      await call(t, 'POST', `/api/v1/practices/${b.practiceId}/api-tokens`, { as: c, body: { name: 'B' } })
    ).json().token as string;
    // B's owner sets a one-minute idle lock: the person's requests to A keep A's five minutes.
    assert.equal(
      (await call(t, 'PATCH', `/api/v1/practices/${b.practiceId}`, { as: ownerB, body: { idleLockMinutes: 1 } }))
        .statusCode,
      200,
    );
    t.clock.advance(2 * 60_000);
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: c })).statusCode,
      200,
      'B’s idle lock does not lock A’s work',
    );
    // B ends the membership: B's token ends, the session and A's token go on.
    const ownerB2 = await login(t, b.ownerEmail, STRONG_PASSWORD, { totpSecret: ownerB.totpSecret! });
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${b.practiceId}/members/${person.userId}/deactivate`, {
          as: ownerB2,
          body: {},
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: c })).statusCode,
      200,
      'the session in A goes on',
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/patients`, { as: { token: tokenA } })).statusCode,
      200,
      'A’s token goes on',
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${b.practiceId}/patients`, { as: { token: tokenB } })).statusCode,
      401,
      'B’s token ends',
    );
    assert.equal((await call(t, 'GET', `/api/v1/practices/${b.practiceId}/patients`, { as: c })).statusCode, 404);
    // A sign-in after leaving B is not B's to see.
    t.clock.advance(60_000);
    await login(t, person.email, STRONG_PASSWORD, { totpSecret: c.totpSecret! });
    const ownerB3 = await login(t, b.ownerEmail, STRONG_PASSWORD, { totpSecret: ownerB.totpSecret! });
    const view = (
      await call(
        t,
        'GET',
        `/api/v1/practices/${b.practiceId}/audit-trail?scope=sign-ins&actorId=${person.userId}&limit=200`,
        { as: ownerB3 },
      )
    ).json().items as { ts: string; action: string }[];
    const membership = await t.services.db
      .selectFrom('memberships')
      .selectAll()
      .where('practice_id', '=', b.practiceId)
      .where('user_id', '=', person.userId)
      .executeTakeFirstOrThrow();
    assert.ok(view.length > 0, 'the sign-ins while a member are shown');
    assert.ok(
      view.every((e) => e.ts >= membership.created_at && e.ts <= membership.ended_at!),
      'none from before joining or after leaving',
    );
  });
});
