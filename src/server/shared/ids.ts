import { randomBytes } from 'node:crypto';

/** Opaque identifiers: 128 random bits, URL-safe, prefixed by the kind of object for readability in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** A secret value (session, API token, recovery code): 256 random bits from the CSPRNG (ASVS 11.5.1, 7.2.3). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Ids accepted on the wire: short, URL-safe, no path characters. */
export const ID_PATTERN = /^[a-z]{1,8}_[A-Za-z0-9_-]{10,64}$/;
