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
