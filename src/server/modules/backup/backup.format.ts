import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { pipeline, Readable } from 'node:stream';
import { z } from 'zod';
import type { Keys } from '../../platform/crypto/key-file.js';
import {
  keyFromKeyFile,
  keyFromPassphrase,
  readSealedFile,
  SCRYPT_PARAMS,
  SealedFileError,
  type SealedHeader,
} from '../../platform/crypto/sealed-file.js';
import { AppError } from '../../shared/app-error.js';
import { canonicalJson } from '../audit-trail/index.js';
import { BACKUP_TABLES } from './backup.tables.js';

// The backup file: its lines (description, rows, per-table hashes, end), its key, and how it is read back and checked.

export const BACKUP_FORMAT = 1;

export interface Progress {
  (done: number, total: number, table: string): void;
}

export interface BackupKey {
  /** The key file's data key, or a passphrase (for a copy kept away from the key file). */
  passphrase?: string | undefined;
}

export interface TableSummary {
  rows: number;
  sha256: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: Record<string, TableSummary>;
}

export interface DrillResult {
  ok: boolean;
  file: string;
  tables: Record<string, TableSummary>;
  integrity: string;
  auditChains: number;
  auditOk: boolean;
  durationMs: number;
  problem: string | null;
}

/** One line of a backup's content, checked as it is read: a damaged or foreign file is refused with its reason. */
const LineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meta'),
    format: z.number(),
    app: z.string(),
    version: z.string(),
    migrations: z.array(z.string()),
    createdAt: z.string(),
    sourceDialect: z.string(),
    counts: z.record(z.string(), z.number()),
  }),
  z.object({ kind: z.literal('row'), t: z.string(), r: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('table-end'), t: z.string(), rows: z.number(), sha256: z.string() }),
  z.object({
    kind: z.literal('end'),
    tables: z.record(z.string(), z.object({ rows: z.number(), sha256: z.string() })),
  }),
]);
export type Line = z.infer<typeof LineSchema>;

/** Hash of a table's content: canonical rows in primary-key order, the same for a backup and a live database. */
export class TableHasher {
  private readonly h = createHash('sha256');
  rows = 0;
  add(row: Record<string, unknown>): void {
    this.h.update(canonicalJson(row) + '\n');
    this.rows++;
  }
  digest(): string {
    return this.h.digest('hex');
  }
}

/** The key a backup is sealed with: from the passphrase given, else from the installation's key file. */
export function sealingKey(
  keys: Keys,
  header: Pick<SealedHeader, 'keySource' | 'salt' | 'scrypt'>,
  key: BackupKey,
): Buffer {
  if (header.keySource === 'passphrase') {
    if (!key.passphrase)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'passphrase', code: 'backup_passphrase_required' }],
      });
    return keyFromPassphrase(key.passphrase, Buffer.from(header.salt ?? '', 'base64'), header.scrypt ?? SCRYPT_PARAMS);
  }
  return keyFromKeyFile(keys.dataKey, 'backup');
}

/** Decrypts, decompresses and parses a backup, line by line; checks every table's count and hash against its record. */
export async function* readBackup(file: string, keys: Keys, key: BackupKey): AsyncGenerator<Line> {
  const sealed = readSealedFile(file, (h) => {
    if (h.kind !== 'gardien-backup') throw new SealedFileError('this file is not a Gardien backup');
    return sealingKey(keys, h, key);
  });
  const gunzip = createGunzip();
  pipeline(Readable.from(sealed), gunzip, () => undefined); // a refused frame ends the loop below with its error
  let rest = '';
  const hashers = new Map<string, TableHasher>();
  let meta: Extract<Line, { kind: 'meta' }> | null = null;
  let sawEnd = false;
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    rest += chunk.toString('utf8');
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const text = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      const parsed = LineSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new SealedFileError('backup holds a line it cannot read');
      const line = parsed.data;
      if (sawEnd) throw new SealedFileError('backup has content after its end record');
      if (line.kind === 'meta') {
        if (line.format !== BACKUP_FORMAT || line.app !== 'gardien')
          throw new SealedFileError(`unsupported backup format ${String(line.format)}`);
        meta = line;
      } else if (!meta) throw new SealedFileError('backup does not start with its description');
      else if (line.kind === 'row') {
        if (!BACKUP_TABLES.some((t) => t.name === line.t))
          throw new SealedFileError(`backup holds an unknown table ${line.t}`);
        let h = hashers.get(line.t);
        if (!h) hashers.set(line.t, (h = new TableHasher()));
        h.add(line.r);
      } else if (line.kind === 'table-end') {
        const h = hashers.get(line.t) ?? new TableHasher();
        if (h.rows !== line.rows || h.digest() !== line.sha256)
          throw new SealedFileError(`table ${line.t} does not match its recorded hash`);
        hashers.delete(line.t);
      } else if (line.kind === 'end') sawEnd = true;
      yield line;
    }
  }
  if (!sawEnd || rest.trim() !== '') throw new SealedFileError('backup is incomplete (no end record)');
}
