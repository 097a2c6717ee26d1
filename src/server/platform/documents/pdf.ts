import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of pdfmake's document definition Gardien uses (pdfmake 0.3 ships no types of its own). */
export type PdfNode =
  | string
  | {
      text: string | PdfNode[];
      style?: string;
      bold?: boolean;
      fontSize?: number;
      margin?: number[];
      color?: string;
      pageBreak?: 'before' | 'after';
      tocItem?: boolean;
      alignment?: 'left' | 'right' | 'center';
    }
  | { columns: (PdfNode & { width?: number | string })[]; margin?: number[] }
  | { width: number | string; stack: PdfNode[] }
  | { ul: PdfNode[]; margin?: number[] }
  | {
      table: { widths: (number | string)[]; headerRows?: number; body: PdfNode[][]; dontBreakRows?: boolean };
      layout?: string;
      margin?: number[];
    }
  | { stack: PdfNode[]; margin?: number[]; unbreakable?: boolean }
  | { toc: { title: PdfNode } };

export interface PdfDocument {
  /** Written in the file's properties and on the cover. */
  title: string;
  /** Printed at the foot of every page, before "page n / m" (version and date of the document). */
  footer: string;
  content: PdfNode[];
  pageLabel?: (page: number, pages: number) => string;
  /** Page margins [left, top, right, bottom] in points; 48/56 by default. */
  margins?: [number, number, number, number];
  /** A wide table (a list of many columns) is printed across the page. */
  landscape?: boolean;
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

/** DejaVu Sans is shipped with the app: the standard PDF fonts cannot draw French typography (U+202F, œ, €). */
export function findFontDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../assets/fonts'), path.resolve(here, '../../../../assets/fonts')];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'DejaVuSans.ttf')));
  if (!dir) throw new Error(`fonts not found in ${candidates.join(' or ')}`);
  return dir;
}

let engine: PdfMake | null = null;

/** pdfmake loaded on first use (keeps it out of the server's cold start), with the shipped fonts only and no network. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const pm = require('pdfmake') as PdfMake;
  const dir = findFontDir();
  pm.setFonts({
    DejaVu: {
      normal: path.join(dir, 'DejaVuSans.ttf'),
      bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
      italics: path.join(dir, 'DejaVuSans.ttf'),
      bolditalics: path.join(dir, 'DejaVuSans-Bold.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  engine = pm;
  return pm;
}

/** A4 document with the Gardien styles, "page n / m" and the document's version line at the foot of every page. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const label = doc.pageLabel ?? ((p: number, n: number) => `page ${p} / ${n}`);
  const definition = {
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    pageMargins: doc.margins ?? [48, 56, 48, 56],
    info: { title: doc.title, creator: 'Gardien', producer: 'Gardien' },
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 12] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 6] },
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      label: { bold: true },
      muted: { color: '#555555' },
      large: { fontSize: 16, lineHeight: 1.4 },
    },
    content: doc.content,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: doc.footer, fontSize: 7.5, color: '#555555' },
        { text: label(page, pages), alignment: 'right', fontSize: 7.5, color: '#555555', width: 90 },
      ],
      margin: [48, 20, 48, 0],
    }),
  };
  return pdfmake().createPdf(definition).getBuffer();
}

/** A two-column table of labelled values (empty values left out). */
export function fieldTable(rows: [string, string | null | undefined][]): PdfNode {
  const body = rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]): PdfNode[] => [{ text: k, bold: true }, String(v)]);
  if (body.length === 0) return '';
  return {
    table: { widths: [150, '*'], body, dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

/** Pages of a PDF written by pdfmake (its page objects are not compressed into object streams). */
export const pageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
