import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';

type TextItem = { str: string; transform: number[]; width: number; hasEOL?: boolean };

/** A PDF opened with Mozilla's pdf.js (its Node build): no external tool, nothing to install. */
async function openPdf(pdf: Buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
}

/**
 * The text of a PDF, page by page (pages separated by a form feed, as pdftotext does): the pieces of one line (same
 * baseline, within 2 pt) in reading order, a space where a gap separates them.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await openPdf(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string' && i.str !== '');
    const lines: { y: number; parts: { x: number; end: number; str: string }[] }[] = [];
    for (const i of items) {
      const x = i.transform[4]!;
      const y = i.transform[5]!;
      let line = lines.find((l) => Math.abs(l.y - y) <= 2);
      if (!line) lines.push((line = { y, parts: [] }));
      line.parts.push({ x, end: x + i.width, str: i.str });
    }
    lines.sort((a, b) => b.y - a.y);
    pages.push(
      lines
        .map((l) => {
          l.parts.sort((a, b) => a.x - b.x);
          return l.parts.reduce(
            (out, part, k) =>
              out + (k > 0 && part.x - l.parts[k - 1]!.end > 1 && !out.endsWith(' ') ? ' ' : '') + part.str,
            '',
          );
        })
        .join('\n'),
    );
  }
  await doc.destroy();
  return pages.join('\n\f');
}

/** The number of pages of a PDF. */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const doc = await openPdf(pdf);
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

/** A CSV export read back as Gardien writes it (UTF-8 BOM, ";"). */
export function parseCsv(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: false }) as string[][];
}

/** Every sheet of an .xlsx file, by name, as rows of cell texts. */
export async function readXlsxSheets(buf: Buffer): Promise<{ name: string; rows: string[][] }[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as {
    Workbook: new () => {
      xlsx: { load(b: Buffer): Promise<unknown> };
      worksheets: { name: string; eachRow(cb: (row: { values: unknown[] }) => void): void }[];
    };
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(row.values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v as string)))),
    );
    return { name: ws.name, rows };
  });
}

/** The first sheet of an .xlsx file as rows of cell texts. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  return (await readXlsxSheets(buf))[0]!.rows;
}

/** The entries of a ZIP (a .docx, an answer bundle), read back with yauzl. */
export async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, ko) =>
    yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? ko(e) : ok(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((ok, ko) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, stream) => {
        if (e) return ko(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      }),
    );
    zip.on('end', ok);
    zip.on('error', ko);
    zip.readEntry();
  });
  return out;
}
