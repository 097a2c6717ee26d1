import type { ReminderDue, ReminderProvider } from '../reminders/index.js';
import { frenchDate as frDate } from '../../platform/documents/format.js';
import * as repo from './breaches.repository.js';
import { clockStage, hoursLeft, parisWallTime, type ClockStage } from './breaches.rules.js';

/** The e-mail of one reminder. No title or description of the breach leaves the server: only when, and where to look. */
export function reminderMail(
  stage: Exclude<ClockStage, 'more_than_24h'>,
  lang: 'fr' | 'en',
  p: { person: string; practice: string; notifyBy: string; now: Date; link: string | null },
) {
  const w = parisWallTime(p.notifyBy);
  const hours = Math.max(0, hoursLeft(p.notifyBy, p.now));
  const passed = stage === 'passed';
  if (lang === 'en') {
    return {
      subject: passed
        ? '[Gardien] Data breach: the 72 hours have passed'
        : `[Gardien] Data breach: about ${hours} h left to notify the CNIL`,
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
    subject: passed
      ? '[Gardien] Violation de données : délai de 72 heures dépassé'
      : `[Gardien] Violation de données : il reste environ ${hours} h pour notifier la CNIL`,
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
 * The 72-hour reminders by e-mail: at 24, 12 and 1 hour before the deadline and once it has passed, for every open
 * breach not yet notified (nor decided "record only"), to the people who decide (owner, practitioners, DPO) and the
 * person who reported it.
 */
export function breachesReminderProvider(): ReminderProvider {
  return {
    module: 'breaches',
    async due(db, now) {
      const out: ReminderDue[] = [];
      for (const b of await repo.breachesAwaitingNotification(db)) {
        const stage = clockStage(b.notify_by, now);
        if (stage === 'more_than_24h') continue;
        out.push({
          practiceId: b.practice_id,
          targetType: 'breach',
          targetId: b.id,
          stage,
          audience: { permission: 'breach.decide', userIds: [b.created_by] },
          action: 'breach.reminder-sent',
          path: `/breaches/${b.id}`,
          mail: (lang, ctx) =>
            reminderMail(stage, lang, {
              person: ctx.person,
              practice: ctx.practice,
              notifyBy: b.notify_by,
              now,
              link: ctx.link,
            }),
        });
      }
      return out;
    },
  };
}
