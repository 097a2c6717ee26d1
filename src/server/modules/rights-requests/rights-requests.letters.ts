import type { Decision, DecisionGround, DecisionSubject, LetterKind } from '../../../contracts/request-answers.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { REGISTER_WORDS } from '../../../contracts/register-labels.js';
import type { ActivityFields } from '../../../contracts/register.js';
import type { RequestKind, RightsRequestResponse } from '../../../contracts/rights-requests.js';
import { frenchDate } from '../../platform/documents/format.js';
import { datedLine, dayInWords, letterContact, type Letter } from '../../platform/documents/letter.js';
import { noActionTaken } from './decision.rules.js';
import type { Lang } from '../../platform/http/messages.js';

/**
 * The letters of a rights request in plain French (English second): acknowledgement, identity request, extension,
 * answer, refusal, notice before a restriction is lifted. Legal references are given in words a patient can read.
 */

const KIND: Record<Lang, Record<RequestKind, string>> = {
  fr: {
    access: 'd’accès à vos données',
    rectification: 'de rectification de vos données',
    erasure: 'd’effacement de vos données',
    objection: 'd’opposition',
    restriction: 'de limitation du traitement de vos données',
    portability: 'de portabilité de vos données',
    health_record_access: 'de communication de votre dossier médical',
  },
  en: {
    access: 'to access your data',
    rectification: 'to rectify your data',
    erasure: 'to erase your data',
    objection: 'to object',
    restriction: 'to restrict the processing of your data',
    portability: 'to port your data',
    health_record_access: 'to receive your health record',
  },
};

const SUBJECT: Record<Lang, Record<DecisionSubject, string>> = {
  fr: {
    art15_information: 'Informations sur le traitement de vos données',
    copy: 'Copie de vos données',
    health_record: 'Votre dossier médical',
    rectification: 'Rectification',
    medical_record: 'Votre dossier médical',
    marketing: 'Communications non liées à vos soins',
    commercial_photos: 'Photographies prises hors de vos soins',
    care: 'Traitement de vos données pour vos soins',
    sms_reminders: 'Rappels de rendez-vous par SMS',
    restriction: 'Limitation du traitement',
    portability: 'Portabilité',
    care_sharing: 'Partage de vos informations entre soignants',
  },
  en: {
    art15_information: 'Information about the processing of your data',
    copy: 'Copy of your data',
    health_record: 'Your health record',
    rectification: 'Rectification',
    medical_record: 'Your medical record',
    marketing: 'Communications unrelated to your care',
    commercial_photos: 'Photographs taken outside your care',
    care: 'Processing of your data for your care',
    sms_reminders: 'Appointment reminders by text message',
    restriction: 'Restriction of processing',
    portability: 'Portability',
    care_sharing: 'Sharing of your information between carers',
  },
};

type GroundText = (subject: DecisionSubject, facts: { retentionEndsOn: string | null }) => string;
const GROUND: Record<Lang, Record<DecisionGround, GroundText>> = {
  fr: {
    art15_answered: (s) =>
      s === 'copy'
        ? 'Vous trouverez ci-joint une copie de vos données. Cette première copie est gratuite.'
        : 'Vous trouverez ci-dessous les informations prévues à l’article 15 du RGPD.',
    csp_l1111_7: () =>
      'Votre dossier vous est communiqué conformément à l’article L1111-7 du code de la santé publique. La première copie est gratuite (Cour de justice de l’Union européenne, 26 octobre 2023, C-307/22).',
    art16_rectified: () =>
      'Les données inexactes ont été rectifiées (article 16 du RGPD), y compris dans notre logiciel de gestion du cabinet.',
    art16_data_accurate: () =>
      'Après vérification, les données concernées sont exactes : elles n’ont pas été modifiées.',
    art17_3_retention: (_s, f) =>
      `Votre dossier médical ne peut pas être effacé : nous devons le conserver pendant la durée prévue pour la continuité de vos soins et nos obligations légales (article 17, paragraphe 3, b et c du RGPD).${f.retentionEndsOn ? ` Cette durée prend fin le ${frenchDate(f.retentionEndsOn)}.` : ''}`,
    art17_retention_ended: () => 'La durée de conservation de votre dossier médical étant écoulée, il a été effacé.',
    art17_1_erased: (s) =>
      s === 'commercial_photos'
        ? 'Les photographies prises hors du cadre de vos soins ont été effacées.'
        : 'Vos données utilisées pour des communications non liées à vos soins ont été effacées.',
    art21_care_not_applicable: () =>
      'Le traitement de vos données pour vos soins repose sur une obligation légale et sur l’article 9, paragraphe 2, h du RGPD : le droit d’opposition de l’article 21 ne s’y applique pas. Vous restez libre de choisir votre praticien.',
    art21_3_marketing: () =>
      'Vous ne recevrez plus aucune communication non liée à vos soins. Votre opposition a pris effet immédiatement (article 21, paragraphe 3 du RGPD).',
    art21_1_reminders: () => 'Vous ne recevrez plus de rappels de rendez-vous par SMS.',
    art18_restricted: () =>
      'Le traitement de vos données est limité (article 18 du RGPD) : elles sont conservées mais ne sont plus utilisées, sauf avec votre accord, pour la défense de droits en justice ou pour protéger les droits d’une autre personne. Nous vous préviendrons avant de lever cette limitation.',
    art20_not_applicable: () =>
      'Le droit à la portabilité (article 20 du RGPD) ne s’applique qu’aux données que vous avez fournies sur la base de votre consentement ou d’un contrat et qui sont traitées de façon automatisée ; votre dossier médical est tenu en vertu d’une obligation légale. Vous pouvez en obtenir une copie gratuite au titre de votre droit d’accès.',
    art20_served: () =>
      'Vous trouverez ci-joint les données que vous nous avez fournies, dans un format structuré, couramment utilisé et lisible par machine (article 20 du RGPD).',
    art12_5_manifestly_unfounded: () =>
      'Votre demande est manifestement infondée ou excessive (article 12, paragraphe 5 du RGPD).',
    other: () => '',
    csp_l1110_4_sharing: () =>
      'Conformément à l’article L1110-4 du code de la santé publique, vos informations ne seront plus échangées ni partagées avec les autres professionnels qui vous soignent, sauf urgence. Ce choix peut rendre la coordination de vos soins moins sûre : vous pouvez le modifier à tout moment en nous prévenant.',
    nothing_held: () => 'Sans objet : nous ne détenons aucune donnée de ce type vous concernant.',
  },
  en: {
    art15_answered: (s) =>
      s === 'copy'
        ? 'Please find enclosed a copy of your data. This first copy is free of charge.'
        : 'Please find below the information required by Article 15 of the GDPR.',
    csp_l1111_7: () =>
      'Your record is sent to you under Article L1111-7 of the French public health code. The first copy is free of charge (Court of Justice of the EU, 26 October 2023, C-307/22).',
    art16_rectified: () =>
      'The inaccurate data has been rectified (Article 16 of the GDPR), including in our practice software.',
    art16_data_accurate: () => 'We have checked the data concerned: it is accurate and has not been changed.',
    art17_3_retention: (_s, f) =>
      `Your medical record cannot be erased: we must keep it for the period set for the continuity of your care and our legal obligations (Article 17(3)(b) and (c) of the GDPR).${f.retentionEndsOn ? ` That period ends on ${f.retentionEndsOn}.` : ''}`,
    art17_retention_ended: () => 'The retention period of your medical record has ended: it has been erased.',
    art17_1_erased: (s) =>
      s === 'commercial_photos'
        ? 'The photographs taken outside your care have been erased.'
        : 'Your data used for communications unrelated to your care has been erased.',
    art21_care_not_applicable: () =>
      'The processing of your data for your care rests on a legal obligation and on Article 9(2)(h) of the GDPR: the right to object of Article 21 does not apply to it. You remain free to choose your practitioner.',
    art21_3_marketing: () =>
      'You will receive no more communications unrelated to your care. Your objection took effect at once (Article 21(3) of the GDPR).',
    art21_1_reminders: () => 'You will receive no more appointment reminders by text message.',
    art18_restricted: () =>
      'The processing of your data is restricted (Article 18 of the GDPR): it is kept but no longer used, except with your consent, for legal claims or to protect the rights of another person. We will tell you before we lift this restriction.',
    art20_not_applicable: () =>
      'The right to data portability (Article 20 of the GDPR) applies only to data you provided on the basis of your consent or a contract and processed by automated means; your medical record is kept under a legal obligation. You can obtain a free copy of it through your right of access.',
    art20_served: () =>
      'Please find enclosed the data you provided to us, in a structured, commonly used and machine-readable format (Article 20 of the GDPR).',
    art12_5_manifestly_unfounded: () =>
      'Your request is manifestly unfounded or excessive (Article 12(5) of the GDPR).',
    other: () => '',
    csp_l1110_4_sharing: () =>
      'Under Article L1110-4 of the French public health code, your information will no longer be exchanged or shared with the other professionals who treat you, except in an emergency. This choice may make the coordination of your care less safe: you may change it at any time by telling us.',
    nothing_held: () => 'Not applicable: we hold no data of this kind about you.',
  },
};

/**
 * Art. 15(1) information. Until the practice keeps its register in Gardien, it comes from the CNIL's référentiel for
 * medical and paramedical practices (délibération 2020-081; regulatory.md §1): the screen says so before sending.
 */
const ART15: Record<Lang, { heading: string; paragraphs: string[] }> = {
  fr: {
    heading: 'Informations sur le traitement de vos données (article 15 du RGPD)',
    paragraphs: [
      'Finalités : la gestion de vos rendez-vous, de votre dossier médical et de vos soins, les échanges avec les autres professionnels qui vous soignent, et la télétransmission des feuilles de soins à l’assurance maladie.',
      'Base légale : les obligations légales du cabinet et l’article 9, paragraphe 2, h du RGPD (soins), sous le secret professionnel.',
      'Catégories de données : identité et coordonnées, numéro de sécurité sociale pour la facturation, couverture sociale, données de santé (antécédents, soins, actes, radiographies, prescriptions).',
      'Destinataires : le praticien et le personnel du cabinet placé sous sa responsabilité, les professionnels qui participent à vos soins, l’assurance maladie et votre complémentaire, nos sous-traitants (éditeur du logiciel, hébergeur de données de santé agréé, laboratoire de prothèse).',
      'Durée de conservation : votre dossier est conservé 20 ans après votre dernier soin (5 ans en base active puis 15 ans en archive).',
      'Source : vous-même et les professionnels de santé qui participent à votre prise en charge.',
      'Aucune décision automatisée n’est prise à votre sujet.',
      'Vos données ne sont pas transférées hors de l’Union européenne.',
      'Vous pouvez demander la rectification ou l’effacement de vos données, la limitation de leur traitement, et vous opposer à leur utilisation pour des communications non liées à vos soins. Votre dossier médical, lui, doit être conservé pendant sa durée légale.',
      'Vous pouvez introduire une réclamation auprès de la CNIL (3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 ; www.cnil.fr).',
    ],
  },
  en: {
    heading: 'Information about the processing of your data (Article 15 of the GDPR)',
    paragraphs: [
      'Purposes: managing your appointments, your medical record and your care, exchanges with the other professionals who treat you, and sending care forms to health insurance.',
      'Legal basis: the practice’s legal obligations and Article 9(2)(h) of the GDPR (health care), under professional secrecy.',
      'Categories of data: identity and contact details, social security number for billing, health cover, health data (history, care, procedures, X-rays, prescriptions).',
      'Recipients: the practitioner and the practice staff under their responsibility, the professionals involved in your care, health insurance and your complementary insurer, our processors (software vendor, certified health-data host, dental laboratory).',
      'Retention: your record is kept 20 years after your last care (5 years active, then 15 years archived).',
      'Source: yourself and the health professionals involved in your care.',
      'No automated decision is taken about you.',
      'Your data is not transferred outside the European Union.',
      'You may ask for your data to be rectified or erased, or its processing restricted, and object to its use for communications unrelated to your care. Your medical record, however, must be kept for its legal period.',
      'You may lodge a complaint with the CNIL (3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07; www.cnil.fr).',
    ],
  },
};

/** "Madame," or "Monsieur," when the civility is known, "Madame, Monsieur," otherwise: never the name in the salutation. */
const SALUTATION: Record<Lang, Record<'madame' | 'monsieur' | 'unknown', string>> = {
  fr: { madame: 'Madame', monsieur: 'Monsieur', unknown: 'Madame, Monsieur' },
  en: { madame: 'Dear Madam', monsieur: 'Dear Sir', unknown: 'Dear Sir or Madam' },
};

const T = {
  fr: {
    subject: (k: LetterKind, kind: RequestKind) =>
      ({
        acknowledgement: `Accusé de réception de votre demande ${KIND.fr[kind]}`,
        identity_request: `Votre demande ${KIND.fr[kind]} : vérification de votre identité`,
        extension: `Votre demande ${KIND.fr[kind]} : prolongation du délai de réponse`,
        answer: `Réponse à votre demande ${KIND.fr[kind]}`,
        refusal: `Réponse à votre demande ${KIND.fr[kind]}`,
        restriction_lift: 'Levée de la limitation du traitement de vos données',
      })[k],
    received: (r: RightsRequestResponse) =>
      `Nous avons bien reçu le ${dayInWords(r.receivedOn, 'fr')} votre demande ${KIND.fr[r.kind]}.`,
    dueOn: (d: string) => `Nous vous répondrons au plus tard le ${frenchDate(d)}.`,
    healthDates: (earliest: string, due: string) =>
      `Conformément au code de la santé publique, votre dossier vous sera communiqué au plus tôt le ${frenchDate(earliest)}, après un délai de réflexion de 48 heures, et au plus tard le ${frenchDate(due)}.`,
    free: 'Cette démarche est gratuite.',
    identity:
      'Afin de protéger vos données, nous devons vérifier votre identité avant de vous répondre (article 12, paragraphe 6 du RGPD). Merci de nous transmettre une copie d’une pièce d’identité en cours de validité, ou de vous présenter au cabinet avec celle-ci.',
    identityRepresentative:
      'Si vous agissez pour une autre personne, merci de joindre le document qui vous y autorise (jugement, livret de famille, mandat, acte de notoriété).',
    identityGdprClock: 'Le délai de réponse reprendra à la réception de ces éléments.',
    identityHealth:
      'Nous ne pouvons rien communiquer avant d’avoir vérifié votre identité (article R1111-1 du code de la santé publique).',
    extension: (reason: string, due: string) =>
      `En raison de ${reason.replace(/\.$/, '')}, nous prolongeons de deux mois le délai de réponse, comme le permet l’article 12, paragraphe 3 du RGPD. Nous vous répondrons au plus tard le ${frenchDate(due)}.`,
    reasons: (r: string) => `Motif : ${r}`,
    complaint:
      'Si cette réponse ne vous satisfait pas, vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr) et former un recours devant le juge (article 12, paragraphe 4 du RGPD).',
    liftIntro: 'À votre demande, le traitement de vos données a été limité (article 18 du RGPD).',
    lift: 'Nous vous informons, comme l’exige l’article 18, paragraphe 3 du RGPD, que cette limitation va être levée : vos données seront de nouveau utilisées pour la gestion de vos soins.',
    contact: (c: string) => `Pour toute question, vous pouvez nous contacter : ${c}.`,
    closing: (who: string) => `Nous vous prions d’agréer, ${who}, l’expression de nos salutations distinguées.`,
    summary: 'En résumé',
    summaryAccess: (copy: boolean) =>
      `Vous nous avez demandé quelles données nous détenons sur vous${copy ? ' et une copie de celles-ci' : ''}. Vous trouverez ci-dessous la liste de ces données, ce à quoi elles servent, qui les reçoit et combien de temps nous les gardons.${copy ? ' Une copie de ces données vous est remise ; elle est gratuite.' : ''}`,
    erased: 'Ce que nous avons effacé',
    kept: 'Ce que nous conservons, et pourquoi',
    nothingHeld: (what: string) => `Nous ne détenons par ailleurs aucune donnée de ce type vous concernant : ${what}.`,
  },
  en: {
    subject: (k: LetterKind, kind: RequestKind) =>
      ({
        acknowledgement: `Your request ${KIND.en[kind]}: acknowledgement of receipt`,
        identity_request: `Your request ${KIND.en[kind]}: checking your identity`,
        extension: `Your request ${KIND.en[kind]}: extension of the time to answer`,
        answer: `Answer to your request ${KIND.en[kind]}`,
        refusal: `Answer to your request ${KIND.en[kind]}`,
        restriction_lift: 'Lifting the restriction of the processing of your data',
      })[k],
    received: (r: RightsRequestResponse) =>
      `We received your request ${KIND.en[r.kind]} on ${dayInWords(r.receivedOn, 'en')}.`,
    dueOn: (d: string) => `We will answer on ${d} at the latest.`,
    healthDates: (earliest: string, due: string) =>
      `Under the French public health code, your record will be sent to you no earlier than ${earliest}, after a 48-hour reflection period, and no later than ${due}.`,
    free: 'This is free of charge.',
    identity:
      'To protect your data, we must check your identity before we answer (Article 12(6) of the GDPR). Please send us a copy of a valid identity document, or come to the practice with it.',
    identityRepresentative:
      'If you act for another person, please enclose the document that entitles you to do so (court order, family record book, mandate, certificate of inheritance).',
    identityGdprClock: 'The time to answer will start again when we receive it.',
    identityHealth:
      'We cannot send anything before checking your identity (Article R1111-1 of the French public health code).',
    extension: (reason: string, due: string) =>
      `Because of ${reason.replace(/\.$/, '')}, we are extending the time to answer by two months, as Article 12(3) of the GDPR allows. We will answer on ${due} at the latest.`,
    reasons: (r: string) => `Reason: ${r}`,
    complaint:
      'If you are not satisfied with this answer, you may lodge a complaint with the CNIL (www.cnil.fr) and seek a judicial remedy (Article 12(4) of the GDPR).',
    liftIntro: 'At your request, the processing of your data was restricted (Article 18 of the GDPR).',
    lift: 'As Article 18(3) of the GDPR requires, we inform you that this restriction will be lifted: your data will again be used to manage your care.',
    contact: (c: string) => `For any question, you can reach us at: ${c}.`,
    closing: () => 'Yours faithfully,',
    summary: 'In short',
    summaryAccess: (copy: boolean) =>
      `You asked us what data we hold about you${copy ? ' and for a copy of it' : ''}. Below you will find that data, what it is used for, who receives it and how long we keep it.${copy ? ' A copy of this data is given to you; it is free of charge.' : ''}`,
    erased: 'What we have erased',
    kept: 'What we keep, and why',
    nothingHeld: (what: string) => `We hold no other data of this kind about you: ${what}.`,
  },
};

export interface LetterFacts {
  request: RightsRequestResponse;
  decision: Decision | null;
  retentionEndsOn: string | null;
  practice: PracticeResponse;
  /** The validated activities of the register that concern patients; empty until the register is validated. */
  register: ActivityFields[];
}

/** Art. 15(1) (a)-(h) from the practice's own register: purposes with their basis, data, recipients, retention, transfers. */
function art15FromRegister(acts: ActivityFields[], lang: Lang): { heading: string; paragraphs: string[] } {
  const w = REGISTER_WORDS[lang];
  const fr = lang === 'fr';
  const uniq = (xs: string[]) => [...new Set(xs)];
  const retention = (r: { active: string; archive: string }) =>
    [r.active, r.archive].filter(Boolean).join(fr ? ', puis ' : ', then ');
  const transfers = acts.flatMap((a) =>
    a.transfers.map((x) => `${x.recipient} (${x.country}, ${w.safeguards[x.safeguard]})`),
  );
  return {
    heading: ART15[lang].heading,
    paragraphs: [
      `${fr ? 'Finalités et bases légales' : 'Purposes and legal bases'} : ${uniq(acts.flatMap((a) => a.purposes.map((p) => `${p.purpose} (${p.legalBasis ? w.legalBases[p.legalBasis] : '—'}${p.art9Condition ? `, ${w.art9[p.art9Condition]}` : ''})`))).join(' ; ')}.`,
      `${fr ? 'Catégories de données' : 'Categories of data'} : ${uniq(acts.flatMap((a) => [...a.data.map((d) => w.data[d.category]), ...a.sensitive.map((d) => w.sensitive[d.category])])).join(' ; ')}.`,
      `${fr ? 'Destinataires' : 'Recipients'} : ${uniq(acts.flatMap((a) => a.recipients.map((r) => r.details))).join(' ; ')}.`,
      `${fr ? 'Durées de conservation' : 'Retention'} : ${uniq(acts.flatMap((a) => [...a.data.map((d) => `${w.data[d.category]} : ${retention(d.retention)}`), ...a.sensitive.map((d) => `${w.sensitive[d.category]} : ${retention(d.retention)}`)])).join(' ; ')}.`,
      transfers.length
        ? `${fr ? 'Transferts hors de l’Union européenne' : 'Transfers outside the European Union'} : ${transfers.join(' ; ')}.`
        : fr
          ? 'Vos données ne sont pas transférées hors de l’Union européenne.'
          : 'Your data is not transferred outside the European Union.',
      // The source, no automated decision, the rights.
      ...[5, 6, 8, 9].map((i) => ART15[lang].paragraphs[i]!),
    ],
  };
}

/** The letter of `kind` for a request, in `lang`, dated `today` (the practice's day). */
export function requestLetter(kind: LetterKind, f: LetterFacts, lang: Lang, today: string): Letter {
  const t = T[lang];
  const r = f.request;
  const p = f.practice;
  const isHealth = r.kind === 'health_record_access';
  const contact = letterContact(p, lang);
  const who = SALUTATION[lang][r.requester.civility ?? 'unknown'];
  const sections: Letter['sections'] = [];
  if (kind === 'acknowledgement') {
    const dates =
      isHealth && r.earliestOn && r.dueOn
        ? t.healthDates(r.earliestOn, r.dueOn)
        : r.dueOn
          ? t.dueOn(r.dueOn)
          : t.identityGdprClock;
    sections.push({ paragraphs: [t.received(r), dates, t.free] });
  } else if (kind === 'identity_request') {
    sections.push({
      paragraphs: [
        t.received(r),
        t.identity,
        ...(r.requester.relation !== 'self' ? [t.identityRepresentative] : []),
        isHealth ? t.identityHealth : t.identityGdprClock,
      ],
    });
  } else if (kind === 'extension') {
    sections.push({ paragraphs: [t.received(r), t.extension(r.extensionReason ?? '', r.dueOn ?? '')] });
  } else if (kind === 'answer' || kind === 'refusal') {
    sections.push({ paragraphs: [t.received(r)] });
    const d = f.decision;
    const items = d?.items ?? [];
    const text = (it: (typeof items)[number]) =>
      [
        GROUND[lang][it.ground](it.subject, { retentionEndsOn: f.retentionEndsOn }),
        ...(it.reasons ? [t.reasons(it.reasons)] : []),
      ].filter(Boolean);
    const nothing = items.filter((i) => i.ground === 'nothing_held');
    if (r.kind === 'access' && items.some((i) => i.subject === 'art15_information' && i.verdict === 'carried_out')) {
      // A plain summary first; the legal detail after it.
      sections.push({
        heading: t.summary,
        paragraphs: [t.summaryAccess(items.some((i) => i.subject === 'copy' && i.verdict === 'carried_out'))],
      });
    }
    if (r.kind === 'erasure') {
      // What was erased, listed alone; what is kept, with its reason; nothing else.
      const erased = items.filter((i) => i.verdict === 'carried_out');
      const kept = items.filter((i) => i.verdict === 'refused');
      if (erased.length)
        sections.push({
          heading: t.erased,
          paragraphs: erased.map(
            (i) => `${SUBJECT[lang][i.subject]}${lang === 'fr' ? ' : ' : ': '}${text(i).join(' ')}`,
          ),
        });
      if (kept.length) sections.push({ heading: t.kept, paragraphs: kept.flatMap(text) });
    } else {
      for (const it of items.filter((i) => i.ground !== 'nothing_held')) {
        // The Art. 15 information is its own section, under its own heading: not announced first under a second one.
        if (it.subject === 'art15_information' && it.verdict === 'carried_out')
          sections.push(f.register.length > 0 ? art15FromRegister(f.register, lang) : ART15[lang]);
        else sections.push({ heading: SUBJECT[lang][it.subject], paragraphs: text(it) });
      }
    }
    if (nothing.length)
      sections.push({
        paragraphs: [t.nothingHeld(nothing.map((i) => SUBJECT[lang][i.subject].toLowerCase()).join(', '))],
      });
    if (d?.note) sections.push({ paragraphs: [d.note] });
    if (items.some(noActionTaken)) sections.push({ paragraphs: [t.complaint] });
  } else {
    sections.push({ paragraphs: [t.liftIntro, t.lift] });
  }
  sections.push({ paragraphs: [t.contact(contact)] });
  return {
    subject: `${lang === 'fr' ? 'Objet : ' : 'Subject: '}${t.subject(kind, r.kind)}`,
    to: { name: r.requester.name, address: r.requester.address },
    dated: datedLine(p.address, today, lang),
    salutation: `${who},`,
    sections,
    closing: t.closing(who),
    signature: `${p.controllerName}\n${p.name}`,
  };
}
