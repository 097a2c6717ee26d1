import { findWebDir } from './platform/http/web-app.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createLogger } from './platform/http/logger.js';
import { openRuntime } from './runtime.js';
import { Scheduler } from './platform/scheduler.js';
import { createMailer } from './platform/mail/mailer.js';
import { breachesReminderProvider } from './modules/breaches/index.js';
import { processorsReminderProvider } from './modules/processors/index.js';
import { Reminders } from './modules/reminders/index.js';
import { rightsRequestsReminderProvider } from './modules/rights-requests/index.js';

/** Composition root: config → database → migrations → HTTP. Returns a function that stops everything. */
export async function startServer(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime.services, {
    logger,
    cookieSecure: config.cookieSecure,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    publicOrigin: config.publicOrigin,
    webDir: findWebDir(),
  });
  const url = await app.listen({ host: config.host, port: config.port });
  const s = runtime.services;
  const scheduler = new Scheduler(logger);
  // The daily automatic backup: checked every hour (and a minute after start), run when the last good one is too old.
  const backupDir = config.backup.dir;
  if (backupDir) {
    scheduler.register({
      name: 'backup',
      everyMs: 3600_000,
      firstAfterMs: 60_000,
      run: async () => {
        const r = await s.backupEngine.runScheduled(backupDir, config.backup);
        if (r) logger.info({ file: r.file, bytes: r.bytes }, 'scheduled backup written');
      },
    });
  }
  // E-mail reminders (breach 72-hour clock; requests 7 and 2 days before and overdue) and the daily digest, checked every
  // minute, each stage sent once, when SMTP is configured.
  const mailer = config.mail ? createMailer(config.mail) : null;
  if (mailer) {
    const reminders = new Reminders({
      db: s.db,
      clock: s.clock,
      auditTrail: s.auditTrail,
      practices: s.practices,
      team: s.team,
      worklist: s.worklist,
      mailer,
      publicOrigin: config.publicOrigin,
    });
    reminders.register(breachesReminderProvider());
    reminders.register(rightsRequestsReminderProvider());
    reminders.register(processorsReminderProvider());
    scheduler.register({
      name: 'reminders',
      everyMs: 60_000,
      run: async () => {
        const r = await reminders.run();
        const d = await reminders.digest();
        if (r.sent || d.sent) logger.info({ reminders: r.sent, digests: d.sent }, 'reminders sent');
      },
    });
  } else logger.info('GARDIEN_SMTP_URL not set: deadlines are shown in the app only, not e-mailed');
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await scheduler.stop();
      mailer?.close();
      await app.close();
      await runtime.close();
    })());
  return { url, stop };
}
