import { countryName, PROCESSOR_WORDS } from '../../../contracts/processor-labels.js';
import { confidentialityCovered, type Processor } from '../../../contracts/processors.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { toCsv } from '../../platform/documents/csv.js';
import { documentDay } from '../../platform/documents/format.js';
import { datedLine, dayInWords, type Letter } from '../../platform/documents/letter.js';
import { renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { toXlsx } from '../../platform/documents/xlsx.js';

type Lang = 'fr' | 'en';

/** A text as it goes inside a sentence: without its closing full stop (the sentence has its own). */
export const bare = (s: string) => s.trim().replace(/[.\s]+$/, '');

/** "Fabrication des prothèses" → "fabrication des prothèses" inside a sentence ("HDS…", an acronym, stays). */
export const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** How the letter greets its reader: by the contact's civility when the name gives it, else both. */
function salute(contact: string, lang: Lang): string {
  if (/^(mme|madame|mrs|ms)\b/i.test(contact.trim())) return lang === 'fr' ? 'Madame' : 'Dear Madam';
  if (/^(m\.|monsieur|mr)\b/i.test(contact.trim()) || /^m\.\s/i.test(contact.trim()))
    return lang === 'fr' ? 'Monsieur' : 'Dear Sir';
  return lang === 'fr' ? 'Madame, Monsieur' : 'Dear Sir or Madam';
}

/**
 * The questionnaire the practice sends a processor to collect what Art. 28 and the HDS rules ask it to check: a letter,
 * addressed, dated and signed, with the questions numbered and room for the answers.
 */
export function questionnaireLetter(pr: PracticeResponse, p: Processor, today: string, lang: Lang): Letter {
  const fr = lang === 'fr';
  const q = (n: string, text: string) => `${n} ${text}${fr ? ' Réponse :' : ' Answer:'} …………………………………………`;
  const sections: Letter['sections'] = fr
    ? [
        {
          paragraphs: [
            `Vous assurez pour notre cabinet la prestation suivante : ${lowerFirst(bare(p.services) || PROCESSOR_WORDS.fr.kinds[p.kind])}. À ce titre, vous traitez des données personnelles de nos patients. Le règlement général sur la protection des données (article 28) nous impose de vérifier les garanties que vous présentez et de les formaliser par écrit. Nous vous remercions de bien vouloir répondre aux questions suivantes et de joindre les justificatifs demandés.`,
          ],
        },
        {
          heading: '1. Contrat',
          paragraphs: [
            q(
              '1.1',
              'Votre contrat ou vos conditions générales comportent-ils les clauses de l’article 28.3 du RGPD (instructions, confidentialité, sécurité, sous-traitants ultérieurs, aide aux droits des personnes et aux violations, sort des données, audits) ? Merci d’indiquer les articles concernés.',
            ),
            q(
              '1.2',
              'Acceptez-vous, à défaut, de signer l’avenant que nous vous proposons ou les clauses contractuelles types de la Commission européenne (décision 2021/915) ?',
            ),
          ],
        },
        {
          heading: '2. Hébergement de données de santé',
          paragraphs: [
            q(
              '2.1',
              'Hébergez-vous des données de santé pour notre compte ? Si oui, êtes-vous certifié hébergeur de données de santé (article L1111-8 du code de la santé publique) ? Merci de joindre le certificat (numéro, organisme certificateur, activités couvertes, date d’expiration).',
            ),
            q('2.2', 'Votre certificat a-t-il été renouvelé selon le référentiel de 2024 (arrêté du 26 avril 2024) ?'),
          ],
        },
        {
          heading: '3. Localisation des données et transferts',
          paragraphs: [
            q('3.1', 'Dans quel pays les données sont-elles stockées, y compris les sauvegardes ?'),
            q(
              '3.2',
              'Des équipes situées hors de l’Espace économique européen (support, maintenance, société mère) peuvent-elles y accéder ? Si oui, sur quel fondement (décision d’adéquation, clauses contractuelles types 2021/914, règles d’entreprise contraignantes) ?',
            ),
          ],
        },
        {
          heading: '4. Sécurité et confidentialité',
          paragraphs: [
            q(
              '4.1',
              'Quelles mesures de sécurité appliquez-vous (authentification forte, chiffrement, journalisation, sauvegardes testées) ?',
            ),
            q(
              '4.2',
              'Les membres de votre personnel qui accèdent aux données ont-ils signé un engagement de confidentialité ?',
            ),
          ],
        },
        {
          heading: '5. Sous-traitants ultérieurs',
          paragraphs: [
            q(
              '5.1',
              'Faites-vous appel à d’autres prestataires pour ces données ? Merci d’indiquer leur nom, leur pays et leur rôle.',
            ),
          ],
        },
        {
          heading: '6. Violations de données',
          paragraphs: [
            q(
              '6.1',
              'Dans quel délai vous engagez-vous à nous informer d’une violation de données ? Nous devons nous-mêmes notifier la CNIL dans les 72 heures (article 33 du RGPD) : nous vous proposons 48 heures au plus.',
            ),
          ],
        },
        {
          heading: '7. Fin du contrat',
          paragraphs: [
            q(
              '7.1',
              'Comment nous restituez-vous les données, et comment justifiez-vous leur destruction, à la fin du contrat ?',
            ),
          ],
        },
      ]
    : [
        {
          paragraphs: [
            `You provide our practice with the following service: ${lowerFirst(bare(p.services) || PROCESSOR_WORDS.en.kinds[p.kind])}. In doing so, you process our patients’ personal data. The General Data Protection Regulation (Article 28) requires us to check the guarantees you provide and to set them down in writing. Please answer the questions below and attach the documents asked for.`,
          ],
        },
        {
          heading: '1. Contract',
          paragraphs: [
            q(
              '1.1',
              'Does your contract or do your terms hold the Article 28(3) GDPR clauses (instructions, confidentiality, security, sub-processors, assistance with rights and breaches, end of contract, audits)? Please give the articles.',
            ),
            q(
              '1.2',
              'If not, will you sign the addendum we propose, or the European Commission’s standard contractual clauses (Decision 2021/915)?',
            ),
          ],
        },
        {
          heading: '2. Hosting of health data',
          paragraphs: [
            q(
              '2.1',
              'Do you host health data on our behalf? If so, are you a certified health data host (French public health code, Article L1111-8)? Please attach the certificate (number, certifying body, activities covered, expiry date).',
            ),
            q('2.2', 'Has your certificate been renewed under the 2024 referential (arrêté of 26 April 2024)?'),
          ],
        },
        {
          heading: '3. Location of the data and transfers',
          paragraphs: [
            q('3.1', 'In which country is the data stored, backups included?'),
            q(
              '3.2',
              'Can teams outside the European Economic Area (support, maintenance, parent company) reach it? If so, on what basis (adequacy decision, standard contractual clauses 2021/914, binding corporate rules)?',
            ),
          ],
        },
        {
          heading: '4. Security and confidentiality',
          paragraphs: [
            q(
              '4.1',
              'Which security measures do you apply (strong authentication, encryption, logging, tested backups)?',
            ),
            q('4.2', 'Have your staff who reach the data signed a confidentiality undertaking?'),
          ],
        },
        {
          heading: '5. Sub-processors',
          paragraphs: [
            q('5.1', 'Do you use other providers for this data? Please give their names, countries and roles.'),
          ],
        },
        {
          heading: '6. Personal data breaches',
          paragraphs: [
            q(
              '6.1',
              'Within what delay do you commit to telling us of a personal data breach? We must notify the CNIL within 72 hours (Article 33 GDPR): we propose 48 hours at most.',
            ),
          ],
        },
        {
          heading: '7. End of the contract',
          paragraphs: [
            q(
              '7.1',
              'How do you return the data to us, and how do you attest its deletion, at the end of the contract?',
            ),
          ],
        },
      ];
  return {
    to: {
      name: p.contact.name
        ? `${p.name}\n${fr ? 'À l’attention de' : 'For the attention of'} ${p.contact.name}`
        : p.name,
      address: p.contact.address || null,
    },
    dated: datedLine(pr.address, today, lang),
    subject: fr
      ? 'Objet : questionnaire sur la protection des données personnelles (article 28 du RGPD)'
      : 'Subject: questionnaire on the protection of personal data (Article 28 GDPR)',
    salutation: `${salute(p.contact.name, lang)},`,
    sections,
    closing: fr
      ? `Nous vous remercions de nous retourner ce questionnaire complété, accompagné des justificatifs, dans un délai d’un mois. Nous vous prions d’agréer, ${salute(p.contact.name, lang)}, l’expression de nos salutations distinguées.`
      : 'Thank you for returning this questionnaire, completed and with the supporting documents, within one month. Yours faithfully,',
    signature: `${pr.controllerName}\n${pr.name}`,
  };
}

const yesNo = (v: boolean | null, lang: Lang) =>
  v === null
    ? lang === 'fr'
      ? 'non renseigné'
      : 'not entered'
    : v
      ? lang === 'fr'
        ? 'oui'
        : 'yes'
      : lang === 'fr'
        ? 'non'
        : 'no';

/** One line of the list: the seed's checklist at a glance (contract, HDS, EU storage, confidentiality, security charter). */
export function listRow(p: Processor, lang: Lang): string[] {
  const w = PROCESSOR_WORDS[lang];
  const day = (d: string | null) => documentDay(d, lang);
  return [
    p.name,
    w.kinds[p.kind],
    w.roles[p.role],
    p.contract.signedOn
      ? day(p.contract.signedOn)
      : p.role === 'separate_controller'
        ? lang === 'fr'
          ? 'sans objet'
          : 'not applicable'
        : lang === 'fr'
          ? 'non signé'
          : 'not signed',
    p.contract.missingClauses.map((c) => w.clauses[c]).join('\n'),
    w.hdsStatuses[p.hds.status],
    [
      p.hds.certificateNumber,
      p.hds.expiresOn && `${lang === 'fr' ? 'expire le' : 'expires on'} ${day(p.hds.expiresOn)}`,
    ]
      .filter(Boolean)
      .join(lang === 'fr' ? ', ' : ', '),
    p.storage
      ? `${countryName(p.storage.country, lang)}${p.storage.inEea ? (lang === 'fr' ? ' (EEE)' : ' (EEA)') : ''}`
      : '',
    yesNo(confidentialityCovered(p), lang),
    yesNo(p.securityCharter, lang),
    day(p.lastReviewedOn),
    day(p.reviewDueOn),
    [
      ...(p.endedOn
        ? [lang === 'fr' ? `• Relation terminée le ${day(p.endedOn)}` : `• Relationship ended on ${day(p.endedOn)}`]
        : []),
      ...p.issues.map((i) => `• ${w.issues[i]}`),
    ].join('\n'),
  ];
}

export function listHeader(lang: Lang): string[] {
  return lang === 'fr'
    ? [
        'Nom',
        'Type',
        'Rôle',
        'Contrat signé le',
        'Clauses manquantes',
        'HDS',
        'Certificat HDS',
        'Stockage',
        'Confidentialité',
        'Charte de sécurité',
        'Dernière revue',
        'Prochaine revue',
        'Points à traiter',
      ]
    : [
        'Name',
        'Kind',
        'Role',
        'Contract signed on',
        'Missing clauses',
        'HDS',
        'HDS certificate',
        'Storage',
        'Confidentiality',
        'Security charter',
        'Last review',
        'Next review',
        'Points to address',
      ];
}

const title = (lang: Lang) => (lang === 'fr' ? 'Liste des sous-traitants et partenaires' : 'Processors and partners');

export function listPdf(pr: PracticeResponse, items: Processor[], today: string, lang: Lang): Promise<Buffer> {
  const head = listHeader(lang);
  const cols = [0, 1, 3, 4, 5, 6, 7, 8, 12];
  const content: PdfNode[] = [
    { text: title(lang), style: 'title' },
    { text: `${pr.name} — ${lang === 'fr' ? 'au' : 'as of'} ${dayInWords(today, lang)}`, style: 'subtitle' },
  ];
  if (items.length === 0)
    content.push(
      lang === 'fr' ? 'Aucun sous-traitant n’est enregistré à cette date.' : 'No processor is recorded on this date.',
    );
  else
    content.push({
      table: {
        widths: [90, 70, 52, 140, 56, 66, 58, 52, '*'],
        headerRows: 1,
        dontBreakRows: true,
        body: [
          cols.map((i): PdfNode => ({ text: head[i]!, bold: true, fontSize: 8 })),
          ...items.map((p) => {
            const row = listRow(p, lang);
            return cols.map((i): PdfNode => ({ text: row[i] ?? '', fontSize: 8 }));
          }),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  return renderPdf({
    title: `${title(lang)} — ${pr.name}`,
    footer: `${title(lang)} — ${pr.name} — ${dayInWords(today, lang)}`,
    content,
    pageLabel: (n, m) => (lang === 'fr' ? `page ${n} / ${m}` : `page ${n} of ${m}`),
    margins: [36, 40, 36, 40],
    landscape: true,
  });
}

export const listXlsx = (items: Processor[], lang: Lang, created: Date) =>
  toXlsx(
    [
      {
        name: lang === 'fr' ? 'Sous-traitants' : 'Processors',
        header: listHeader(lang),
        rows: items.map((p) => listRow(p, lang)),
        widths: [30, 26, 22, 16, 40, 22, 24, 20, 16, 16, 14, 14, 50],
      },
    ],
    created,
  );

export const listCsv = (items: Processor[], lang: Lang) =>
  toCsv(
    listHeader(lang),
    items.map((p) => listRow(p, lang)),
  );
