import type { SimpleDoc } from '../../platform/documents/docx.js';
import type { PdfNode } from '../../platform/documents/pdf.js';
import type { Sheet } from '../../platform/documents/xlsx.js';
import type { Lang } from '../../platform/http/messages.js';
import type { RegisterData } from './register.documents.js';

// The processors of the practice (Art. 28) in the register's exports, next to the recipients that name them: the
// list comes from the processors module as a header and rows of cells, printed here as the register prints its parts.

const title = (lang: Lang) =>
  lang === 'fr'
    ? 'Sous-traitants et partenaires (article 28 du RGPD) : contrats, HDS, localisation'
    : 'Processors and partners (Article 28 GDPR): contracts, HDS, location';

/** A recipient as the register prints it: the processor's name when it names one, with what was typed if it differs. */
export function recipientName(r: { details: string; processorId?: string | undefined }, names: Map<string, string>) {
  const name = r.processorId ? names.get(r.processorId) : undefined;
  if (!name || name === r.details) return r.details;
  return `${name} (${r.details})`;
}

/** The list's columns the PDF prints: name, kind, contract signed on, missing clauses (their letters), HDS, storage. */
const PDF_COLUMNS = [0, 1, 3, 4, 5, 7];
const CLAUSE_COLUMN = 4;
/** "a) Traitement…\nd) Conditions…" → "a) d)": the letters of Art. 28(3), the words are in the list and the XLSX. */
const letters = (cell: string) =>
  cell
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[0])
    .join(' ');

const pairs = (d: RegisterData, row: string[]): [string, string][] =>
  d.partners.header.slice(1).map((h, i): [string, string] => [h, row[i + 1] ?? '']);

/** One table, a line per processor with the checks an inspector looks at first (the columns the list puts first). */
export function partnersPdf(d: RegisterData, lang: Lang): PdfNode[] {
  if (d.partners.rows.length === 0) return [];
  const cols = PDF_COLUMNS.filter((i) => i < d.partners.header.length);
  const cell = (text: string, bold = false): PdfNode => ({ text, fontSize: 7.5, ...(bold ? { bold } : {}) });
  return [
    { text: title(lang), style: 'h1', tocItem: true, pageBreak: 'before' },
    {
      table: {
        widths: cols.map((i) => (i === 0 ? 90 : '*')),
        headerRows: 1,
        dontBreakRows: true,
        body: [
          cols.map((i) => cell(d.partners.header[i]!, true)),
          ...d.partners.rows.map((row) =>
            cols.map((i) => cell(i === CLAUSE_COLUMN ? letters(row[i] ?? '') : (row[i] ?? ''))),
          ),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
}

export function partnersDocx(d: RegisterData, lang: Lang): SimpleDoc['sections'] {
  if (d.partners.rows.length === 0) return [];
  return [
    { heading: title(lang), pageBreak: true },
    ...d.partners.rows.map((row, i) => ({
      heading: `${i + 1}. ${row[0] ?? ''}`,
      level: 2 as const,
      rows: pairs(d, row),
    })),
  ];
}

export function partnersSheet(d: RegisterData, lang: Lang): Sheet[] {
  if (d.partners.rows.length === 0) return [];
  return [
    {
      name: lang === 'fr' ? 'Sous-traitants (art. 28)' : 'Processors (Art. 28)',
      header: d.partners.header,
      rows: d.partners.rows,
      widths: d.partners.header.map((_, i) => (i === 0 ? 30 : 22)),
    },
  ];
}

/** The CSV's one table with the processors' rows after the others: their part named, their cells in columns of their own. */
export function withPartnersCsv(
  d: RegisterData,
  lang: Lang,
  header: string[],
  rows: unknown[][],
  partColumn: number,
): [string[], unknown[][]] {
  if (d.partners.rows.length === 0) return [header, rows];
  const extra = d.partners.header.slice(1);
  const label = lang === 'fr' ? 'Sous-traitants et partenaires (article 28)' : 'Processors and partners (Article 28)';
  return [
    [...header, ...extra],
    [
      ...rows.map((r) => [...r, ...extra.map(() => '')]),
      ...d.partners.rows.map((row) => [
        row[0] ?? '',
        ...header.slice(1).map((_, i) => (i + 1 === partColumn ? label : '')),
        ...row.slice(1),
      ]),
    ],
  ];
}
