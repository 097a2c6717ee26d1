import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../../contracts/roles.js';
import {
  auditEntries,
  call,
  completeMfa,
  createTestApp,
  loginPasswordOnly,
  uniqueEmail,
  type Client,
  type TestApp,
  practiceWithEveryRole,
  unlocked,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';

describeEachDialect('team', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let clients: Record<Role, Client>;
  let ids: Record<Role, string>;

  before(async () => {
    t = await createTestApp(dialect);
    ({ practiceId, clients, ids } = await practiceWithEveryRole(t, 'Cabinet dentaire des Tilleuls'));
  });
  after(async () => t.close());

  const fresh = (role: Role) => unlocked(t, clients[role]);

  describe('team', () => {
    it('adds, re-roles and removes a person, each change audited with who did it', async () => {
      const c = await fresh('owner');
      const email = uniqueEmail('new');
      const add = await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
        as: c,
        body: { email, name: 'Hélène D’Arc', role: 'assistant', initialPassword: 'Provisoire-Cabinet-2026!x' },
      });
      assert.equal(add.statusCode, 201, add.body);
      const invitationId = add.json().invitationId as string;
      // Until the person has signed in, they are a pending invitation, listed with what the owner typed.
      const listed = (await call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: c })).json();
      assert.deepEqual(
        listed.invitations
          .filter((i: { email: string }) => i.email === email)
          .map((i: { id: string; email: string; name: string }) => [i.id, i.email, i.name]),
        [[invitationId, email, 'Hélène D’Arc']],
      );
      assert.equal(
        listed.items.some((m: { email: string }) => m.email === email),
        false,
      );
      await completeMfa(t, await loginPasswordOnly(t, email, 'Provisoire-Cabinet-2026!x'));
      const after = (await call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: c })).json();
      assert.equal(
        after.invitations.some((i: { email: string }) => i.email === email),
        false,
      );
      const userId = (after.items as { userId: string; email: string }[]).find((m) => m.email === email)!.userId;
      assert.equal(
        (
          await call(t, 'PATCH', `/api/v1/practices/${practiceId}/members/${userId}`, {
            as: c,
            body: { role: 'practitioner' },
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (await call(t, 'POST', `/api/v1/practices/${practiceId}/members/${userId}/deactivate`, { as: c })).statusCode,
        200,
      );
      const mine = (await auditEntries(t, practiceId))
        .filter((e) => (e.target_id === userId || e.target_id === invitationId) && e.actor_id === ids.owner)
        .map((e) => e.action);
      assert.deepEqual(mine, ['member.invited', 'member.role-changed', 'member.removed']);
      assert.ok(
        (await auditEntries(t, practiceId)).some(
          (e) => e.action === 'invitation.accepted' && e.target_id === invitationId && e.actor_id === userId,
        ),
      );
      const members = (await call(t, 'GET', `/api/v1/practices/${practiceId}/members`, { as: c })).json().items as {
        userId: string;
        isActive: boolean;
        endedAt: string | null;
      }[];
      const gone = members.find((m) => m.userId === userId)!;
      assert.equal(gone.isActive, false); // kept, never deleted
      assert.ok(gone.endedAt);
    });

    it('keeps at least one owner', async () => {
      const c = await fresh('owner');
      const demote = await call(t, 'PATCH', `/api/v1/practices/${practiceId}/members/${ids.owner}`, {
        as: c,
        body: { role: 'practitioner' },
      });
      assert.equal(demote.statusCode, 409);
      assert.equal(demote.json().issues[0].code, 'last_owner');
    });

    it('refuses adding someone already in the team, and a new account without a password', async () => {
      const c = await fresh('owner');
      const dup = await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
        as: c,
        body: {
          email: clients.assistant.email,
          name: 'X',
          role: 'assistant',
          initialPassword: 'Provisoire-Cabinet-2026!x',
        },
      });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().issues[0].code, 'already_member');
      const nopw = await call(t, 'POST', `/api/v1/practices/${practiceId}/members`, {
        as: c,
        body: { email: uniqueEmail('np'), name: 'X', role: 'assistant' },
      });
      assert.equal(nopw.statusCode, 400);
      assert.equal(nopw.json().issues[0].path, 'initialPassword');
    });
  });
});
