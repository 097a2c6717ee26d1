import { renderDocx } from './docx.js';
import { PDF_TYPE, TEXT_TYPE, type FileOut } from './file.js';
import { pageCount, renderPdf, type PdfNode } from './pdf.js';
import { z } from 'zod';

/**
 * A letter as a careful French professional writes it: the practice's letterhead, the addressee block, the place and
 * date, the subject, the salutation, the body, the closing formula and the signature.
 */
/** A letter as it is generated and stored (the stored JSON is read back through this schema). */
export const LetterSchema = z.object({
  subject: z.string(),
  sections: z.array(z.object({ heading: z.string().optional(), paragraphs: z.array(z.string()) })),
  signature: z.string(),
  /** The addressee block: a name and, when known, the postal address. Letters generated before it existed have none. */
  to: z.object({ name: z.string(), address: z.string().nullable() }).optional(),
  /** "Brest, le 15 janvier 2026": the place and date line. */
  dated: z.string().optional(),
  /** "Madame," / "Monsieur," / "Madame, Monsieur,". */
  salutation: z.string().optional(),
  /** The closing formula, kept on the page of the signature. */
  closing: z.string().optional(),
});
export type Letter = z.infer<typeof LetterSchema>;

/** Who the letter comes from: the practice's name, address and contact head every letter. */
export interface LetterHead {
  name: string;
  address: string | null;
  phone?: string | null;
  email?: string | null;
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day in words: "1er mars 2026", "15 janvier 2026"; "15 January 2026" in English. */
export function dayInWords(day: string, lang: 'fr' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return lang === 'fr' ? `${d === 1 ? '1er' : d} ${MONTHS_FR[m - 1]} ${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** The town of a French postal address (what follows the five-digit postcode), or null. */
export function townOf(address: string | null): string | null {
  const m = /\b\d{5}\s+([^,\n]+)/.exec(address ?? '');
  return m ? m[1]!.replace(/\s+cedex.*$/i, '').trim() : null;
}

/** "Brest, le 15 janvier 2026" (the town from the practice's address, when it has one). */
export function datedLine(address: string | null, day: string, lang: 'fr' | 'en'): string {
  const town = townOf(address);
  if (lang === 'fr') return `${town ? `${town}, ` : ''}le ${dayInWords(day, 'fr')}`;
  return `${town ? `${town}, ` : ''}${dayInWords(day, 'en')}`;
}

/** How to reach the practice by telephone or e-mail: "02 98 00 00 00 ou accueil@…", or '' when neither is known. */
export const practiceReach = (p: { phone: string | null; email: string | null }, lang: 'fr' | 'en'): string =>
  [p.phone, p.email].filter(Boolean).join(lang === 'fr' ? ' ou ' : ' or ');

/** Who a patient writes to about a letter: the DPO or GDPR contact when there is one, else the controller, the practice, its address and how to reach it. */
export const letterContact = (
  p: {
    dpoContact: string | null;
    controllerName: string;
    name: string;
    address: string | null;
    phone: string | null;
    email: string | null;
  },
  lang: 'fr' | 'en',
): string =>
  p.dpoContact ?? [`${p.controllerName}, ${p.name}`, p.address, practiceReach(p, lang)].filter(Boolean).join(', ');

const headLines = (from: LetterHead) => [
  from.name,
  ...(from.address ? from.address.split(/\s*\n\s*/) : []),
  ...[from.phone, from.email].filter((x): x is string => !!x),
];

/** The letter as text (CRLF lines) to paste into an e-mail. */
export function letterText(l: Letter, from: LetterHead): string {
  const out = [...headLines(from), ''];
  if (l.to) out.push(l.to.name, ...(l.to.address ? l.to.address.split(/\s*\n\s*/) : []), '');
  if (l.dated) out.push(l.dated, '');
  out.push(l.subject, '');
  if (l.salutation) out.push(l.salutation, '');
  for (const s of l.sections) {
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs, '');
  }
  if (l.closing) out.push(l.closing, '');
  out.push(l.signature);
  return out.join('\r\n');
}

/** The letter as an A4 PDF to print or attach: on one page whenever it fits, the closing never apart from the signature. */
export async function letterPdf(l: Letter, from: LetterHead, lang: 'fr' | 'en'): Promise<Buffer> {
  const render = (size: number) => {
    const [name, ...rest] = headLines(from);
    const content: PdfNode[] = [
      { text: name!, bold: true, fontSize: size + 1 },
      ...rest.map((x): PdfNode => ({ text: x, fontSize: size - 1, color: '#333333' })),
    ];
    if (l.to)
      content.push({
        columns: [
          { text: '', width: '*' },
          {
            width: 230,
            stack: [
              { text: l.to.name, fontSize: size },
              ...(l.to.address
                ? l.to.address.split(/\s*\n\s*/).map((x): PdfNode => ({ text: x, fontSize: size }))
                : []),
            ],
          },
        ],
        margin: [0, 18, 0, 0],
      });
    if (l.dated) content.push({ text: l.dated, alignment: 'right', fontSize: size, margin: [0, 18, 0, 0] });
    content.push({ text: l.subject, bold: true, margin: [0, 18, 0, 10], fontSize: size });
    if (l.salutation) content.push({ text: l.salutation, margin: [0, 0, 0, 6], fontSize: size });
    l.sections.forEach((s) => {
      const block: PdfNode[] = [];
      if (s.heading) block.push({ text: s.heading, bold: true, fontSize: size, margin: [0, 6, 0, 2] });
      for (const para of s.paragraphs) block.push({ text: para, margin: [0, 0, 0, 4], fontSize: size });
      // A short section stays on one page; a long one (the Art. 15 information) may run on rather than leave a blank page.
      const long = s.paragraphs.join(' ').length > 900;
      content.push(long ? { stack: block } : { stack: block, unbreakable: true });
    });
    content.push({
      stack: [
        ...(l.closing ? [{ text: l.closing, fontSize: size, margin: [0, 6, 0, 0] } as PdfNode] : []),
        { text: l.signature, margin: [260, 18, 0, 0], fontSize: size },
      ],
      unbreakable: true,
    });
    return renderPdf({
      title: l.subject,
      footer: from.name,
      content,
      pageLabel: (n, m) => (lang === 'fr' ? `page ${n} / ${m}` : `page ${n} of ${m}`),
      margins: [56, 48, 56, 48],
    });
  };
  let pdf = await render(10.5);
  for (const size of [10, 9.5]) {
    if (pageCount(pdf) === 1) break;
    pdf = await render(size);
  }
  return pdf;
}

/** The letter as a download: `base.txt` (text) or `base.pdf`. */
export async function letterFile(
  l: Letter,
  from: LetterHead,
  lang: 'fr' | 'en',
  format: 'pdf' | 'txt',
  base: string,
): Promise<FileOut> {
  if (format === 'txt') return { filename: `${base}.txt`, contentType: TEXT_TYPE, body: letterText(l, from) };
  return { filename: `${base}.pdf`, contentType: PDF_TYPE, body: await letterPdf(l, from, lang) };
}

/** The letter as an editable .docx: the letterhead, the addressee, the place and date, the subject and the body. */
export function letterDocx(l: Letter, from: LetterHead, lang: 'fr' | 'en'): Promise<Buffer> {
  const [name, ...rest] = headLines(from);
  const to = l.to ? [l.to.name, ...(l.to.address ? l.to.address.split(/\s*\n\s*/) : [])] : [];
  return renderDocx({
    title: name!,
    ...(rest.length ? { subtitle: rest.join(' — ') } : {}),
    footer: from.name,
    lang,
    sections: [
      ...(to.length ? [{ paragraphs: to }] : []),
      ...(l.dated ? [{ paragraphs: [l.dated] }] : []),
      { heading: l.subject, level: 2 as const, paragraphs: l.salutation ? [l.salutation] : [] },
      ...l.sections.map((s) => ({
        ...(s.heading ? { heading: s.heading, level: 2 as const } : {}),
        paragraphs: s.paragraphs,
      })),
      { paragraphs: [...(l.closing ? [l.closing] : []), ...l.signature.split('\n')] },
    ],
  });
}
