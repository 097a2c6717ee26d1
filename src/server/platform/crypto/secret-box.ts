import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets stored in the database (ASVS 11.3.2: AES-256-GCM, random 96-bit IV).
 * `context` is bound as additional data so a ciphertext cannot be moved to another row.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  return sealBytes(key, Buffer.from(plaintext, 'utf8'), context);
}

export function open(key: Buffer, sealed: string, context: string): string {
  return openBytes(key, sealed, context).toString('utf8');
}

/** The same sealing for a file's bytes (the answer files of a rights request), as one text value. */
export function sealBytes(key: Buffer, plaintext: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
    '.',
  );
}

export function openBytes(key: Buffer, sealed: string, context: string): Buffer {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || ct === undefined)
    throw new Error('sealed value has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
}
