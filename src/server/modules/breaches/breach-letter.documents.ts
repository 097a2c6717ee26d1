import type { BreachDetail } from '../../../contracts/breaches.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { datedLine, dayInWords, letterContact, type Letter } from '../../platform/documents/letter.js';
import { DATA_LABELS, label } from './breaches.labels.js';
import { parisWallTime } from './breaches.rules.js';

import type { Lang } from '../../platform/http/messages.js';

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
