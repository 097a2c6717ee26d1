import { Temporal } from 'temporal-polyfill';
import type { ReminderDue, ReminderProvider } from '../reminders/index.js';
import { frenchDate as frDate } from '../../platform/documents/format.js';
import * as repo from './rights-requests.repository.js';
import { parisDate } from '../../platform/clock.js';

export type RequestStage = '7_days' | '2_days' | 'overdue';

/** The reminder stages of a request: 7 and 2 days before its due date, and once it is overdue (issue 4); null before. */
export function requestStage(dueOn: string, today: string): RequestStage | null {
  const days = Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(dueOn), { largestUnit: 'days' }).days;
  if (days < 0) return 'overdue';
  if (days <= 2) return '2_days';
  if (days <= 7) return '7_days';
  return null;
}

const KIND = {
  fr: {
    access: 'droit d’accès',
    rectification: 'rectification',
    erasure: 'effacement',
    objection: 'opposition',
    restriction: 'limitation',
    portability: 'portabilité',
    health_record_access: 'accès au dossier médical',
  },
  en: {
    access: 'access',
    rectification: 'rectification',
    erasure: 'erasure',
    objection: 'objection',
    restriction: 'restriction',
    portability: 'portability',
    health_record_access: 'access to the health record',
  },
} as const;

/** The e-mail: which kind of request, received when, due when. Never who asked. */
export function requestReminderMail(
  stage: RequestStage,
  lang: 'fr' | 'en',
  p: { person: string; practice: string; kind: string; receivedOn: string; dueOn: string; link: string | null },
) {
  const kind = KIND[lang][p.kind as keyof (typeof KIND)['fr']] ?? p.kind;
  if (lang === 'en') {
    return {
      subject:
        stage === 'overdue'
          ? '[Gardien] A patient request is overdue'
          : `[Gardien] A patient request is due on ${frDate(p.dueOn)}`,
      text: [
        `Hello ${p.person},`,
        '',
        stage === 'overdue'
          ? `A patient request (${kind}) received by ${p.practice} on ${frDate(p.receivedOn)} had to be answered by ${frDate(p.dueOn)}. Answer it without waiting.`
          : `A patient request (${kind}) received by ${p.practice} on ${frDate(p.receivedOn)} must be answered by ${frDate(p.dueOn)}.`,
        ...(p.link ? ['', `Open the request: ${p.link}`] : []),
        '',
        '— Gardien',
      ].join('\r\n'),
    };
  }
  return {
    subject:
      stage === 'overdue'
        ? '[Gardien] Une demande de patient est en retard'
        : `[Gardien] Une demande de patient est à traiter avant le ${frDate(p.dueOn)}`,
    text: [
      `Bonjour ${p.person},`,
      '',
      stage === 'overdue'
        ? `Une demande de patient (${kind}) reçue par ${p.practice} le ${frDate(p.receivedOn)} devait recevoir une réponse au plus tard le ${frDate(p.dueOn)}. Répondez sans attendre.`
        : `Une demande de patient (${kind}) reçue par ${p.practice} le ${frDate(p.receivedOn)} doit recevoir une réponse au plus tard le ${frDate(p.dueOn)}.`,
      ...(p.link ? ['', `Ouvrir la demande : ${p.link}`] : []),
      '',
      '— Gardien',
    ].join('\r\n'),
  };
}

/** Open requests with a due date (not suspended), 7 and 2 days before it and once overdue: to the owner, the DPO and whoever recorded it. */
export function rightsRequestsReminderProvider(): ReminderProvider {
  return {
    module: 'rights-requests',
    async due(db, now) {
      const today = parisDate(now);
      const out: ReminderDue[] = [];
      for (const r of await repo.openRequestsWithDueDate(db)) {
        const stage = requestStage(r.due_on!, today);
        if (!stage) continue;
        out.push({
          practiceId: r.practice_id,
          targetType: 'rights_request',
          targetId: r.id,
          stage,
          audience: { roles: ['owner', 'dpo'], userIds: [r.created_by] },
          action: 'request.reminder-sent',
          path: `/requests/${r.id}`,
          mail: (lang, ctx) =>
            requestReminderMail(stage, lang, {
              person: ctx.person,
              practice: ctx.practice,
              kind: r.kind,
              receivedOn: r.received_on,
              dueOn: r.due_on!,
              link: ctx.link,
            }),
        });
      }
      return out;
    },
  };
}
