import { createMailer } from '../../src/server/platform/mail/mailer.js';
import { Reminders, type ReminderProvider } from '../../src/server/modules/reminders/index.js';
import type { TestApp } from './app.js';
import { startSmtpServer } from './smtp.js';

/** The reminders of the given modules sending through a real SMTP server (the test clock decides what is due). */
export async function startReminders(t: TestApp, providers: ReminderProvider[]) {
  const smtp = await startSmtpServer();
  const mailer = createMailer({ url: smtp.url, from: 'gardien@cabinet.example.fr' });
  const reminders = new Reminders({
    db: t.services.db,
    clock: t.clock,
    auditTrail: t.services.auditTrail,
    practices: t.services.practices,
    team: t.services.team,
    worklist: t.services.worklist,
    mailer,
    publicOrigin: 'https://gardien.cabinet.example.fr',
  });
  for (const p of providers) reminders.register(p);
  return {
    smtp,
    reminders,
    stop: async () => {
      mailer.close();
      await smtp.stop();
    },
  };
}
