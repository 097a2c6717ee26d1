import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addMember, call, createPractice, createTestApp, login, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';

describeEachDialect('audit trail views', (dialect) => {
  let t: TestApp;
  before(async () => (t = await createTestApp(dialect)));
  after(async () => t.close());

  it('shows the team’s sign-ins (server chain, this practice’s people only) and filters by person, action, target and period', async () => {
    const a = await createPractice(t, 'Cabinet A');
    const b = await createPractice(t, 'Cabinet B');
    const owner = await login(t, a.ownerEmail);
    const assistant = await addMember(t, a.practiceId, 'assistant');
    const asAssistant = await login(t, assistant.email);
    await login(t, b.ownerEmail);
    const denied = await call(t, 'GET', `/api/v1/practices/${a.practiceId}/members/x`, { as: asAssistant });
    assert.equal(denied.statusCode, 404);
    await call(t, 'POST', `/api/v1/practices/${a.practiceId}/members`, {
      as: asAssistant,
      body: { email: 'x@example.fr', name: 'X', role: 'trainee', initialPassword: 'Provisoire-Cabinet-2026!x' },
    });

    const signIns = (
      await call(t, 'GET', `/api/v1/practices/${a.practiceId}/audit-trail?scope=sign-ins&action=auth.login.succeeded`, {
        as: owner,
      })
    ).json().items as { actorId: string }[];
    assert.deepEqual(
      new Set(signIns.map((e) => e.actorId)),
      new Set([owner.userId, assistant.userId]),
      'B’s owner is not in A’s view',
    );

    const refusals = (
      await call(
        t,
        'GET',
        `/api/v1/practices/${a.practiceId}/audit-trail?action=access.denied&actorId=${assistant.userId}`,
        { as: owner },
      )
    ).json().items as { action: string; details: { attempted: string } }[];
    assert.ok(refusals.length >= 1);
    assert.ok(refusals.every((e) => e.action === 'access.denied'));

    const byTarget = (
      await call(
        t,
        'GET',
        `/api/v1/practices/${a.practiceId}/audit-trail?targetType=user&targetId=${assistant.userId}`,
        { as: owner },
      )
    ).json().items as { targetId: string }[];
    assert.ok(byTarget.length >= 1 && byTarget.every((e) => e.targetId === assistant.userId));

    const future = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    assert.deepEqual(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/audit-trail?from=${future}`, { as: owner })).json()
        .items,
      [],
    );

    const csv = (
      await call(t, 'GET', `/api/v1/practices/${a.practiceId}/audit-trail/export?scope=sign-ins`, { as: owner })
    ).body;
    assert.ok(csv.includes('auth.login.succeeded'));
    assert.ok(!csv.includes(b.ownerId));
  });
});
