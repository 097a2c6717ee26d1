import type { SimpleDoc } from './docx.js';
import { fieldTable, renderPdf, type PdfNode } from './pdf.js';

/** The PDF twin of an editable SimpleDoc (renderDocx): the same title, sections, paragraphs and labelled values. */
export function simpleDocPdf(d: SimpleDoc): Promise<Buffer> {
  const content: PdfNode[] = [{ text: d.title, style: 'title' }];
  if (d.subtitle) content.push({ text: d.subtitle, style: 'subtitle' });
  for (const s of d.sections) {
    const block: PdfNode[] = [];
    if (s.heading)
      block.push({
        text: s.heading,
        style: s.level === 2 ? 'h2' : 'h1',
        ...(s.pageBreak ? { pageBreak: 'before' as const } : {}),
      });
    for (const p of s.paragraphs ?? []) block.push({ text: p, margin: [0, 0, 0, 5] });
    if (s.rows?.length) block.push(fieldTable(s.rows));
    // A heading never stays alone at the foot of a page.
    if (s.heading && block.length > 1) content.push({ stack: block.slice(0, 2), unbreakable: true }, ...block.slice(2));
    else content.push(...block);
  }
  return renderPdf({
    title: d.title,
    footer: d.footer,
    content,
    pageLabel: (n, m) => (d.lang === 'fr' ? `page ${n} / ${m}` : `page ${n} of ${m}`),
  });
}
