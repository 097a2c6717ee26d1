import { createHash, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Bearer secrets carry 256 random bits, so a fast hash is enough to store them (no offline guessing is possible). */
export const hashSecret = (secret: string): string => sha256Hex(`gardien-secret:${secret}`);

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
