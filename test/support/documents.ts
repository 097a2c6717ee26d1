import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';

const run = promisify(execFile);

/** The text of a PDF, by poppler's pdftotext (installed by .ci/run; a missing tool fails the test, never skips it). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gardien-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The number of pages of a PDF (pdfinfo). */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gardien-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A CSV export read back as Gardien writes it (UTF-8 BOM, ";"). */
export function parseCsv(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: false }) as string[][];
}

/** Every sheet of an .xlsx file, by name, as rows of cell texts. */
export async function readXlsxSheets(buf: Buffer): Promise<{ name: string; rows: string[][] }[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as { Workbook: new () => { xlsx: { load(b: Buffer): Promise<unknown> }; worksheets: { name: string; eachRow(cb: (row: { values: unknown[] }) => void): void }[] } };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return { name: ws.name, rows };
  });
}

/** The first sheet of an .xlsx file as rows of cell texts. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  return (await readXlsxSheets(buf))[0]!.rows;
}

/** The entries of a ZIP (a .docx, an answer bundle), read back with yauzl. */
export async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, ko) => yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? ko(e) : ok(z))));
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
