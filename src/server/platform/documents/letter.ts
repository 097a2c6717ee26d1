import { PDF_TYPE, TEXT_TYPE, type FileOut } from './file.js';
import { renderPdf, type PdfNode } from './pdf.js';

/** A letter in plain words: the practice's heading, a subject, sections, a signature. */
export interface Letter {
  subject: string;
  sections: { heading?: string; paragraphs: string[] }[];
  signature: string;
}

/** Who the letter comes from: the practice's name and address head every letter. */
export interface LetterHead {
  name: string;
  address: string | null;
}

/** The letter as text (CRLF lines) to paste into an e-mail. */
export function letterText(l: Letter, from: LetterHead): string {
  const out = [from.name, ...(from.address ? [from.address] : []), '', l.subject, ''];
  for (const s of l.sections) {
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs, '');
  }
  out.push(l.signature);
  return out.join('\r\n');
}

/** The letter as an A4 PDF to print or attach. */
export function letterPdf(l: Letter, from: LetterHead, lang: 'fr' | 'en'): Promise<Buffer> {
  const content: PdfNode[] = [{ text: from.name, bold: true }, ...(from.address ? [from.address] : []), { text: l.subject, bold: true, margin: [0, 24, 0, 12] }];
  for (const s of l.sections) {
    if (s.heading) content.push({ text: s.heading, style: 'h2' });
    for (const para of s.paragraphs) content.push({ text: para, margin: [0, 0, 0, 4], fontSize: 11 });
  }
  content.push({ text: l.signature, margin: [0, 16, 0, 0], fontSize: 11 });
  return renderPdf({ title: l.subject, footer: from.name, content, pageLabel: (n, m) => (lang === 'fr' ? `page ${n} / ${m}` : `page ${n} of ${m}`) });
}

/** The letter as a download: `base.txt` (text) or `base.pdf`. */
export async function letterFile(l: Letter, from: LetterHead, lang: 'fr' | 'en', format: 'pdf' | 'txt', base: string): Promise<FileOut> {
  if (format === 'txt') return { filename: `${base}.txt`, contentType: TEXT_TYPE, body: letterText(l, from) };
  return { filename: `${base}.pdf`, contentType: PDF_TYPE, body: await letterPdf(l, from, lang) };
}
