import { z } from 'zod';

// Columns that hold more than a scalar: JSON text read back through its schema (what the database holds is checked,
// never cast), and 0/1 flags (INTEGER on both dialects).

export interface JsonColumn<T> {
  read(text: string): T;
  readNullable(text: string | null): T | null;
  write(value: T): string;
}

export function jsonColumn<S extends z.ZodType>(schema: S): JsonColumn<z.output<S>> {
  const read = (text: string): z.output<S> => schema.parse(JSON.parse(text));
  return {
    read,
    readNullable: (text) => (text === null ? null : read(text)),
    write: (value) => JSON.stringify(value),
  };
}

/** Small non-clinical details (audit entries, request history): an object of any values. */
export const detailsColumn = jsonColumn(z.record(z.string(), z.unknown()));

export const readFlag = (n: number | null): boolean | null => (n === null ? null : Number(n) === 1);
export const writeFlag = (b: boolean): 0 | 1 => (b ? 1 : 0);
