import type { BreachDetail } from '../../../contracts/breaches.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { cellText } from '../../platform/documents/csv.js';
import { fieldTable, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { frenchDate as frDate } from '../../platform/documents/format.js';
import {
  BAND_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  CIRCUMSTANCE_LABELS,
  CONSEQUENCE_LABELS,
  DATA_LABELS,
  DECISION_LABELS,
  EXCEPTION_LABELS,
  label,
  labelList,
  NATURE_LABELS,
  NOTIFICATION_LABELS,
  PEOPLE_LABELS,
} from './breaches.labels.js';
import { parisWallTime } from './breaches.rules.js';

type Lang = 'fr' | 'en';
/** An instant in Paris time, as people read it ("31/03/2026 11:00"). */
export const humanInstant = (i: string | null): string => {
  if (!i) return '';
  const w = parisWallTime(i);
  return `${frDate(w.date)} ${w.time}`;
};
/** An instant in Paris time for spreadsheets ("2026-03-31 11:00"). */
export const sheetInstant = (i: string | null): string =>
  i ? `${parisWallTime(i).date} ${parisWallTime(i).time}` : '';
export const yesNo = (v: boolean | null, lang: Lang) =>
  v === null ? '' : v ? (lang === 'fr' ? 'Oui' : 'Yes') : lang === 'fr' ? 'Non' : 'No';
export const nameOf = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? id) : '');

const REGISTER_HEADER: Record<Lang, string[]> = {
  fr: [
    'N°',
    'Titre',
    'Début (heure de Paris)',
    'Découverte',
    'Prise de connaissance',
    'Fin',
    'Échéance 72 h',
    'Nature',
    'Origine',
    'Cause',
    'Personnes concernées',
    'Nombre de personnes',
    'Données concernées',
    'Nombre d’enregistrements',
    'Chiffrées',
    'Description',
    'Conséquences probables',
    'Mesures',
    'Score ENISA',
    'Gravité',
    'Décision',
    'Décision proposée',
    'Justification',
    'Exception art. 34.3',
    'Décidée par',
    'Décidée le',
    'Notifications à la CNIL',
    'Personnes informées',
    'Actions correctives',
    'Statut',
    'Clôturée le',
  ],
  en: [
    'No.',
    'Title',
    'Started (Paris time)',
    'Detected',
    'Aware',
    'Ended',
    '72-hour deadline',
    'Nature',
    'Origin',
    'Cause',
    'People concerned',
    'Number of people',
    'Data concerned',
    'Number of records',
    'Encrypted',
    'Description',
    'Likely consequences',
    'Measures',
    'ENISA score',
    'Severity',
    'Decision',
    'Proposed decision',
    'Justification',
    'Art. 34(3) exception',
    'Decided by',
    'Decided on',
    'CNIL notifications',
    'People informed',
    'Corrective actions',
    'Status',
    'Closed on',
  ],
};

const STATUS: Record<Lang, Record<string, string>> = {
  fr: { open: 'En cours', closed: 'Clôturée' },
  en: { open: 'Open', closed: 'Closed' },
};

/** The breach register as rows (Art. 33(5): the facts, the effects, the decision with its reasons, the remedial action). */
export function registerTable(
  items: BreachDetail[],
  names: Map<string, string>,
  lang: Lang,
  noneText: string,
): { header: string[]; rows: unknown[][] } {
  const header = REGISTER_HEADER[lang];
  if (items.length === 0) return { header, rows: [header.map((_, j) => (j === 1 ? noneText : ''))] };
  const rows = items.map((b, i) => [
    i + 1,
    b.title,
    sheetInstant(b.startedAt),
    sheetInstant(b.detectedAt),
    sheetInstant(b.awareAt),
    sheetInstant(b.endedAt),
    sheetInstant(b.notifyBy),
    labelList(NATURE_LABELS, b.nature, lang),
    labelList(CIRCUMSTANCE_LABELS, b.circumstances, lang),
    label(CAUSE_LABELS, b.cause, lang),
    labelList(PEOPLE_LABELS, b.peopleCategories, lang),
    b.approxPeople ?? '',
    labelList(DATA_LABELS, b.dataCategories, lang),
    b.approxRecords ?? '',
    yesNo(b.encrypted, lang),
    b.description ?? '',
    [labelList(CONSEQUENCE_LABELS, b.consequences, lang), b.consequencesNote ?? ''].filter(Boolean).join(' — '),
    b.measures ?? '',
    b.severity ? b.severity.score : '',
    b.severity ? label(BAND_LABELS, b.severity.band, lang) : '',
    label(DECISION_LABELS, b.decision?.decision, lang),
    label(DECISION_LABELS, b.decision?.proposed, lang),
    b.decision?.reason ?? '',
    label(EXCEPTION_LABELS, b.decision?.peopleException, lang),
    nameOf(names, b.decision?.decidedBy ?? null),
    sheetInstant(b.decision?.decidedAt ?? null),
    b.notifications
      .map(
        (n) =>
          `${label(NOTIFICATION_LABELS, n.kind, lang)} ${sheetInstant(n.notifiedAt)}${n.reference ? ` (${n.reference})` : ''}${n.late ? ` — ${lang === 'fr' ? 'retard' : 'late'} : ${n.delayReasons ?? ''}` : ''}`,
      )
      .join('\n'),
    b.peopleInformed
      .map((x) => `${x.informedOn} ${label(CHANNEL_LABELS, x.channel, lang)} — ${x.recipients} (${x.peopleCount})`)
      .join('\n'),
    b.actions
      .map(
        (a) =>
          `${a.title} — ${a.doneOn ? `${lang === 'fr' ? 'faite le' : 'done on'} ${a.doneOn}` : `${lang === 'fr' ? 'prévue le' : 'due on'} ${a.dueOn}`}${a.ownerId ? ` (${nameOf(names, a.ownerId)})` : ''}`,
      )
      .join('\n'),
    STATUS[lang][b.status] ?? b.status,
    b.closedOn ?? '',
  ]);
  return { header, rows };
}

export function registerPdf(
  items: BreachDetail[],
  p: PracticeResponse,
  names: Map<string, string>,
  lang: Lang,
  asOf: string,
  generatedAt: string,
  noneText: string,
): Promise<Buffer> {
  const fr = lang === 'fr';
  const title = fr ? 'Registre des violations de données personnelles' : 'Register of personal data breaches';
  const content: PdfNode[] = [
    { text: title, style: 'title' },
    { text: p.name, style: 'subtitle' },
    fieldTable([
      [fr ? 'Responsable de traitement' : 'Controller', p.controllerName],
      [fr ? 'Contact (DPO ou référent)' : 'Contact (DPO or referent)', p.dpoContact],
      ['SIREN', p.siren],
      [fr ? 'Adresse' : 'Address', p.address],
      [fr ? 'État au' : 'As of', frDate(asOf)],
      [fr ? 'Violations enregistrées' : 'Breaches recorded', String(items.length)],
      [
        fr ? 'Base légale' : 'Legal basis',
        fr
          ? 'Article 33.5 du RGPD : toute violation est documentée, notifiée ou non'
          : 'Article 33(5) GDPR: every breach is documented, notified or not',
      ],
    ]),
  ];
  if (items.length === 0) content.push({ text: noneText, style: 'h1' });
  const { header, rows } = registerTable(items, names, lang, noneText);
  rows.forEach((row, i) => {
    if (items.length === 0) return;
    content.push({
      text: `${i + 1}. ${items[i]!.title}`,
      style: 'h1',
      pageBreak: i === 0 ? undefined : 'before',
    });
    content.push(fieldTable(header.slice(2).map((h, j): [string, string] => [h, cellText(row[j + 2])])));
  });
  const footer = `${title} — ${p.name} — ${fr ? 'état au' : 'as of'} ${frDate(asOf)} — ${fr ? 'généré le' : 'generated'} ${humanInstant(generatedAt)}`;
  return renderPdf({ title, footer, content, pageLabel: (n, m) => (fr ? `page ${n} / ${m}` : `page ${n} of ${m}`) });
}
