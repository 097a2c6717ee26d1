import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  addMember,
  auditEntries,
  call,
  createPractice,
  createTestApp,
  login,
  type Client,
  type TestApp,
} from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/dialects.js';
import { startReminders } from '../../../../test/support/reminders.js';
import { mailText } from '../../../../test/support/smtp.js';
import { breachesReminderProvider } from '../breaches/index.js';
import { requestStage, rightsRequestsReminderProvider } from '../rights-requests/index.js';
import { Reminders } from './reminders.service.js';
import { parisDate } from '../../platform/clock.js';

it('puts a request’s reminder stages 7 and 2 days before its due date, and after it', () => {
  assert.deepEqual(
    ['2026-12-02', '2026-12-03', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'].map((today) =>
      requestStage('2026-12-10', today),
    ),
    [null, '7_days', '2_days', '2_days', '2_days', 'overdue'],
  );
});

/** The reminders go out by e-mail through a real SMTP server; the test clock moves through the stages. */
describeEachDialect('e-mail reminders', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startReminders>>['smtp'];
  let reminders: Reminders;
  let stop: () => Promise<void>;
  let practiceId: string;
  let ownerEmail: string;
  let owner: Client;
  let assistantEmail: string;
  let assistant: Client;
  let traineeEmail: string;

  before(async () => {
    t = await createTestApp(dialect);
    ({ smtp, reminders, stop } = await startReminders(t, [
      breachesReminderProvider(),
      rightsRequestsReminderProvider(),
    ]));
    const p = await createPractice(t, 'Cabinet des Lilas');
    practiceId = p.practiceId;
    ownerEmail = p.ownerEmail;
    owner = await login(t, ownerEmail);
    assistantEmail = (await addMember(t, practiceId, 'assistant')).email;
    assistant = await login(t, assistantEmail);
    traineeEmail = (await addMember(t, practiceId, 'trainee')).email;
  });
  after(async () => {
    await stop?.();
    await t?.close();
  });

  it('sends each stage once, to the people who decide and the reporter, without the facts; stops once notified', async () => {
    // Aware 50 hours before the test clock: 22 hours left, the 24-hour stage.
    const awareAt = new Date(t.clock.now().getTime() - 50 * 3_600_000).toISOString();
    const b = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/breaches`, {
        as: assistant,
        body: {
          title: 'Ordinateur volé chez M. Secret',
          awareAt,
          nature: ['confidentiality'],
          circumstances: ['lost_or_stolen_device'],
          dataCategories: ['health'],
        },
      })
    ).json();
    assert.deepEqual(await reminders.run(), { sent: 1 });
    const to = smtp.received.flatMap((m) => m.to).sort();
    assert.deepEqual(to, [assistantEmail, ownerEmail].sort(), 'owner and reporter; not the trainee');
    assert.ok(!to.includes(traineeEmail));
    const text = mailText(smtp.received[0]!.raw);
    assert.match(text, /il reste environ 22 heures/);
    assert.match(text, new RegExp(`https://gardien.cabinet.example.fr/breaches/${b.id}`));
    assert.ok(!smtp.received.some((m) => m.raw.includes('Secret')), 'the title stays on the server');
    assert.deepEqual(await reminders.run(), { sent: 0 }, 'once per stage');

    t.clock.advance(11 * 3_600_000); // 11 hours left: the 12-hour stage
    assert.deepEqual(await reminders.run(), { sent: 1 });
    t.clock.advance(10.5 * 3_600_000); // 30 minutes left: the 1-hour stage
    assert.deepEqual(await reminders.run(), { sent: 1 });
    t.clock.advance(3_600_000); // passed
    assert.deepEqual(await reminders.run(), { sent: 1 });
    assert.match(mailText(smtp.received.at(-1)!.raw), /délai de 72 heures|devait être notifiée/);
    assert.equal(smtp.received.length, 8);
    const stages = (await auditEntries(t, practiceId))
      .filter((e) => e.action === 'breach.reminder-sent')
      .map((e) => JSON.parse(e.details).stage);
    assert.deepEqual(stages, ['within_24h', 'within_12h', 'within_1h', 'passed']);
    t.clock.set(new Date(t.clock.now().getTime() - 22.5 * 3_600_000)); // back to the start, for the sessions below
  });

  it('sends nothing for a breach notified, decided "record only", or far from its deadline', async () => {
    const before = smtp.received.length;
    owner = await login(t, ownerEmail, undefined, { totpSecret: owner.totpSecret! });
    const report = async (hoursAgo: number) =>
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/breaches`, {
          as: owner,
          body: {
            title: 'Clé USB',
            awareAt: new Date(t.clock.now().getTime() - hoursAgo * 3_600_000).toISOString(),
            nature: ['availability'],
            circumstances: ['lost_or_stolen_device'],
            dataCategories: [],
          },
        })
      ).json();
    await report(10);
    const recorded = await report(60);
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/breaches/${recorded.id}/decision`, {
          as: owner,
          body: { decision: 'record_only', reason: 'Clé chiffrée, copie intacte' },
        })
      ).statusCode,
      200,
    );
    const notified = await report(60);
    await call(t, 'POST', `/api/v1/practices/${practiceId}/breaches/${notified.id}/decision`, {
      as: owner,
      body: { decision: 'notify_authority' },
    });
    assert.equal(
      (
        await call(t, 'POST', `/api/v1/practices/${practiceId}/breaches/${notified.id}/notifications`, {
          as: owner,
          body: { kind: 'initial', notifiedAt: t.clock.now().toISOString() },
        })
      ).statusCode,
      200,
    );
    const sent = await reminders.run();
    assert.equal(sent.sent, 0);
    assert.equal(smtp.received.length, before);
  });

  it('reminds of a patient request 7 and 2 days before its due date and once overdue, without saying who asked', async () => {
    const before = smtp.received.length;
    const received = parisDate(new Date(t.clock.now().getTime() - 26 * 86_400_000));
    const r = (
      await call(t, 'POST', `/api/v1/practices/${practiceId}/rights-requests`, {
        as: assistant,
        body: {
          kind: 'erasure',
          receivedOn: received,
          channel: 'letter',
          requester: { name: 'Hortense Discrète', relation: 'self' },
        },
      })
    ).json();
    const stage = requestStage(r.dueOn, parisDate(t.clock.now()));
    assert.ok(stage === '7_days' || stage === '2_days', `${r.dueOn}: ${stage}`);
    assert.deepEqual(await reminders.run(), { sent: 1 });
    const mails = smtp.received.slice(before);
    assert.deepEqual(
      mails.flatMap((m) => m.to).sort(),
      [assistantEmail, ownerEmail].sort(),
      'the owner and whoever recorded it; not the trainee',
    );
    assert.match(mailText(mails[0]!.raw), /effacement/);
    assert.ok(
      !mails.some((m) => m.raw.includes('Discrète') || m.raw.includes('Hortense')),
      'the requester stays on the server',
    );
    assert.deepEqual(await reminders.run(), { sent: 0 });
    const entry = (await auditEntries(t, practiceId)).filter(
      (e) => e.action === 'request.reminder-sent' && e.target_id === r.id,
    );
    assert.deepEqual(
      entry.map((e) => JSON.parse(e.details).stage),
      [stage],
    );
  });

  it('sends the daily digest once a day to each person with something due, with counts and dates only', async () => {
    const before = smtp.received.length;
    const d = await reminders.digest(); // the test clock stands at 10:00 in Paris
    assert.ok(d.sent >= 2, `${d.sent} digests`);
    const mails = smtp.received.slice(before);
    const to = mails.flatMap((m) => m.to);
    assert.ok(to.includes(ownerEmail) && to.includes(assistantEmail));
    assert.ok(!to.includes(traineeEmail), 'nothing a trainee may read is due: no digest');
    const ownerMail = mailText(mails.find((m) => m.to.includes(ownerEmail))!.raw);
    assert.match(ownerMail, /Demandes des patients : \d+/);
    assert.match(ownerMail, /Violations de données : \d+/);
    assert.ok(!mails.some((m) => m.raw.includes('Discrète') || m.raw.includes('Secret')), 'no names, no titles');
    assert.deepEqual(await reminders.digest(), { sent: 0 }, 'once a day');
    assert.ok((await auditEntries(t, practiceId)).some((e) => e.action === 'worklist.digest-sent'));
  });
});
