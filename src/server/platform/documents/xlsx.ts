import { createRequire } from 'node:module';
import { neutraliseCell } from './csv.js';

export interface Sheet {
  name: string;
  header: string[];
  rows: unknown[][];
  /** Column widths in characters (default 18). */
  widths?: number[];
}

interface Workbook {
  creator: string;
  created: Date;
  addWorksheet(name: string): {
    columns: { width: number }[];
    addRow(values: unknown[]): { font: unknown; alignment: unknown };
    views: unknown[];
  };
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}

/**
 * An .xlsx file: a bold, frozen header row and one row per record; every text cell is neutralised against formula
 * injection like the CSV exports (a leading = + - @ tab or CR gets an apostrophe). exceljs is loaded on first use.
 */
export async function toXlsx(sheets: Sheet[], created: Date): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gardien';
  wb.created = created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.header.map((_, i) => ({ width: s.widths?.[i] ?? 18 }));
    const head = ws.addRow(s.header.map(neutraliseCell));
    head.font = { bold: true };
    for (const r of s.rows)
      ws.addRow(r.map((v) => (typeof v === 'number' ? v : neutraliseCell(v)))).alignment = {
        wrapText: true,
        vertical: 'top',
      };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
