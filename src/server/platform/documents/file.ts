/** A document produced for download: its file name, type and bytes (or text, sent as UTF-8). */
export interface FileOut {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';
export const CSV_TYPE = 'text/csv; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kinds of file a practice stores (a record's copy, a signed contract), by extension. */
const STORED_TYPES: Record<string, string> = {
  pdf: PDF_TYPE,
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  dcm: 'application/dicom',
  docx: DOCX_TYPE,
  odt: 'application/vnd.oasis.opendocument.text',
};
const KNOWN = new Set(Object.values(STORED_TYPES));

/**
 * The type a stored file is served with: the declared one only when it is one of these plain kinds, else the
 * extension's, else application/octet-stream, so that a file never comes back as HTML, SVG or a program.
 */
export function mediaTypeOf(name: string, declared?: string): string {
  if (declared && KNOWN.has(declared.toLowerCase())) return declared.toLowerCase();
  return STORED_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
