import { PROCESSOR_WORDS } from '../../../contracts/processor-labels.js';
import type { ProcessorKind } from '../../../contracts/processors.js';
import { parisDate } from '../../platform/clock.js';
import { frenchDate } from '../../platform/documents/format.js';
import type { ReminderDue, ReminderProvider } from '../reminders/index.js';
import * as repo from './processors.repository.js';
import type { DueTask } from './processors.rules.js';
import { tasksOf } from './processors.worklist.js';

const WHAT = {
  fr: {
    processor_contract: 'le contrat de sous-traitance manque ou est expiré',
    processor_clauses: 'des clauses de l’article 28 du RGPD manquent au contrat de sous-traitance',
    processor_transfer:
      'des données sont stockées ou consultées hors de l’Espace économique européen sans encadrement suffisant',
    processor_contract_expiring: 'le contrat de sous-traitance arrive à échéance',
    processor_hds: 'le certificat d’hébergeur de données de santé (HDS) est à vérifier',
    processor_review: 'la revue annuelle du sous-traitant est à faire',
  },
  en: {
    processor_contract: 'the processing contract is missing or has expired',
    processor_clauses: 'the processing contract lacks Article 28 GDPR clauses',
    processor_transfer: 'data is stored or reached outside the European Economic Area without a sufficient safeguard',
    processor_contract_expiring: 'the processing contract is coming to its end',
    processor_hds: 'the health data hosting (HDS) certificate needs checking',
    processor_review: 'the yearly review of the processor is due',
  },
} as const;

/** The e-mail: which kind of partner, what to do, since when. The partner's name stays in the app. */
export function processorReminderMail(
  task: DueTask,
  kind: ProcessorKind,
  lang: 'fr' | 'en',
  p: { person: string; practice: string; link: string | null },
) {
  const who = PROCESSOR_WORDS[lang].kinds[kind];
  if (lang === 'en')
    return {
      subject: `[Gardien] Processor (${who}): action needed`,
      text: [
        `Hello ${p.person},`,
        '',
        `For a processor of ${p.practice} (${who}), ${WHAT.en[task.kind]} (due ${task.dueOn}).`,
        ...(p.link ? ['', `Open it: ${p.link}`] : []),
        '',
        '— Gardien',
      ].join('\r\n'),
    };
  return {
    subject: `[Gardien] Sous-traitant (${who}) : action à mener`,
    text: [
      `Bonjour ${p.person},`,
      '',
      `Pour un sous-traitant de ${p.practice} (${who}), ${WHAT.fr[task.kind]} (échéance : ${frenchDate(task.dueOn)}).`,
      ...(p.link ? ['', `L’ouvrir : ${p.link}`] : []),
      '',
      '— Gardien',
    ].join('\r\n'),
  };
}

/** One e-mail per task and due date, once it is due, to the people who manage the processors. */
export function processorsReminderProvider(): ReminderProvider {
  return {
    module: 'processors',
    async due(db, now) {
      const today = parisDate(now);
      const out: ReminderDue[] = [];
      for (const r of await repo.allProcessors(db))
        for (const task of tasksOf(r, today)) {
          if (task.dueOn > today) continue;
          out.push({
            practiceId: r.practice_id,
            targetType: 'processor',
            targetId: r.id,
            stage: `${task.kind}:${task.dueOn}`,
            audience: { permission: 'processor.manage' },
            action: 'processor.reminder-sent',
            path: `/processors/${r.id}`,
            mail: (lang, ctx) => processorReminderMail(task, r.kind, lang, ctx),
          });
        }
      return out;
    },
  };
}
