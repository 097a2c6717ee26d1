import { countryName, PROCESSOR_WORDS } from '../../../contracts/processor-labels.js';
import type { Processor } from '../../../contracts/processors.js';
import { REGISTER_WORDS } from '../../../contracts/register-labels.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import type { SimpleDoc } from '../../platform/documents/docx.js';
import { dayInWords, townOf } from '../../platform/documents/letter.js';
import { bare, lowerFirst } from './processors.documents.js';
import { placeOf } from './processors.rules.js';

type Lang = 'fr' | 'en';

/** What the clauses are written from: the practice, the processor, the register activities it serves, the day. */
export interface ClausesFacts {
  practice: PracticeResponse;
  processor: Processor;
  activities: string[];
  today: string;
}

/** The breach-notice delay written in the clauses when the processor has committed to none: the seed's model clause. */
export const DEFAULT_BREACH_NOTICE_HOURS = 48;

const dataWords = (p: Processor, lang: Lang) => {
  const w = REGISTER_WORDS[lang];
  const words: Record<string, string> = { ...w.data, ...w.sensitive };
  return p.dataCategories.map((c, i) => (i === 0 ? (words[c] ?? c) : lowerFirst(words[c] ?? c))).join(', ');
};
/** An address on one line, inside a sentence. */
const oneLine = (a: string) =>
  a
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .join(', ');
/** "représenté par le Dr Lefèvre" (a title takes its article), "représenté par Claire Martin". */
const by = (name: string) => (/^(dr|pr)\.?\s/i.test(name) ? `le ${name}` : name);
/** Room for a hand-written signature under each party's line. */
const SIGN_SPACE = ['\u00a0', '\u00a0', '\u00a0'];

/**
 * How a transfer to the country of storage is framed (Chapter V): the safeguard the practice recorded; with none, a full
 * adequacy decision, else the Commission's standard clauses 2021/914 to sign with the addendum.
 */
function transferBasis(st: NonNullable<Processor['storage']>): 'bcr' | 'adequacy' | 'scc' {
  if (st.transferMechanism === 'bcr' || st.transferMechanism === 'scc') return st.transferMechanism;
  // An adequacy decision frames a transfer only where one exists (a partial one when the practice says it applies).
  if (st.adequacy && (st.transferMechanism === 'adequacy' || st.adequacyScope === 'full')) return 'adequacy';
  return 'scc';
}

const TRANSFER = {
  fr: {
    bcr: 'Ce pays est situé hors de l’Espace économique européen : le transfert y est encadré par les règles d’entreprise contraignantes du Sous-traitant (article 47 du RGPD), dont il remet la copie au Responsable de traitement.',
    adequacy:
      'Ce pays est situé hors de l’Espace économique européen : le transfert y est couvert par une décision d’adéquation de la Commission européenne (article 45 du RGPD), dont le Sous-traitant justifie qu’elle lui est applicable.',
    scc: 'Ce pays est situé hors de l’Espace économique européen : le transfert y est encadré par les clauses contractuelles types de la Commission européenne (décision 2021/914, article 46 du RGPD), que le Sous-traitant s’engage à conclure avec le Responsable de traitement avant tout transfert.',
  },
  en: {
    bcr: 'This country is outside the European Economic Area: the transfer is framed by the Processor’s binding corporate rules (Article 47 GDPR), a copy of which it gives the Controller.',
    adequacy:
      'This country is outside the European Economic Area: the transfer is covered by a European Commission adequacy decision (Article 45 GDPR), which the Processor shows applies to it.',
    scc: 'This country is outside the European Economic Area: the transfer is framed by the European Commission’s standard contractual clauses (Decision 2021/914, Article 46 GDPR), which the Processor undertakes to conclude with the Controller before any transfer.',
  },
} as const;

/** Remote access from outside the EEA is a transfer to wherever the team is: framed by the safeguard recorded. */
const remoteBasis = (st: NonNullable<Processor['storage']>): 'bcr' | 'adequacy' | 'scc' =>
  st.transferMechanism === 'bcr' || st.transferMechanism === 'adequacy' ? st.transferMechanism : 'scc';

const REMOTE = {
  fr: {
    bcr: 'L’accès aux données depuis un pays situé hors de l’Espace économique européen (support, maintenance) constitue un transfert, encadré par les règles d’entreprise contraignantes du Sous-traitant (article 47 du RGPD).',
    adequacy:
      'L’accès aux données depuis un pays situé hors de l’Espace économique européen (support, maintenance) constitue un transfert, limité aux pays couverts par une décision d’adéquation de la Commission européenne (article 45 du RGPD), que le Sous-traitant désigne par écrit.',
    scc: 'L’accès aux données depuis un pays situé hors de l’Espace économique européen (support, maintenance) constitue un transfert, encadré par les clauses contractuelles types de la Commission européenne (décision 2021/914), que le Sous-traitant s’engage à conclure avant tout accès.',
  },
  en: {
    bcr: 'Access to the data from a country outside the European Economic Area (support, maintenance) is a transfer, framed by the Processor’s binding corporate rules (Article 47 GDPR).',
    adequacy:
      'Access to the data from a country outside the European Economic Area (support, maintenance) is a transfer, limited to countries covered by a European Commission adequacy decision (Article 45 GDPR), which the Processor names in writing.',
    scc: 'Access to the data from a country outside the European Economic Area (support, maintenance) is a transfer, framed by the European Commission’s standard contractual clauses (Decision 2021/914), which the Processor undertakes to conclude before any access.',
  },
} as const;

/** Where the data is and how a transfer out of the EEA is framed, as a clause says it. */
function locationFr(p: Processor): string[] {
  const st = p.storage;
  const out: string[] = [];
  if (st) {
    out.push(`Pays de stockage des données : ${countryName(st.country, 'fr')}.`);
    if (!st.inEea) out.push(TRANSFER.fr[transferBasis(st)]);
  }
  if (st?.remoteAccessOutsideEea) out.push(REMOTE.fr[remoteBasis(st)]);
  out.push(
    'En dehors de ce qui précède et des sous-traitants ultérieurs autorisés à l’article 5, le Sous-traitant ne transfère aucune donnée hors de l’Espace économique européen, y compris par un accès à distance, sans l’autorisation écrite préalable du Responsable de traitement et un encadrement conforme au chapitre V du RGPD. Il informe le Responsable de traitement de tout accès ou demande d’accès émanant d’une autorité d’un État tiers.',
  );
  return out;
}

function locationEn(p: Processor): string[] {
  const st = p.storage;
  const out: string[] = [];
  if (st) {
    out.push(`Country where the data is stored: ${countryName(st.country, 'en')}.`);
    if (!st.inEea) out.push(TRANSFER.en[transferBasis(st)]);
  }
  if (st?.remoteAccessOutsideEea) out.push(REMOTE.en[remoteBasis(st)]);
  out.push(
    'Apart from the above and the sub-processors authorised in Article 5, the Processor transfers no data outside the European Economic Area, including by remote access, without the Controller’s prior written authorisation and safeguards complying with Chapter V GDPR. It informs the Controller of any access, or request for access, by an authority of a third country.',
  );
  return out;
}

const practiceLine = (pr: PracticeResponse, lang: Lang) =>
  [
    pr.name,
    pr.legalForm,
    pr.siren ? `SIREN ${pr.siren}` : null,
    pr.address ? (lang === 'fr' ? `dont l’adresse est ${oneLine(pr.address)}` : `of ${oneLine(pr.address)}`) : null,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * The data-processing clauses (avenant RGPD) of Art. 28(3) GDPR, filled from the practice's and the processor's facts,
 * ready to sign: parties, subject-matter, the eight clauses (a)–(h), the HDS certificate where CSP L1111-8 requires it,
 * the location of the data, dated and with a signature block for each party. French, or English on request.
 */
export function clausesDoc(f: ClausesFacts, lang: Lang): SimpleDoc {
  return lang === 'fr' ? clausesFr(f) : clausesEn(f);
}

function clausesFr({ practice: pr, processor: p, activities, today }: ClausesFacts): SimpleDoc {
  const hours = p.contract.breachNoticeHours ?? DEFAULT_BREACH_NOTICE_HOURS;
  const subs = p.subProcessors.map(
    (s) => `${s.name} (${countryName(s.country, 'fr')})${s.purpose ? ` : ${bare(s.purpose)}` : ''}`,
  );
  const sections: SimpleDoc['sections'] = [
    {
      heading: 'Entre les soussignés',
      paragraphs: [
        `${practiceLine(pr, 'fr')}, représenté par ${by(pr.controllerName)}, ci-après « le Responsable de traitement »,`,
        `et ${p.name}${p.contact.address ? `, dont l’adresse est ${oneLine(p.contact.address)}` : ''}, ci-après « le Sous-traitant ».`,
      ],
    },
    {
      heading: 'Article 1 — Objet',
      paragraphs: [
        `Le présent avenant fixe les conditions dans lesquelles le Sous-traitant traite des données personnelles pour le compte du Responsable de traitement, conformément à l’article 28 du règlement (UE) 2016/679 du 27 avril 2016 (RGPD). Il complète le contrat de prestation conclu entre les parties${p.contract.signedOn ? ` le ${dayInWords(p.contract.signedOn, 'fr')}` : ''} et prévaut sur toute stipulation contraire.`,
        `Prestations confiées : ${bare(p.services) || 'à préciser par les parties'}.`,
        `Nature et finalité du traitement : ${activities.length ? activities.join(' ; ') : 'l’exécution des prestations ci-dessus, pour les besoins de l’activité du cabinet dentaire'}.`,
        `Catégories de données : ${dataWords(p, 'fr') || 'à préciser par les parties'}.`,
        'Catégories de personnes concernées : les patients du cabinet et, le cas échéant, les membres de son équipe.',
        'Durée : celle du contrat de prestation ; les obligations de confidentialité et de sort des données survivent à son terme.',
      ],
    },
    {
      heading: 'Article 2 — Instructions documentées (art. 28.3 a)',
      paragraphs: [
        'Le Sous-traitant ne traite les données que sur instruction documentée du Responsable de traitement, y compris pour tout transfert hors de l’Espace économique européen, sauf obligation légale ; il en informe alors le Responsable de traitement avant le traitement, sauf si la loi l’interdit. Il l’informe immédiatement s’il estime qu’une instruction constitue une violation du RGPD ou du droit national.',
      ],
    },
    {
      heading: 'Article 3 — Confidentialité (art. 28.3 b)',
      paragraphs: [
        'Le Sous-traitant veille à ce que les personnes autorisées à traiter les données s’engagent à respecter la confidentialité ou soient soumises à une obligation légale de confidentialité, et reçoivent la formation nécessaire. Les données de santé sont couvertes par le secret professionnel (article L1110-4 du code de la santé publique).',
      ],
    },
    {
      heading: 'Article 4 — Sécurité (art. 28.3 c)',
      paragraphs: [
        'Le Sous-traitant met en œuvre les mesures techniques et organisationnelles appropriées prévues à l’article 32 du RGPD, notamment l’authentification forte des accès, le chiffrement des données et des flux, la journalisation des accès, des sauvegardes régulières et testées, et la revue périodique de ces mesures.',
      ],
    },
    {
      heading: 'Article 5 — Sous-traitants ultérieurs (art. 28.2, 28.3 d et 28.4)',
      paragraphs: [
        'Le Sous-traitant ne recrute un autre sous-traitant qu’avec l’autorisation écrite préalable du Responsable de traitement ; il l’informe de tout changement envisagé, qui peut être refusé. Il impose au sous-traitant ultérieur les mêmes obligations par contrat et demeure pleinement responsable de leur exécution.',
        subs.length
          ? `Sous-traitants ultérieurs autorisés à la date du présent avenant : ${subs.join(' ; ')}.`
          : 'Aucun sous-traitant ultérieur n’est autorisé à la date du présent avenant.',
        ...(p.subProcessors.some((x) => !placeOf(x.country).inEea)
          ? [
              'Pour tout sous-traitant ultérieur établi hors de l’Espace économique européen, le Sous-traitant garantit un encadrement conforme au chapitre V du RGPD (en principe les clauses contractuelles types de la décision 2021/914), dont il remet la copie au Responsable de traitement.',
            ]
          : []),
      ],
    },
    {
      heading: 'Article 6 — Droits des personnes (art. 28.3 e)',
      paragraphs: [
        'Le Sous-traitant aide le Responsable de traitement, par des mesures appropriées, à répondre aux demandes d’exercice des droits des personnes (accès, rectification, effacement, limitation, portabilité, opposition). Il lui transmet sans délai toute demande qu’il recevrait directement.',
      ],
    },
    {
      heading: 'Article 7 — Assistance et violations de données (art. 28.3 f)',
      paragraphs: [
        'Le Sous-traitant aide le Responsable de traitement à garantir la sécurité du traitement, à notifier les violations de données, à mener une analyse d’impact et à consulter la CNIL le cas échéant (articles 32 à 36 du RGPD).',
        `Il notifie au Responsable de traitement toute violation de données personnelles dans les meilleurs délais après en avoir pris connaissance (article 33.2 du RGPD), et au plus tard dans les ${hours} heures, avec les informations utiles à la notification que le Responsable de traitement doit adresser à la CNIL dans les 72 heures (article 33.1).`,
      ],
    },
    {
      heading: 'Article 8 — Sort des données en fin de contrat (art. 28.3 g)',
      paragraphs: [
        `${p.contract.endOfContract === 'return' ? 'Au terme des prestations, le Sous-traitant restitue l’ensemble des données au Responsable de traitement' : p.contract.endOfContract === 'destruction' ? 'Au terme des prestations, le Sous-traitant détruit l’ensemble des données' : 'Au terme des prestations, le Sous-traitant, au choix du Responsable de traitement, restitue ou détruit l’ensemble des données'}, puis détruit les copies existantes, sauf obligation légale de conservation, et justifie par écrit de cette destruction.`,
      ],
    },
    {
      heading: 'Article 9 — Information et audits (art. 28.3 h)',
      paragraphs: [
        'Le Sous-traitant met à la disposition du Responsable de traitement toutes les informations nécessaires pour démontrer le respect de ses obligations et permet la réalisation d’audits, y compris d’inspections, par le Responsable de traitement ou un auditeur qu’il mandate, et y contribue.',
      ],
    },
  ];
  if (p.hds.required)
    sections.push({
      heading: 'Article 10 — Hébergement de données de santé',
      paragraphs: [
        `Le Sous-traitant héberge des données de santé pour le compte du Responsable de traitement. Il déclare être certifié hébergeur de données de santé conformément à l’article L1111-8 du code de la santé publique${p.hds.certificateNumber ? ` (certificat n° ${p.hds.certificateNumber}${p.hds.certifyingBody ? ` délivré par ${p.hds.certifyingBody}` : ''}${p.hds.expiresOn ? `, valable jusqu’au ${dayInWords(p.hds.expiresOn, 'fr')}` : ''})` : ''}, pour ${p.hds.activities.length ? `les activités suivantes (article R1111-9) : ${p.hds.activities.map((a) => lowerFirst(PROCESSOR_WORDS.fr.hdsActivities[a].replace(/^\d\. /, ''))).join(' ; ')}` : 'les activités couvrant les prestations confiées'}.`,
        'Il s’engage à détenir, pendant toute la durée du contrat, une certification conforme au référentiel approuvé par l’arrêté du 26 avril 2024, et informe sans délai le Responsable de traitement de sa suspension, de son retrait ou de son non-renouvellement.',
      ],
    });
  sections.push({
    heading: `Article ${p.hds.required ? 11 : 10} — Localisation des données et transferts`,
    paragraphs: locationFr(p),
  });
  sections.push({
    heading: 'Signatures',
    paragraphs: [
      `${townOf(pr.address) ? `Fait à ${townOf(pr.address)}, le` : 'Fait le'} ………………………, en deux exemplaires originaux.`,
      `Pour le Responsable de traitement : ${pr.controllerName}, ${bare(pr.name)}. Signature :`,
      ...SIGN_SPACE,
      `Pour le Sous-traitant : ${p.contact.name || 'nom et qualité du signataire'}, ${bare(p.name)}. Signature :`,
      ...SIGN_SPACE,
    ],
  });
  return {
    title: 'Avenant relatif à la protection des données personnelles',
    subtitle: `Clauses de sous-traitance (article 28 du RGPD) entre ${pr.name} et ${p.name}`,
    footer: `Avenant article 28 du RGPD — ${pr.name} et ${p.name} — préparé le ${today.split('-').reverse().join('/')}`,
    lang: 'fr',
    sections,
  };
}

function clausesEn({ practice: pr, processor: p, activities, today }: ClausesFacts): SimpleDoc {
  const hours = p.contract.breachNoticeHours ?? DEFAULT_BREACH_NOTICE_HOURS;
  const subs = p.subProcessors.map(
    (s) => `${s.name} (${countryName(s.country, 'en')})${s.purpose ? `: ${bare(s.purpose)}` : ''}`,
  );
  const sections: SimpleDoc['sections'] = [
    {
      heading: 'Between',
      paragraphs: [
        `${practiceLine(pr, 'en')}, represented by ${pr.controllerName}, hereinafter “the Controller”,`,
        `and ${p.name}${p.contact.address ? `, of ${oneLine(p.contact.address)}` : ''}, hereinafter “the Processor”.`,
      ],
    },
    {
      heading: 'Article 1 — Subject-matter',
      paragraphs: [
        `This addendum sets out the terms on which the Processor processes personal data on behalf of the Controller, under Article 28 of Regulation (EU) 2016/679 of 27 April 2016 (GDPR). It supplements the service agreement between the parties${p.contract.signedOn ? ` of ${dayInWords(p.contract.signedOn, 'en')}` : ''} and prevails over any provision to the contrary.`,
        `Services: ${bare(p.services) || 'to be specified by the parties'}.`,
        `Nature and purpose of the processing: ${activities.length ? activities.join('; ') : 'performing the services above, for the dental practice’s activity'}.`,
        `Types of personal data: ${dataWords(p, 'en') || 'to be specified by the parties'}.`,
        'Categories of data subjects: the practice’s patients and, where relevant, its staff.',
        'Duration: that of the service agreement; the confidentiality and end-of-contract obligations survive it.',
      ],
    },
    {
      heading: 'Article 2 — Documented instructions (Art. 28(3)(a))',
      paragraphs: [
        'The Processor processes the data only on the Controller’s documented instructions, including with regard to transfers outside the European Economic Area, unless required to do so by law, in which case it informs the Controller before processing unless that law prohibits it. It immediately informs the Controller if, in its opinion, an instruction infringes the GDPR or national law.',
      ],
    },
    {
      heading: 'Article 3 — Confidentiality (Art. 28(3)(b))',
      paragraphs: [
        'The Processor ensures that persons authorised to process the data have committed themselves to confidentiality or are under a statutory obligation of confidentiality, and receive the necessary training. Health data is covered by professional secrecy (French public health code, Article L1110-4).',
      ],
    },
    {
      heading: 'Article 4 — Security (Art. 28(3)(c))',
      paragraphs: [
        'The Processor takes the appropriate technical and organisational measures required by Article 32 GDPR, including strong authentication, encryption of data and transmissions, access logging, regular and tested backups, and periodic review of these measures.',
      ],
    },
    {
      heading: 'Article 5 — Sub-processors (Art. 28(2), 28(3)(d) and 28(4))',
      paragraphs: [
        'The Processor engages another processor only with the Controller’s prior written authorisation; it informs the Controller of any intended change, which the Controller may object to. It imposes the same obligations on the sub-processor by contract and remains fully liable for their performance.',
        subs.length
          ? `Sub-processors authorised on the date of this addendum: ${subs.join('; ')}.`
          : 'No sub-processor is authorised on the date of this addendum.',
        ...(p.subProcessors.some((x) => !placeOf(x.country).inEea)
          ? [
              'For any sub-processor established outside the European Economic Area, the Processor ensures safeguards complying with Chapter V GDPR (as a rule the standard contractual clauses of Decision 2021/914), a copy of which it gives the Controller.',
            ]
          : []),
      ],
    },
    {
      heading: 'Article 6 — Data subjects’ rights (Art. 28(3)(e))',
      paragraphs: [
        'The Processor assists the Controller, by appropriate measures, in answering requests to exercise data subjects’ rights (access, rectification, erasure, restriction, portability, objection). It forwards without delay any request it receives directly.',
      ],
    },
    {
      heading: 'Article 7 — Assistance and personal data breaches (Art. 28(3)(f))',
      paragraphs: [
        'The Processor assists the Controller in ensuring the security of processing, notifying personal data breaches, carrying out data protection impact assessments and consulting the CNIL where needed (Articles 32 to 36 GDPR).',
        `It notifies the Controller of any personal data breach without undue delay after becoming aware of it (Article 33(2) GDPR), and within ${hours} hours at the latest, with the information the Controller needs for its own notification to the CNIL within 72 hours (Article 33(1)).`,
      ],
    },
    {
      heading: 'Article 8 — End of the contract (Art. 28(3)(g))',
      paragraphs: [
        `${p.contract.endOfContract === 'return' ? 'At the end of the services, the Processor returns all the data to the Controller' : p.contract.endOfContract === 'destruction' ? 'At the end of the services, the Processor deletes all the data' : 'At the end of the services, the Processor, at the Controller’s choice, returns or deletes all the data'}, then deletes existing copies unless the law requires their storage, and confirms the deletion in writing.`,
      ],
    },
    {
      heading: 'Article 9 — Information and audits (Art. 28(3)(h))',
      paragraphs: [
        'The Processor makes available to the Controller all information necessary to demonstrate compliance with its obligations and allows for and contributes to audits, including inspections, conducted by the Controller or an auditor it mandates.',
      ],
    },
  ];
  if (p.hds.required)
    sections.push({
      heading: 'Article 10 — Hosting of health data',
      paragraphs: [
        `The Processor hosts health data on the Controller’s behalf. It declares that it is a certified health data host under Article L1111-8 of the French public health code${p.hds.certificateNumber ? ` (certificate no. ${p.hds.certificateNumber}${p.hds.certifyingBody ? ` issued by ${p.hds.certifyingBody}` : ''}${p.hds.expiresOn ? `, valid until ${dayInWords(p.hds.expiresOn, 'en')}` : ''})` : ''}, for ${p.hds.activities.length ? `the following activities (Article R1111-9): ${p.hds.activities.map((a) => lowerFirst(PROCESSOR_WORDS.en.hdsActivities[a].replace(/^\d\. /, ''))).join('; ')}` : 'the activities covering the services'}.`,
        'It undertakes to hold, for the whole term of the contract, a certification under the referential approved by the arrêté of 26 April 2024, and informs the Controller without delay of its suspension, withdrawal or non-renewal.',
      ],
    });
  sections.push({
    heading: `Article ${p.hds.required ? 11 : 10} — Location of the data and transfers`,
    paragraphs: locationEn(p),
  });
  sections.push({
    heading: 'Signatures',
    paragraphs: [
      `${townOf(pr.address) ? `Signed in ${townOf(pr.address)} on` : 'Signed on'} ………………………, in two originals.`,
      `For the Controller: ${pr.controllerName}, ${bare(pr.name)}. Signature:`,
      ...SIGN_SPACE,
      `For the Processor: ${p.contact.name || 'name and title of the signatory'}, ${bare(p.name)}. Signature:`,
      ...SIGN_SPACE,
    ],
  });
  return {
    title: 'Data processing addendum',
    subtitle: `Processor clauses (Article 28 GDPR) between ${pr.name} and ${p.name}`,
    footer: `Article 28 GDPR addendum — ${pr.name} and ${p.name} — prepared on ${today}`,
    lang: 'en',
    sections,
  };
}
