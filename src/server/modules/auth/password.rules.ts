import type { ErrorIssue } from '../../shared/app-error.js';

/** CNIL délibération 2022-100 (case 1, password alone): at least 80 bits of entropy. */
export const MIN_ENTROPY_BITS = 80;
/** ASVS v5.0.0-6.2.9: passwords of at least 64 characters are accepted; we allow far more. */
export const MAX_PASSWORD_LENGTH = 256;
const MIN_PASSPHRASE_WORDS = 7;

const CLASS_POOLS = [
  { test: /[a-z]/, size: 26 },
  { test: /[A-Z]/, size: 26 },
  { test: /[0-9]/, size: 10 },
  { test: /[^a-zA-Z0-9\s]/, size: 37 }, // CNIL counts "at least 37 special characters"
] as const;

const normalise = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Entropy by the CNIL method: length × log2(size of the character pool actually used). */
export function estimateEntropyBits(password: string): number {
  const chars = [...password];
  if (chars.length === 0) return 0;
  let pool = 0;
  for (const c of CLASS_POOLS) if (c.test.test(password)) pool += c.size;
  if (/[^\x00-\x7F]/.test(password)) pool += 64; // letters with accents and other scripts
  if (/\s/.test(password)) pool += 1;
  return chars.length * Math.log2(Math.max(pool, 2));
}

function countWords(password: string): number {
  return password.split(/[\s\-_.,;:]+/).filter((w) => [...w].length >= 3).length;
}

export interface PasswordContext {
  /** Words a guesser would try first: the person's e-mail and name, the practice name, the product. */
  contextWords: string[];
  isCommon: (normalised: string) => boolean;
}

/**
 * CNIL 2022-100 and ASVS v5.0.0-6.2: ≥ 80 bits (e.g. 12 characters of 4 kinds, 14 of 3) or a passphrase of ≥ 7 words;
 * no composition rule beyond that, no forced renewal; refuses common passwords and context words (6.2.11, 6.2.12).
 * Returns the issues (empty when the password is acceptable).
 */
export function checkPasswordStrength(password: string, ctx: PasswordContext): ErrorIssue[] {
  const length = [...password].length;
  if (length > MAX_PASSWORD_LENGTH) return [{ path: 'password', code: 'password_too_long', params: { maximum: MAX_PASSWORD_LENGTH } }];
  const n = normalise(password);
  if (ctx.isCommon(n) || ctx.isCommon(n.replace(/[^a-z0-9]/g, ''))) return [{ path: 'password', code: 'password_common' }];
  // Context words count for nothing: remove them before measuring.
  let stripped = n;
  for (const w of ctx.contextWords.map(normalise).filter((w) => w.length >= 4)) stripped = stripped.split(w).join('');
  const bits = estimateEntropyBits(stripped === n ? password : stripped);
  const isPassphrase = countWords(stripped) >= MIN_PASSPHRASE_WORDS;
  if (bits >= MIN_ENTROPY_BITS || isPassphrase) return [];
  if (stripped.length < n.length) return [{ path: 'password', code: 'password_context', params: { bits: Math.floor(bits), minimum: MIN_ENTROPY_BITS } }];
  return [{ path: 'password', code: 'password_too_weak', params: { bits: Math.floor(bits), minimum: MIN_ENTROPY_BITS } }];
}

/** Context words derived from a person and their practice. */
export function contextWordsFor(email: string, name: string, practiceNames: string[] = []): string[] {
  const local = email.split('@')[0] ?? '';
  const domain = (email.split('@')[1] ?? '').split('.')[0] ?? '';
  return [
    'gardien', 'dentaire', 'dentiste', 'cabinet', 'password', 'motdepasse', 'azerty', 'qwerty',
    local, domain, ...name.split(/\s+/), ...practiceNames.flatMap((p) => p.split(/\s+/)),
  ].filter((w) => w.length >= 4);
}
