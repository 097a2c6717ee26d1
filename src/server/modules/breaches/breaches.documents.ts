import type { BreachDetail, CnilDraft } from '../../../contracts/breaches.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { cellText } from '../../platform/documents/csv.js';
import { fieldTable, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { frenchDate as frDate } from '../../platform/documents/format.js';
import { datedLine, dayInWords, letterContact, type Letter } from '../../platform/documents/letter.js';
import {
  BAND_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  CIRCUMSTANCE_LABELS,
  CONSEQUENCE_LABELS,
  DATA_LABELS,
  DECISION_LABELS,
  EXCEPTION_LABELS,
  INFORMATION_STATE_LABELS,
  label,
  labelList,
  NATURE_LABELS,
  NOTIFICATION_LABELS,
  PEOPLE_LABELS,
} from './breaches.labels.js';
import { informationState, parisWallTime, peopleBand } from './breaches.rules.js';

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
const yesNo = (v: boolean | null, lang: Lang) =>
  v === null ? '' : v ? (lang === 'fr' ? 'Oui' : 'Yes') : lang === 'fr' ? 'Non' : 'No';
const nameOf = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? id) : '');

/**
 * The CNIL online form, block by block, filled from the breach and the practice (French: the form is French). Field
 * order follows the téléservice as documented [S]; a field Gardien does not know is listed in `missing`.
 */
export function cnilDraft(b: BreachDetail, p: PracticeResponse, names: Map<string, string>, now: Date): CnilDraft {
  const missing: string[] = [];
  const v = (label: string, value: string | null | undefined, required = false) => {
    if (required && !value) missing.push(label);
    return { label, value: value ?? '' };
  };
  const first = b.notifications.find((n) => n.kind !== 'complementary');
  const late = first ? first.late : now.getTime() > Date.parse(b.notifyBy);
  const informed = b.peopleInformed.reduce((s, i) => s + i.peopleCount, 0);
  return {
    blocks: [
      {
        key: 'type',
        title: 'Type de notification',
        fields: [
          v('Type', first ? 'Notification complémentaire' : 'Notification initiale (compléments à suivre) ou complète'),
          v('Référence de la notification initiale', first?.reference ?? ''),
        ],
      },
      {
        key: 'organisation',
        title: 'Organisme',
        fields: [
          v('SIREN', p.siren, true),
          v('Raison sociale', p.name, true),
          v('Forme juridique', p.legalForm),
          v('Adresse', p.address, true),
          v('Secteur d’activité', 'Santé humaine et action sociale'),
          v('Responsable de traitement / représentant légal', p.controllerName, true),
          v('Personne à contacter (DPO ou autre)', p.dpoContact, true),
        ],
      },
      {
        key: 'timeline',
        title: 'Chronologie',
        fields: [
          v('Début de la violation', humanInstant(b.startedAt)),
          v('Découverte', humanInstant(b.detectedAt)),
          v('Prise de connaissance (début du délai de 72 heures)', humanInstant(b.awareAt), true),
          v('Fin de la violation', b.endedAt ? humanInstant(b.endedAt) : 'En cours ou date inconnue'),
          v('Échéance des 72 heures', humanInstant(b.notifyBy)),
          ...(late ? [v('Motifs du retard (notification après 72 heures)', first?.delayReasons ?? '', true)] : []),
        ],
      },
      {
        key: 'nature',
        title: 'Nature de la violation',
        fields: [
          v('Nature', labelList(NATURE_LABELS, b.nature, 'fr'), true),
          v('Origine de l’incident', labelList(CIRCUMSTANCE_LABELS, b.circumstances, 'fr'), true),
          v('Cause', label(CAUSE_LABELS, b.cause, 'fr'), true),
          v('Description', b.description, true),
        ],
      },
      {
        key: 'data',
        title: 'Données et personnes concernées',
        fields: [
          v('Catégories de personnes', labelList(PEOPLE_LABELS, b.peopleCategories, 'fr'), true),
          v(
            'Nombre approximatif de personnes',
            b.approxPeople === null ? '' : `${b.approxPeople} (tranche ${peopleBand(b.approxPeople)})`,
            true,
          ),
          v('Catégories de données', labelList(DATA_LABELS, b.dataCategories, 'fr'), true),
          v('Données sensibles (art. 9)', b.dataCategories.includes('health') ? 'Oui : données de santé' : 'Non'),
          v('Nombre approximatif d’enregistrements', b.approxRecords === null ? '' : String(b.approxRecords), true),
          v('Données chiffrées avec une clé non compromise', yesNo(b.encrypted, 'fr')),
        ],
      },
      {
        key: 'consequences',
        title: 'Conséquences probables',
        fields: [
          v('Conséquences pour les personnes', labelList(CONSEQUENCE_LABELS, b.consequences, 'fr'), true),
          v('Précisions', b.consequencesNote),
          v(
            'Gravité estimée',
            b.severity
              ? `${label(BAND_LABELS, b.severity.band, 'fr')} (méthode ENISA : ${b.severity.score.toLocaleString('fr-FR')})`
              : '',
            true,
          ),
        ],
      },
      {
        key: 'measures',
        title: 'Mesures prises ou envisagées',
        fields: [
          v('Mesures', b.measures, true),
          v(
            'Actions correctives',
            b.actions
              .map(
                (a) =>
                  `${a.title} (${a.doneOn ? `faite le ${frDate(a.doneOn)}` : `prévue le ${frDate(a.dueOn)}`}, ${nameOf(names, a.ownerId) || 'sans responsable'})`,
              )
              .join('\n'),
          ),
        ],
      },
      {
        key: 'information',
        title: 'Information des personnes',
        fields: [
          v(
            'Les personnes ont-elles été informées ?',
            label(INFORMATION_STATE_LABELS, informationState(b.decision?.decision ?? null, informed), 'fr'),
          ),
          v(
            'Date et moyen',
            b.peopleInformed
              .map(
                (i) =>
                  `${frDate(i.informedOn)} — ${label(CHANNEL_LABELS, i.channel, 'fr')} — ${i.recipients} (${i.peopleCount})`,
              )
              .join('\n'),
          ),
          v(
            'Justification si elles ne sont pas informées',
            b.decision?.peopleException
              ? label(EXCEPTION_LABELS, b.decision.peopleException, 'fr')
              : b.decision?.decision !== 'notify_authority_and_people'
                ? (b.decision?.reason ?? '')
                : '',
          ),
        ],
      },
      {
        key: 'cross_border',
        title: 'Dimension transfrontalière',
        fields: [v('Traitement transfrontalier', 'Non (cabinet établi en France) — à vérifier')],
      },
    ],
    missing,
  };
}

export function cnilDraftText(d: CnilDraft, p: PracticeResponse, generatedAt: string): string {
  const lines = [
    `Brouillon de notification à la CNIL — ${p.name}`,
    `Généré par Gardien le ${humanInstant(generatedAt)} (heure de Paris). À recopier bloc par bloc sur https://notifications.cnil.fr/`,
    '',
  ];
  for (const b of d.blocks) {
    lines.push(`== ${b.title} ==`);
    for (const f of b.fields) lines.push(`${f.label} : ${f.value || '(à compléter)'}`);
    lines.push('');
  }
  if (d.missing.length) lines.push(`À compléter avant l’envoi : ${d.missing.join(' ; ')}`);
  return lines.join('\r\n');
}

export function cnilDraftPdf(d: CnilDraft, p: PracticeResponse, generatedAt: string): Promise<Buffer> {
  const content: PdfNode[] = [
    { text: 'Brouillon de notification à la CNIL', style: 'title' },
    {
      text: `${p.name} — généré le ${humanInstant(generatedAt)} (heure de Paris). À recopier bloc par bloc sur notifications.cnil.fr.`,
      style: 'muted',
    },
  ];
  for (const b of d.blocks)
    content.push(
      { text: b.title, style: 'h1' },
      fieldTable(b.fields.map((f) => [f.label, f.value || '(à compléter)'])),
    );
  if (d.missing.length) content.push({ text: 'À compléter avant l’envoi', style: 'h1' }, { ul: d.missing });
  return renderPdf({
    title: 'Brouillon de notification à la CNIL',
    footer: `Gardien — ${p.name} — brouillon du ${humanInstant(generatedAt)}`,
    content,
  });
}

/** What happened, said to the person ("vous", "vos données"): from the circumstances recorded, never the internal note. */
const WHAT_HAPPENED: Record<Lang, Record<string, string>> = {
  fr: {
    lost_or_stolen_device: 'Un appareil du cabinet contenant des données vous concernant a été perdu ou volé.',
    lost_or_stolen_paper:
      'Des documents papier contenant des données vous concernant ont été perdus, volés ou laissés accessibles.',
    mail_lost_or_opened:
      'Un courrier contenant des données vous concernant a été perdu ou ouvert par une autre personne.',
    hacking_malware_phishing: 'Le système informatique du cabinet a fait l’objet d’une attaque.',
    ransomware: 'Le système informatique du cabinet a été bloqué par un logiciel malveillant (rançongiciel).',
    wrong_recipient: 'Des données vous concernant ont été envoyées par erreur à une autre personne.',
    improper_disposal:
      'Des documents ou un appareil contenant des données vous concernant ont été jetés sans être détruits.',
    published_by_mistake: 'Des données vous concernant ont été rendues visibles par erreur.',
    verbal_disclosure:
      'Des informations vous concernant ont été communiquées oralement à une personne qui n’avait pas à les connaître.',
    other: 'Un incident a touché des données vous concernant.',
  },
  en: {
    lost_or_stolen_device: 'A device of the practice holding data about you was lost or stolen.',
    lost_or_stolen_paper: 'Paper documents holding data about you were lost, stolen or left accessible.',
    mail_lost_or_opened: 'A letter holding data about you was lost or opened by someone else.',
    hacking_malware_phishing: 'The practice’s computer system was attacked.',
    ransomware: 'The practice’s computer system was locked by malicious software (ransomware).',
    wrong_recipient: 'Data about you was sent by mistake to someone else.',
    improper_disposal: 'Documents or a device holding data about you were thrown away without being destroyed.',
    published_by_mistake: 'Data about you was made visible by mistake.',
    verbal_disclosure: 'Information about you was told to someone who had no need to know it.',
    other: 'An incident affected data about you.',
  },
};

/** The likely consequences, said to the person (Art. 34(2), 33(3)(c)). */
const CONSEQUENCE_FOR_YOU: Record<Lang, Record<string, string>> = {
  fr: {
    loss_of_control: 'Vous pourriez perdre la maîtrise de ces données.',
    limitation_of_rights: 'L’exercice de certains de vos droits pourrait être gêné.',
    discrimination: 'Ces données pourraient être utilisées contre vous.',
    identity_theft: 'Une personne pourrait tenter d’usurper votre identité ou de commettre une fraude.',
    financial_loss: 'Vous pourriez subir une perte financière.',
    damage_to_reputation: 'Votre réputation pourrait en souffrir.',
    loss_of_professional_secrecy:
      'Des informations couvertes par le secret médical ont pu être vues par une personne non autorisée.',
  },
  en: {
    loss_of_control: 'You could lose control over this data.',
    limitation_of_rights: 'Exercising some of your rights could be hindered.',
    discrimination: 'This data could be used against you.',
    identity_theft: 'Someone could try to use your identity or commit fraud.',
    financial_loss: 'You could suffer a financial loss.',
    damage_to_reputation: 'Your reputation could suffer.',
    loss_of_professional_secrecy:
      'Information covered by medical secrecy may have been seen by someone not allowed to see it.',
  },
};

const LETTER: Record<Lang, Record<string, string>> = {
  fr: {
    subject: 'Objet : incident concernant vos données personnelles',
    greeting: 'Madame, Monsieur,',
    intro:
      'Nous vous informons qu’un incident a touché des données personnelles vous concernant, conservées par notre cabinet. La loi nous impose de vous en avertir, et nous tenons à le faire sans attendre.',
    what: 'Ce qui s’est passé',
    data: 'Les données concernées',
    consequences: 'Ce qui peut en résulter pour vous',
    measures: 'Ce que nous avons fait',
    todo: 'Ce que vous pouvez faire',
    contact: 'Pour toute question',
    aware: 'Nous l’avons appris le {date}.',
    encrypted: 'Ces données étaient chiffrées.',
    noMeasures:
      'Nous prenons les mesures nécessaires pour en limiter les conséquences et éviter qu’il se reproduise. Nous vous tiendrons informés si elles vous concernent.',
    measuresRecorded: 'Nous avons pris les mesures suivantes :',
    cnil: 'Vous pouvez aussi adresser une réclamation à la CNIL : www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.',
    sorry: 'Nous vous prions de bien vouloir nous excuser pour cet incident.',
    default_consequence:
      'Des personnes non autorisées ont pu voir ces données, ou elles ont pu être indisponibles un temps.',
    advice_general:
      'Méfiez-vous des appels, courriels ou SMS qui diraient venir du cabinet ou de l’Assurance maladie et vous demanderaient des informations. Nous ne vous les demanderons jamais ainsi.',
    advice_financial:
      'Surveillez vos relevés bancaires. Signalez à votre banque toute opération que vous ne reconnaissez pas.',
    advice_login: 'Changez votre mot de passe, ainsi que partout où vous utilisiez le même.',
    advice_ssn:
      'Si vous pensez que votre numéro de sécurité sociale est utilisé par un autre, prévenez votre caisse d’Assurance maladie.',
    advice_documents:
      'Si une pièce d’identité est concernée, gardez cette lettre : elle vous sera utile en cas d’usurpation.',
    contactLine: 'Vous pouvez nous joindre : {contact}.',
    closing: 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
  },
  en: {
    subject: 'Subject: an incident concerning your personal data',
    greeting: 'Dear Sir or Madam,',
    intro:
      'We are writing to tell you that an incident has affected personal data about you that our practice keeps. The law requires us to tell you, and we want to do so without delay.',
    what: 'What happened',
    data: 'The data concerned',
    consequences: 'What this may mean for you',
    measures: 'What we have done',
    todo: 'What you can do',
    contact: 'Questions',
    aware: 'We learnt of it on {date}.',
    encrypted: 'This data was encrypted.',
    noMeasures:
      'We are taking the measures needed to limit its consequences and prevent it from happening again. We will keep you informed if they concern you.',
    measuresRecorded: 'We have taken the following measures:',
    cnil: 'You may also complain to the CNIL: www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.',
    sorry: 'We apologise for this incident.',
    default_consequence:
      'People who should not have seen this data may have seen it, or it may have been unavailable for a while.',
    advice_general:
      'Be wary of calls, e-mails or text messages that claim to come from the practice or from the health insurance and ask you for information. We will never ask for it that way.',
    advice_financial: 'Watch your bank statements. Report any payment you do not recognise to your bank.',
    advice_login: 'Change your password, and everywhere you used the same one.',
    advice_ssn: 'If you think someone else uses your social security number, tell your health insurance fund.',
    advice_documents:
      'If an identity document is concerned, keep this letter: it will help if someone uses your identity.',
    contactLine: 'You can reach us at: {contact}.',
    closing: 'Yours faithfully,',
  },
};

/**
 * The letter to the people (Art. 34(2)): the nature of the breach, a contact, the likely consequences, the measures,
 * in plain words, written from the structured facts only: the internal description and notes never reach it. Dated
 * `today`, signed by the practice, on one page where it fits.
 */
export function patientLetter(b: BreachDetail, p: PracticeResponse, lang: Lang, today: string): Letter {
  const t = LETTER[lang];
  const fill = (s: string, k: string, v: string) => s.replace(`{${k}}`, v);
  const advice = [t.advice_general!];
  if (b.dataCategories.includes('financial')) advice.push(t.advice_financial!);
  if (b.dataCategories.includes('login')) advice.push(t.advice_login!);
  if (b.dataCategories.includes('social_security_number')) advice.push(t.advice_ssn!);
  if (b.dataCategories.includes('official_documents')) advice.push(t.advice_documents!);
  const consequences = b.consequences.filter((c) => c !== 'other').map((c) => CONSEQUENCE_FOR_YOU[lang][c]!);
  const what = [
    ...b.circumstances.map((c) => WHAT_HAPPENED[lang][c] ?? WHAT_HAPPENED[lang].other!),
    fill(t.aware!, 'date', dayInWords(parisWallTime(b.awareAt).date, lang)),
    ...(b.encrypted ? [t.encrypted!] : []),
  ];
  const done = b.actions.filter((a) => a.doneOn).map((a) => (/[.!?]$/.test(a.title) ? a.title : `${a.title}.`));
  const contact = letterContact(p, lang);
  return {
    subject: t.subject!,
    dated: datedLine(p.address, today, lang),
    salutation: t.greeting!,
    sections: [
      { paragraphs: [t.intro!] },
      { heading: t.what!, paragraphs: what },
      {
        heading: t.data!,
        paragraphs: [
          (b.dataCategories.length ? b.dataCategories : ['other']).map((c) => label(DATA_LABELS, c, lang)).join(', ') +
            '.',
        ],
      },
      { heading: t.consequences!, paragraphs: consequences.length ? consequences : [t.default_consequence!] },
      { heading: t.measures!, paragraphs: done.length ? [t.measuresRecorded!, ...done] : [t.noMeasures!] },
      { heading: t.todo!, paragraphs: advice },
      { heading: t.contact!, paragraphs: [fill(t.contactLine!, 'contact', contact), t.cnil!, t.sorry!] },
    ],
    closing: t.closing!,
    signature: `${p.controllerName}\n${p.name}`,
  };
}

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
