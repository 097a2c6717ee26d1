import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/** The 64 characters of base64url in ASCII order, so that the time part of ids sorts as text. */
const SORTABLE = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** A millisecond instant as 8 characters (48 bits, until the year 10889) that sort in time order. */
export function idTimePart(ms: number): string {
  let out = '';
  for (let i = 0, rest = ms; i < 8; i++, rest = Math.floor(rest / 64)) out = SORTABLE[rest % 64]! + out;
  return out;
}

/**
 * Opaque identifiers, URL-safe, prefixed by the kind of object for readability in logs: the creation time (48 bits,
 * sortable), then 96 random bits from the CSPRNG, drawn 4 kB at a time (one call per id was a twentieth of an import
 * of 100,000). The time part makes new rows land together at the end of the primary-key index instead of splitting
 * pages all over it (an import of 100,000 patients writes about a quarter faster, bench/README.md); the random part
 * keeps ids unguessable. The time is no secret: every record carries its creation date.
 */
export function newId(prefix: string): string {
  if (used + 12 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const random = pool.toString('base64url', used, used + 12);
  used += 12;
  return `${prefix}_${idTimePart(Date.now())}${random}`;
}

/** A secret value (session, API token, recovery code): 256 random bits from the CSPRNG (ASVS 11.5.1, 7.2.3). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Ids accepted on the wire: short, URL-safe, no path characters. */
export const ID_PATTERN = /^[a-z]{1,8}_[A-Za-z0-9_-]{10,64}$/;
