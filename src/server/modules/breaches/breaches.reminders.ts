import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { newId } from '../../shared/ids.js';
import { can } from '../access/index.js';
import type { AuditTrail } from '../audit-trail/index.js';
import type { PracticesService } from '../practices/index.js';
import type { Role } from '../../../contracts/roles.js';
import * as repo from './breaches.repository.js';
import { clockStage, hoursLeft, parisWallTime, type ClockStage } from './breaches.rules.js';

export interface BreachRemindersDeps {
  db: Db;
  clock: Clock;
  auditTrail: AuditTrail;
  practices: PracticesService;
  mailer: Mailer;
  /** The address people open Gardien at, for the link in the e-mail (none: no link). */
  publicOrigin?: string | undefined;
}

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The e-mail of one reminder. No title or description of the breach leaves the server: only when, and where to look. */
export function reminderMail(stage: Exclude<ClockStage, 'more_than_24h'>, lang: 'fr' | 'en', p: { person: string; practice: string; notifyBy: string; now: Date; link: string | null }) {
  const w = parisWallTime(p.notifyBy);
  const hours = Math.max(0, hoursLeft(p.notifyBy, p.now));
  const passed = stage === 'passed';
  if (lang === 'en') {
    return {
      subject: passed ? '[Gardien] Data breach: the 72 hours have passed' : `[Gardien] Data breach: about ${hours} h left to notify the CNIL`,
      text: [
        `Hello ${p.person},`,
        '',
        passed
          ? `A data breach recorded in ${p.practice} had to be notified to the CNIL by ${frDate(w.date)} ${w.time} (Paris time). Notify without waiting and give the reasons for the delay (GDPR Article 33(1)).`
          : `A data breach recorded in ${p.practice} must be notified to the CNIL by ${frDate(w.date)} ${w.time} (Paris time): about ${hours} hours left.`,
        'If the decision is not to notify, record it with its justification in Gardien: the reminders will stop.',
        ...(p.link ? ['', `Open the breach: ${p.link}`] : []),
        '',
        '— Gardien',
      ].join('\r\n'),
    };
  }
  return {
    subject: passed ? '[Gardien] Violation de données : délai de 72 heures dépassé' : `[Gardien] Violation de données : il reste environ ${hours} h pour notifier la CNIL`,
    text: [
      `Bonjour ${p.person},`,
      '',
      passed
        ? `Une violation de données enregistrée pour ${p.practice} devait être notifiée à la CNIL avant le ${frDate(w.date)} à ${w.time} (heure de Paris). Notifiez sans attendre en indiquant les motifs du retard (article 33.1 du RGPD).`
        : `Une violation de données enregistrée pour ${p.practice} doit être notifiée à la CNIL avant le ${frDate(w.date)} à ${w.time} (heure de Paris) : il reste environ ${hours} heures.`,
      'Si la décision est de ne pas notifier, enregistrez-la avec sa justification dans Gardien : les rappels s’arrêteront.',
      ...(p.link ? ['', `Ouvrir la violation : ${p.link}`] : []),
      '',
      '— Gardien',
    ].join('\r\n'),
  };
}

/**
 * The 72-hour reminders by e-mail: at 24, 12 and 1 hour before the deadline and once it has passed, to the people who
 * decide (owner, practitioners, DPO) and the person who reported it. Each stage is sent once per breach (recorded with
 * its audit entry); a server that was down sends only the stage it wakes up in. A system job over every practice.
 */
export class BreachReminders {
  constructor(private readonly deps: BreachRemindersDeps) {}

  async run(): Promise<{ sent: number }> {
    const now = this.deps.clock.now();
    let sent = 0;
    for (const b of await repo.breachesAwaitingNotification(this.deps.db)) {
      const stage = clockStage(b.notify_by, now);
      if (stage === 'more_than_24h' || (await repo.reminderSent(this.deps.db, b.id, stage))) continue;
      const practice = await this.deps.practices.identity(this.deps.db, b.practice_id);
      const people = (await this.deps.practices.activeMembers(this.deps.db, b.practice_id)).filter((m) => can(m.role as Role, 'breach.decide') || m.id === b.created_by);
      const link = this.deps.publicOrigin ? `${this.deps.publicOrigin.replace(/\/$/, '')}/breaches/${b.id}` : null;
      for (const m of people) {
        const mail = reminderMail(stage, m.language === 'en' ? 'en' : 'fr', { person: m.name, practice: practice.name, notifyBy: b.notify_by, now, link });
        await this.deps.mailer.send({ to: m.email, ...mail });
      }
      await this.deps.db.transaction().execute(async (tx) => {
        await repo.insertReminder(tx, { id: newId('rmd'), practice_id: b.practice_id, target_type: 'breach', target_id: b.id, stage, recipients: people.length, sent_at: now.toISOString() });
        await this.deps.auditTrail.append(tx, { practiceId: b.practice_id, action: 'breach.reminder-sent', targetType: 'breach', targetId: b.id, details: { stage, recipients: people.length } }, { actorId: 'system:reminders', actorRole: 'system', requestId: null, ip: null });
      });
      sent++;
    }
    return { sent };
  }
}
