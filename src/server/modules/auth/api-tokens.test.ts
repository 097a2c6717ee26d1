import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';

describeEachDialect('API tokens', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(dialect);
  });
  after(async () => t.close());

  it('acts with its creator’s role in one practice only, is audited at every use, and can be revoked', async () => {
    const a = await createPractice(t);
    const b = await createPractice(t);
    const owner = await login(t, a.ownerEmail);
    const created = await call(t, 'POST', `/api/v1/practices/${a.practiceId}/api-tokens`, {
      as: owner,
      body: { name: 'export comptable' },
    });
    assert.equal(created.statusCode, 201);
    const { token, apiToken } = created.json() as { token: string; apiToken: { id: string } };
    assert.match(token, /^gardien_/);
    const row = await t.services.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token); // stored hashed
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${a.practiceId}/members`, { as: { token } })).statusCode,
      200,
    );
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: { token } })).json().via, 'token');
    // Bound to its practice: the owner's other practices are out of reach.
    await t.services.team.addMember({ kind: 'admin', adminId: 'cli:test', requestId: null, ip: null }, b.practiceId, {
      email: a.ownerEmail,
      name: 'x',
      role: 'owner',
    });
    assert.equal((await call(t, 'GET', `/api/v1/practices/${b.practiceId}`, { as: { token } })).statusCode, 404);
    // Session management is for people.
    assert.equal((await call(t, 'GET', '/api/v1/auth/sessions', { as: { token } })).statusCode, 401);
    const entries = await auditEntries(t, a.practiceId);
    const viaToken = entries.filter((e) => e.details.includes(apiToken.id) || e.target_id === apiToken.id);
    assert.ok(viaToken.some((e) => e.action === 'member.listed' && JSON.parse(e.details).via === apiToken.id));
    assert.ok(viaToken.some((e) => e.action === 'token.used'));
    assert.equal(
      (await call(t, 'DELETE', `/api/v1/practices/${a.practiceId}/api-tokens/${apiToken.id}`, { as: owner }))
        .statusCode,
      200,
    );
    assert.equal((await call(t, 'GET', `/api/v1/practices/${a.practiceId}`, { as: { token } })).statusCode, 401);
  });

  it('is read with its person in one query, as a session is: the same person, and a disabled person’s token and session are refused', async () => {
    const { practiceId, ownerEmail } = await createPractice(t);
    const owner = await login(t, ownerEmail);
    const { token } = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/api-tokens`, { as: owner, body: { name: 'agenda' } })
    ).json() as { token: string };
    const viaSession = (await call(t, 'GET', '/api/v1/me', { as: owner })).json() as Record<string, unknown>;
    const viaToken = (await call(t, 'GET', '/api/v1/me', { as: { token } })).json() as Record<string, unknown>;
    for (const key of ['user', 'preferences', 'memberships'])
      assert.deepEqual(viaToken[key], viaSession[key], `the same person: ${key}`);
    // Disabled without its tokens and sessions being revoked (as a direct database change would): still refused.
    await t.services.db.updateTable('users').set({ is_disabled: 1 }).where('email', '=', ownerEmail).execute();
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: { token } })).statusCode, 401);
    assert.equal((await call(t, 'GET', '/api/v1/me', { as: owner })).statusCode, 401);
  });

  it('shows people their own tokens, and the owner all of them; another’s token answers 404', async () => {
    const { ownerEmail, practiceId } = await createPractice(t);
    const owner = await login(t, ownerEmail);
    const m = await addMember(t, practiceId, 'assistant');
    const asst = await login(t, m.email);
    const mine = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/api-tokens`, { as: asst, body: { name: 'mine' } })
    ).json().apiToken.id as string;
    const ownerToken = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/api-tokens`, { as: owner, body: { name: 'owner' } })
    ).json().apiToken.id as string;
    assert.deepEqual(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/api-tokens`, { as: asst }))
        .json()
        .items.map((x: { id: string }) => x.id),
      [mine],
    );
    assert.equal(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/api-tokens`, { as: owner })).json().items.length,
      2,
    );
    assert.equal(
      (await call(t, 'DELETE', `/api/v1/practices/${practiceId}/api-tokens/${ownerToken}`, { as: asst })).statusCode,
      404,
    );
    assert.equal(
      (await call(t, 'DELETE', `/api/v1/practices/${practiceId}/api-tokens/${mine}`, { as: owner })).statusCode,
      200,
    );
  });
});
