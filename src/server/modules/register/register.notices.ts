import type { PracticeResponse } from '../../../contracts/practices.js';
import type { ActivityFields, NoticeKind } from '../../../contracts/register.js';
import { renderDocx } from '../../platform/documents/docx.js';
import type { FileOut } from '../../platform/documents/file.js';
import { DOCX_TYPE, PDF_TYPE, TEXT_TYPE } from '../../platform/documents/file.js';
import { pageCount, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { practiceReach } from '../../platform/documents/letter.js';
import type { Lang } from '../../platform/http/messages.js';

/** A notice for patients: a title and short sections, in plain words (GDPR Art. 12(1), 13). */
export interface Notice {
  title: string;
  sections: { heading?: string; paragraphs: string[]; list?: string[] }[];
}

/** Drops the legal references in brackets: a patient reads the purpose, not the article. */
const plain = (s: string) => s.replace(/\s*\([^)]*\)/g, '').trim();
const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
/** A register's text inside a sentence: "Durée de la relation" → "durée de la relation" (an acronym stays as it is). */
const inSentence = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
/** "au Cabinet du Port", "au cabinet Dr Martin": the word is not doubled when the name already has it. */
const atPractice = (name: string, fr: boolean) =>
  fr ? (/^cabinet\b/i.test(name) ? `au ${name}` : `au cabinet ${name}`) : `at ${name}`;

/** The plain words for a legal basis, as a patient reads them (Art. 13(1)(c)). */
const BASIS: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    consent: 'avec votre accord',
    contract: 'pour les soins que vous nous demandez',
    legal_obligation: 'la loi nous y oblige',
    vital_interests: 'pour protéger votre vie',
    public_interest: 'mission d’intérêt public',
    legitimate_interest: 'notre intérêt légitime',
  },
  en: {
    consent: 'with your consent',
    contract: 'for the care you ask of us',
    legal_obligation: 'the law requires it',
    vital_interests: 'to protect your life',
    public_interest: 'a task in the public interest',
    legitimate_interest: 'our legitimate interest',
  },
};

/** The activity holding the patient record: its retention is the record's (not billing's, whatever the order). */
export function recordActivity(activities: readonly ActivityFields[]): ActivityFields | undefined {
  const health = activities.filter((a) => a.sensitive.some((s) => s.category === 'health'));
  return (
    health.find((a) =>
      a.purposes.some((p) => p.art9Condition === 'health_care' && /dossier|record/i.test(p.purpose)),
    ) ??
    health.find((a) => a.purposes.some((p) => p.art9Condition === 'health_care')) ??
    health[0]
  );
}

/**
 * The patient information, generated from the practice identity and the activities of the register that concern
 * patients (Art. 13(1)–(2): who and how to reach them, the DPO, each purpose with its basis and the legitimate
 * interests, recipients, transfers, retention, rights, complaint, whether the data must be given). Short sentences.
 */
export function buildNotice(kind: NoticeKind, p: PracticeResponse, activities: ActivityFields[], lang: Lang): Notice {
  const fr = lang === 'fr';
  const forPatients = activities.filter((a) =>
    a.people.some((x) => x.category === 'patients' || x.category === 'visitors'),
  );
  const purposeList = forPatients.flatMap((a) => a.purposes.filter((x) => !/cookie|audience/i.test(x.purpose)));
  const purposes = unique(
    purposeList.map((x) => `${plain(x.purpose)}${x.legalBasis ? ` : ${BASIS[lang][x.legalBasis]}` : ''}`),
  );
  const recipients = unique(
    forPatients.flatMap((a) =>
      a.recipients.filter((r) => r.type !== 'internal' && r.type !== 'third_country').map((r) => plain(r.details)),
    ),
  );
  const transfers = unique(forPatients.flatMap((a) => a.transfers.map((x) => `${plain(x.recipient)} (${x.country})`)));
  const care = recordActivity(forPatients);
  const record = care?.sensitive.find((s) => s.category === 'health')?.retention;
  const billing = forPatients
    .find((a) => a !== care && a.data.some((d) => d.category === 'economic'))
    ?.data.find((d) => d.category === 'economic')?.retention;
  const obligation = purposeList.some((x) => x.legalBasis === 'legal_obligation');
  const reminders = purposeList.some((x) => /rappel|reminder/i.test(x.purpose));
  const nir = forPatients.some((a) => a.data.some((d) => d.category === 'nir'));
  const website = activities.find((a) => a.data.some((d) => d.category === 'internet'));
  const reach = practiceReach(p, lang);
  const contact = [p.name, p.address, reach].filter(Boolean).join(', ');
  const who = fr
    ? `${p.controllerName}, ${p.name}${p.address ? `, ${p.address}` : ''}, est responsable de vos données.`
    : `${p.controllerName}, ${p.name}${p.address ? `, ${p.address}` : ''}, is responsible for your data.`;
  const reachLine = reach ? (fr ? `Pour nous joindre : ${reach}.` : `To reach us: ${reach}.`) : '';
  const dpo = p.dpoContact
    ? fr
      ? `Délégué à la protection des données : ${p.dpoContact}.`
      : `Data protection officer: ${p.dpoContact}.`
    : '';
  const keep = [
    record
      ? fr
        ? `Votre dossier est gardé ${inSentence(plain(record.active))}${record.archive ? `, puis ${inSentence(plain(record.archive))}` : ''}. Ensuite, il est détruit ou rendu anonyme.`
        : `Your record is kept ${plain(record.active)}${record.archive ? `, then ${plain(record.archive)}` : ''}. After that, it is destroyed or made anonymous.`
      : fr
        ? 'Vos données sont gardées le temps prévu par la loi, puis détruites.'
        : 'Your data is kept for the time set by law, then destroyed.',
    ...(billing
      ? [
          fr
            ? `Vos factures : ${inSentence(plain(billing.active))}${billing.archive ? `, puis ${inSentence(plain(billing.archive))}` : ''}.`
            : `Your invoices: ${inSentence(plain(billing.active))}${billing.archive ? `, then ${inSentence(plain(billing.archive))}` : ''}.`,
        ]
      : []),
  ];
  const rights = fr
    ? [
        'Vous pouvez voir vos données et en avoir une copie. La première copie est gratuite.',
        'Vous pouvez faire corriger une erreur.',
        'Vous pouvez demander l’effacement de certaines données ou limiter leur usage. Votre dossier médical, lui, doit être gardé.',
        'Vous pouvez refuser le partage de vos informations avec d’autres soignants.',
        ...(reminders ? ['Vous pouvez refuser les rappels par SMS à tout moment.'] : []),
        'Vous pouvez refuser tout message sans lien avec vos soins.',
      ]
    : [
        'You can see your data and get a copy. The first copy is free.',
        'You can have a mistake corrected.',
        'You can ask us to erase some data or to limit its use. Your medical record, however, must be kept.',
        'You can refuse that your information be shared with other carers.',
        ...(reminders ? ['You can refuse text-message reminders at any time.'] : []),
        'You can refuse any message unrelated to your care.',
      ];
  // Art. 12(3): one month; the dental record has its own clock, CSP L1111-7 / R1111-1: 8 days, 2 months past five years.
  const ask = fr
    ? [
        `Pour cela, parlez-en à l’accueil ou écrivez-nous : ${contact}.`,
        'Nous répondons dans un délai d’un mois.',
        'Une copie de votre dossier médical vous est remise sous 8 jours. Comptez 2 mois si les informations ont plus de cinq ans.',
      ]
    : [
        `To do so, ask at the reception desk or write to us: ${contact}.`,
        'We answer within one month.',
        'A copy of your medical record is given to you within 8 days. Allow 2 months if the information is more than five years old.',
      ];
  const cnil = fr
    ? 'Si vous n’êtes pas satisfait, vous pouvez vous adresser à la CNIL : www.cnil.fr.'
    : 'If you are not satisfied, you can contact the CNIL: www.cnil.fr.';
  const secret = fr
    ? 'Tout ce qui concerne votre santé est couvert par le secret professionnel.'
    : 'Everything about your health is covered by professional secrecy.';
  const why = fr
    ? obligation
      ? 'La loi nous oblige à tenir votre dossier médical.'
      : 'Nous utilisons vos données pour vous soigner.'
    : obligation
      ? 'The law requires us to keep your medical record.'
      : 'We use your data to care for you.';
  // Art. 13(2)(e): whether the data must be given, and what follows if not.
  const needed = fr
    ? [
        'Sans vos informations de santé, nous ne pouvons pas vous soigner en sécurité.',
        ...(nir
          ? ['Sans votre numéro de sécurité sociale, vous réglez les soins et demandez vous-même le remboursement.']
          : []),
      ]
    : [
        'Without your health information, we cannot care for you safely.',
        ...(nir ? ['Without your social security number, you pay for the care and claim the refund yourself.'] : []),
      ];
  const where = transfers.length
    ? fr
      ? 'Certaines données sortent de l’Union européenne, avec des garanties :'
      : 'Some data leaves the European Union, with safeguards:'
    : fr
      ? 'Vos données restent dans l’Union européenne.'
      : 'Your data stays in the European Union.';
  if (kind === 'booking') {
    return {
      title: fr ? 'Vos données et votre rendez-vous' : 'Your data and your appointment',
      sections: [
        {
          paragraphs: [
            fr
              ? `${p.name} utilise vos coordonnées pour gérer votre rendez-vous${reminders ? ' et vous le rappeler' : ''}.`
              : `${p.name} uses your contact details to manage your appointment${reminders ? ' and remind you of it' : ''}.`,
            fr
              ? 'N’indiquez pas le motif de votre visite si ce n’est pas utile.'
              : 'Do not give the reason for your visit unless it is needed.',
            fr ? `Vos droits et nos coordonnées : ${contact}.` : `Your rights and our contact details: ${contact}.`,
          ],
        },
      ],
    };
  }
  if (kind === 'poster') {
    return {
      title: fr ? 'Vos données personnelles' : 'Your personal data',
      sections: [
        {
          paragraphs: [
            who,
            secret,
            why,
            fr
              ? 'Vous pouvez voir vos données, en avoir une copie gratuite et faire corriger une erreur.'
              : 'You can see your data, get a free copy and have a mistake corrected.',
            fr
              ? 'Demandez la note d’information à l’accueil.'
              : 'Ask for the information notice at the reception desk.',
            cnil,
          ],
        },
      ],
    };
  }
  const sections: Notice['sections'] = [
    {
      heading: fr ? 'Qui est responsable ?' : 'Who is responsible?',
      paragraphs: [who, reachLine, dpo].filter(Boolean),
    },
    {
      heading: fr ? 'Pourquoi nous utilisons vos données' : 'Why we use your data',
      paragraphs: [why, secret],
      list: purposes,
    },
    { heading: fr ? 'Devez-vous nous les donner ?' : 'Must you give them to us?', paragraphs: needed },
    {
      heading: fr ? 'Qui les reçoit' : 'Who receives it',
      paragraphs: [
        fr
          ? 'Les personnes du cabinet qui s’occupent de vous. Et, si besoin :'
          : 'The practice staff who look after you. And, when needed:',
      ],
      list: recipients,
    },
    {
      heading: fr ? 'Où sont-elles gardées ?' : 'Where is it kept?',
      paragraphs: [where],
      ...(transfers.length ? { list: transfers } : {}),
    },
    { heading: fr ? 'Combien de temps' : 'For how long', paragraphs: keep },
    { heading: fr ? 'Vos droits' : 'Your rights', paragraphs: [...rights, ...ask] },
    { heading: fr ? 'Réclamation' : 'Complaints', paragraphs: [cnil] },
  ];
  if (kind === 'website' && website) {
    sections.splice(6, 0, {
      heading: fr ? 'Ce site et les cookies' : 'This website and cookies',
      paragraphs: fr
        ? [
            'Le formulaire de contact sert à vous répondre. N’y écrivez rien sur votre santé.',
            'Les cookies qui ne sont pas nécessaires ne sont déposés qu’avec votre accord. Votre choix est gardé six mois.',
          ]
        : [
            'The contact form is used to answer you. Do not write anything about your health in it.',
            'Cookies that are not needed are only set with your consent. Your choice is kept for six months.',
          ],
    });
  }
  return { title: `${fr ? 'Vos données personnelles' : 'Your personal data'} ${atPractice(p.name, fr)}`, sections };
}

/** The notice as plain text: every sentence the patient reads (also what the readability check measures). */
export function noticeText(n: Notice): string {
  const out = [n.title, ''];
  for (const s of n.sections) {
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs, ...(s.list ?? []).map((x) => `- ${x}.`), '');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone HTML page (for the website, or to paste into it): headings, paragraphs, lists, nothing else. */
export function noticeHtml(n: Notice, lang: Lang): string {
  const body = n.sections
    .map((s) =>
      [
        s.heading ? `<h2>${esc(s.heading)}</h2>` : '',
        ...s.paragraphs.map((p) => `<p>${esc(p)}</p>`),
        s.list?.length ? `<ul>${s.list.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '',
      ].join('\n'),
    )
    .join('\n');
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${esc(n.title)}</title>\n</head>\n<body>\n<h1>${esc(n.title)}</h1>\n${body}\n</body>\n</html>\n`;
}

export async function noticeFile(
  n: Notice,
  kind: NoticeKind,
  format: 'pdf' | 'docx' | 'html' | 'txt',
  lang: Lang,
  footer: string,
): Promise<FileOut> {
  const base = `${lang === 'fr' ? 'information' : 'notice'}-${kind}`;
  const large = kind === 'poster';
  if (format === 'txt')
    return { filename: `${base}.txt`, contentType: TEXT_TYPE, body: noticeText(n).replace(/\n/g, '\r\n') };
  if (format === 'html')
    return { filename: `${base}.html`, contentType: 'text/html; charset=utf-8', body: noticeHtml(n, lang) };
  if (format === 'docx') {
    return {
      filename: `${base}.docx`,
      contentType: DOCX_TYPE,
      body: await renderDocx({
        title: n.title,
        footer,
        lang,
        sections: n.sections.map((s) => ({
          ...(s.heading ? { heading: s.heading, level: 2 as const } : {}),
          paragraphs: [...s.paragraphs, ...(s.list ?? []).map((x) => `• ${x}`)],
          large,
        })),
      }),
    };
  }
  // One A4 page whenever the text fits (the size steps down to 8.5 pt); a longer text gets the two-page version. A
  // section is never split across pages, so a telephone number never runs over to the next one.
  const render = (size: number, fit: boolean) => {
    const content: PdfNode[] = [
      {
        text: n.title,
        style: 'title',
        ...(large ? { fontSize: 30 } : fit ? { fontSize: size + 6, margin: [0, 0, 0, 6] } : {}),
      },
    ];
    for (const s of n.sections) {
      const block: PdfNode[] = [];
      if (s.heading)
        block.push({ text: s.heading, style: 'h2', ...(fit ? { fontSize: size + 1, margin: [0, 6, 0, 2] } : {}) });
      for (const p of s.paragraphs)
        block.push({ text: p, margin: [0, 0, 0, large ? 10 : 2], fontSize: large ? 20 : size });
      if (s.list?.length)
        block.push({ ul: s.list.map((x) => ({ text: x, fontSize: large ? 20 : size })), margin: [0, 0, 0, 3] });
      content.push({ stack: block, unbreakable: true });
    }
    return renderPdf({
      title: n.title,
      footer,
      content,
      pageLabel: (a, b) => (lang === 'fr' ? `page ${a} / ${b}` : `page ${a} of ${b}`),
      ...(fit ? { margins: [40, 36, 40, 40] } : {}),
    });
  };
  let body: Buffer | null = null;
  if (!large)
    for (const size of [10, 9.5, 9, 8.5])
      if (pageCount((body = await render(size, true))) === 1) break;
      else body = null;
  body ??= await render(10.5, false);
  return { filename: `${base}.pdf`, contentType: PDF_TYPE, body };
}

/**
 * Readability of a French text (Kandel & Moles' adaptation of Flesch): 207 − 1.015 × words per sentence − 73.6 ×
 * syllables per word; 60 and above reads easily. Syllables are counted as groups of vowels, a usual approximation.
 */
export function readability(text: string): { score: number; wordsPerSentence: number; sentences: number } {
  const sentences = text
    .split(/[.!?:\n]+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  const words = sentences.flatMap((s) => s.split(/[\s’']+/).filter((w) => /\p{L}/u.test(w)));
  const syllables = words.reduce(
    (n, w) =>
      n +
      Math.max(
        1,
        (
          w
            .toLowerCase()
            .replace(/e$/, '')
            .match(/[aeiouyàâäéèêëîïôöùûüœæ]+/g) ?? []
        ).length,
      ),
    0,
  );
  const wps = words.length / Math.max(1, sentences.length);
  return {
    score: 207 - 1.015 * wps - 73.6 * (syllables / Math.max(1, words.length)),
    wordsPerSentence: wps,
    sentences: sentences.length,
  };
}
