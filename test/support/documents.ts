import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';

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

/** The first sheet of an .xlsx file as rows of cell texts. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as { Workbook: new () => { xlsx: { load(b: Buffer): Promise<unknown> }; worksheets: { eachRow(cb: (row: { values: unknown[] }) => void): void }[] } };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}
