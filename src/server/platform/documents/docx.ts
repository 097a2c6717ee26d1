import { createRequire } from 'node:module';

/** A simple document: a title, then sections with a heading, paragraphs and labelled values. Rendered editable. */
export interface SimpleDoc {
  title: string;
  subtitle?: string;
  /** Printed at the foot of every page before "page n" (version and date). */
  footer: string;
  lang: 'fr' | 'en';
  sections: {
    heading?: string;
    level?: 1 | 2;
    paragraphs?: string[];
    rows?: [string, string | null | undefined][];
    pageBreak?: boolean;
    large?: boolean;
  }[];
  /** A table of contents (updated by the word processor when the file is opened). */
  toc?: boolean;
}

type Docx = typeof import('docx');
let lib: Docx | null = null;
/** docx loaded on first use, like pdfmake and exceljs (kept out of the server's cold start). */
function docx(): Docx {
  lib ??= createRequire(import.meta.url)('docx') as Docx;
  return lib;
}

/** An editable .docx (Word, LibreOffice): headings as real heading styles, labelled values as two-column tables. */
export async function renderDocx(d: SimpleDoc): Promise<Buffer> {
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Footer,
    HeadingLevel,
    Packer,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableOfContents,
    TableRow,
    TextRun,
    WidthType,
  } = docx();
  const size = (large?: boolean) => (large ? 36 : 22);
  const children: (
    InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']> | InstanceType<Docx['TableOfContents']>
  )[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(d.title)] }),
    ...(d.subtitle ? [new Paragraph({ children: [new TextRun({ text: d.subtitle, size: 26 })] })] : []),
  ];
  if (d.toc)
    children.push(
      new TableOfContents(d.lang === 'fr' ? 'Sommaire' : 'Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    );
  const line = { style: BorderStyle.SINGLE, size: 2, color: 'BBBBBB' };
  for (const s of d.sections) {
    if (s.heading)
      children.push(
        new Paragraph({
          heading: s.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
          pageBreakBefore: s.pageBreak ?? false,
          children: [new TextRun(s.heading)],
        }),
      );
    for (const p of s.paragraphs ?? [])
      children.push(
        new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: p, size: size(s.large) })] }),
      );
    const rows = (s.rows ?? []).filter(([, v]) => v !== null && v !== undefined && v !== '');
    if (rows.length > 0) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
          rows: rows.map(
            ([k, v]) =>
              new TableRow({
                cantSplit: true,
                children: [
                  new TableCell({
                    width: { size: 30, type: WidthType.PERCENTAGE },
                    children: [new Paragraph({ children: [new TextRun({ text: k, bold: true, size: 20 })] })],
                  }),
                  new TableCell({
                    width: { size: 70, type: WidthType.PERCENTAGE },
                    children: String(v)
                      .split('\n')
                      .map((t) => new Paragraph({ children: [new TextRun({ text: t, size: 20 })] })),
                  }),
                ],
              }),
          ),
        }),
      );
    }
  }
  const doc = new Document({
    creator: 'Gardien',
    title: d.title,
    features: { updateFields: Boolean(d.toc) },
    // The document's language, so that the word processor checks the spelling in French (or English).
    styles: {
      default: { document: { run: { font: 'DejaVu Sans', language: { value: d.lang === 'fr' ? 'fr-FR' : 'en-GB' } } } },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [
                  new TextRun({ text: `${d.footer} — page `, size: 16, color: '555555' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' }),
                  new TextRun({ text: ' / ', size: 16, color: '555555' }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '555555' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
