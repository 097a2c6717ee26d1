import { z } from 'zod';

// Columns that hold more than a scalar: JSON text read back through its schema (what the database holds is checked,
// never cast), and 0/1 flags (INTEGER on both dialects).

export interface JsonColumn<T> {
  read(text: string): T;
  readNullable(text: string | null): T | null;
}

export function jsonColumn<S extends z.ZodType>(schema: S): JsonColumn<z.output<S>> {
  const read = (text: string): z.output<S> => schema.parse(JSON.parse(text));
  return {
    read,
    readNullable: (text) => (text === null ? null : read(text)),
  };
}

/** Small non-clinical details (audit entries, request history): an object of any values. */
export const detailsColumn = jsonColumn(z.record(z.string(), z.unknown()));

export function readFlag(n: number): boolean;
export function readFlag(n: number | null): boolean | null;
export function readFlag(n: number | null): boolean | null {
  return n === null ? null : Number(n) === 1;
}
