import { stringify } from 'csv-stringify/sync';

/** First characters that make a spreadsheet read a cell as a formula (ASVS v5.0.0-1.2.10; OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** A cell as written to an export: a leading formula character is neutralised with an apostrophe. */
/** A cell's value as text: objects as JSON, never "[object Object]". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? value.toString() : '';
}

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = cellText(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV for spreadsheets used in France: UTF-8 with a byte-order mark (Excel then reads accents right), `;` as separator,
 * RFC 4180 quoting, CRLF line ends, and every cell neutralised against formula injection.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return (
    '\uFEFF' +
    stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
      delimiter: ';',
      record_delimiter: 'windows',
      quoted_match: /[;"\r\n]/,
    })
  );
}
