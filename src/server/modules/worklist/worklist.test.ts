import assert from 'node:assert/strict';
import path from 'node:path';
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

describeEachDialect('worklist', (dialect) => {
  let t: TestApp;
  let practiceId: string;
  let ownerEmail: string;
  before(async () => {
    t = await createTestApp(dialect);
    ({ practiceId, ownerEmail } = await createPractice(t, 'Cabinet des Mimosas'));
  });
  after(async () => t.close());

  it('lists a new practice’s first steps until each is done: identity, register, notices, team (issue 19 §3), processors (issue 20)', async () => {
    const p = await createPractice(t, 'Cabinet neuf');
    const owner = await login(t, p.ownerEmail);
    const steps = async () =>
      (await call(t, 'GET', `/api/v1/practices/${p.practiceId}/worklist`, { as: owner })).json().firstSteps as {
        step: string;
        done: boolean;
        path: string;
      }[];
    assert.deepEqual(
      (await steps()).map((x) => [x.step, x.done]),
      [
        ['identity', false],
        ['register', false],
        ['notices', false],
        ['team', false],
        ['processors', false],
      ],
    );
    await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
      as: owner,
      body: { address: '3 quai Jean-Bart, 29200 Brest', phone: '02 98 00 00 00' },
    });
    await addMember(t, p.practiceId, 'assistant');
    assert.deepEqual(
      (await steps()).map((x) => [x.step, x.done]),
      [
        ['identity', true],
        ['register', false],
        ['notices', false],
        ['team', true],
        ['processors', false],
      ],
    );
    const activity = (
      await call(t, 'POST', `/api/v1/practices/${p.practiceId}/register/activities`, {
        as: owner,
        body: { templateKey: 'suppliers' },
      })
    ).json();
    assert.equal((await steps()).find((x) => x.step === 'register')!.done, false, 'a draft is not a register');
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${p.practiceId}/register/activities/${activity.id}/validation`, {
          as: owner,
        })
      ).statusCode,
      200,
    );
    assert.equal((await steps()).find((x) => x.step === 'register')!.done, true);
    const lab = await call(t, 'POST', `/api/v1/practices/${p.practiceId}/processors`, {
      as: owner,
      body: { name: 'Laboratoire', kind: 'laboratory', handlesHealthData: true },
    });
    assert.equal((await steps()).find((x) => x.step === 'processors')!.done, false, 'listed, but no contract yet');
    await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}/processors/${lab.json().id}`, {
      as: owner,
      body: { contract: { signedOn: '2026-01-02' } },
    });
    assert.equal((await steps()).find((x) => x.step === 'processors')!.done, true);
  });

  let ownerSecret: string | undefined;
  it('lists the overdue backup and the restore drill for the owner, by due date, and nothing for an assistant', async () => {
    const owner = await login(t, ownerEmail);
    ownerSecret = owner.totpSecret;
    const res = await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner });
    assert.equal(res.statusCode, 200);
    const items = res.json().items as { kind: string; dueAt: string }[];
    assert.deepEqual(items.map((i) => i.kind).sort(), ['backup_overdue', 'restore_drill_due']);
    assert.deepEqual(
      items.map((i) => i.dueAt),
      [...items.map((i) => i.dueAt)].sort(),
    );
    const assistant = await login(t, (await addMember(t, practiceId, 'assistant')).email);
    assert.deepEqual(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: assistant })).json().items,
      [],
    );
    assert.ok(
      (await auditEntries(t, practiceId)).some((e) => e.action === 'worklist.read' && e.actor_id === owner.userId),
    );
  });

  it('drops the backup item once a backup and a drill have run, and shows the drill again near its due date', async () => {
    const owner = await login(t, ownerEmail, undefined, { totpSecret: ownerSecret });
    const file = path.join(t.testDb.dataDir, 'worklist.gbk');
    await t.services.backupEngine.createBackup(file);
    await t.services.backupEngine.drill(file);
    assert.deepEqual(
      (await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, { as: owner })).json().items,
      [],
    );
    t.clock.advance(29 * 24 * 3600_000);
    const later = (
      await call(t, 'GET', `/api/v1/practices/${practiceId}/worklist`, {
        as: await login(t, ownerEmail, undefined, { totpSecret: ownerSecret }),
      })
    ).json().items as { kind: string }[];
    assert.ok(later.some((i) => i.kind === 'restore_drill_due'));
    assert.ok(later.some((i) => i.kind === 'backup_overdue'));
  });
});
