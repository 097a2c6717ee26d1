import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { addMember, auditEntries, createPractice, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { startReminders } from '../../../../test/support/reminders.js';
import { mailText } from '../../../../test/support/smtp.js';
import { cliActor } from '../../shared/actor.js';
import { DIGEST_MODULES, type Reminders } from '../reminders/index.js';
import { processorsReminderProvider } from './processors.reminders.js';

/** The processors' reminders go out by e-mail through a real SMTP server, once per task and due date. */
describeEachDialect('processor reminders', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startReminders>>['smtp'];
  let reminders: Reminders;
  let stop: () => Promise<void>;

  before(async () => {
    t = await createTestApp(dialect);
    ({ smtp, reminders, stop } = await startReminders(t, [processorsReminderProvider()]));
  });
  after(async () => {
    await stop?.();
    await t?.close();
  });

  it('tells the people who manage processors of a missing contract, once, without the partner’s name', async () => {
    const p = await createPractice(t, 'Cabinet des Lilas');
    const assistant = (await addMember(t, p.practiceId, 'assistant')).email;
    const auditor = (await addMember(t, p.practiceId, 'auditor')).email;
    const lab = await t.services.processors.create(cliActor(), p.practiceId, {
      name: 'Laboratoire Secretdent',
      kind: 'laboratory',
      handlesHealthData: true,
    });
    assert.deepEqual(await reminders.run(), { sent: 1 });
    const to = smtp.received.flatMap((m) => m.to).sort();
    assert.deepEqual(to, [assistant, p.ownerEmail].sort(), 'not the auditor, who only reads');
    assert.ok(!to.includes(auditor));
    const text = mailText(smtp.received[0]!.raw);
    assert.match(text, /Laboratoire de prothèse/);
    assert.match(text, /le contrat de sous-traitance manque/);
    assert.match(text, new RegExp(`https://gardien.cabinet.example.fr/processors/${lab.id}`));
    assert.ok(!smtp.received.some((m) => m.raw.includes('Secretdent')), 'the partner’s name stays in the app');
    assert.deepEqual(await reminders.run(), { sent: 0 }, 'once per task');
    const sent = (await auditEntries(t, p.practiceId)).filter((e) => e.action === 'processor.reminder-sent');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.target_id, lab.id);
  });
});

it('names every module of the to-do list in the daily digest (no raw key in a mailbox)', async () => {
  const t = await createTestApp('sqlite');
  try {
    const modules = t.services.worklist.modules();
    assert.ok(modules.includes('processors'));
    for (const m of modules) assert.ok(DIGEST_MODULES[m], `DIGEST_MODULES has no name for ${m}`);
  } finally {
    await t.close();
  }
});
