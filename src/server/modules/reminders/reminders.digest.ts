import type { WorklistItem } from '../../../contracts/worklist.js';
import type { Lang } from './reminders.service.js';

/** Every module that puts tasks in the list, by name: a raw key never reaches a person's mailbox. */
export const DIGEST_MODULES: Record<string, { fr: string; en: string }> = {
  'rights-requests': { fr: 'Demandes des patients', en: 'Patient requests' },
  breaches: { fr: 'Violations de données', en: 'Data breaches' },
  backup: { fr: 'Sauvegardes', en: 'Backups' },
  register: { fr: 'Registre des traitements', en: 'Register of processing' },
  processors: { fr: 'Sous-traitants', en: 'Processors' },
};

const parisDay = (instant: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(instant));

/** The daily digest: per module, how many tasks and the nearest due date; how many are late. No subject, no name. */
export function digestMail(
  items: WorklistItem[],
  lang: Lang,
  p: { person: string; practice: string; now: Date; link: string | null },
) {
  const byModule = new Map<string, WorklistItem[]>();
  for (const i of items) byModule.set(i.module, [...(byModule.get(i.module) ?? []), i]);
  const late = items.filter((i) => Date.parse(i.dueAt) < p.now.getTime()).length;
  const lines = [...byModule].map(([m, list]) => {
    const name = DIGEST_MODULES[m]?.[lang] ?? (lang === 'fr' ? 'Autres tâches' : 'Other tasks');
    return lang === 'fr'
      ? `- ${name} : ${list.length} (échéance la plus proche : ${parisDay(list[0]!.dueAt)})`
      : `- ${name}: ${list.length} (nearest due date: ${parisDay(list[0]!.dueAt)})`;
  });
  if (lang === 'en') {
    return {
      subject: `[Gardien] ${p.practice}: ${items.length} task(s) to do${late ? `, ${late} late` : ''}`,
      text: [
        `Hello ${p.person},`,
        '',
        `What is due in ${p.practice}:`,
        ...lines,
        ...(late ? ['', `${late} task(s) are past their due date.`] : []),
        ...(p.link ? ['', `Open the to-do list: ${p.link}`] : []),
        '',
        '— Gardien',
      ].join('\r\n'),
    };
  }
  return {
    subject: `[Gardien] ${p.practice} : ${items.length} tâche(s) à faire${late ? `, dont ${late} en retard` : ''}`,
    text: [
      `Bonjour ${p.person},`,
      '',
      `Ce qui a une échéance pour ${p.practice} :`,
      ...lines,
      ...(late ? ['', `${late} tâche(s) ont dépassé leur échéance.`] : []),
      ...(p.link ? ['', `Ouvrir la liste « À faire » : ${p.link}`] : []),
      '',
      '— Gardien',
    ].join('\r\n'),
  };
}
