import type { ErrorIssue } from '../../shared/app-error.js';

/** CNIL délibération 2022-100 (case 1, password alone): at least 80 bits of entropy. */
export const MIN_ENTROPY_BITS = 80;
/** ASVS v5.0.0-6.2.9: passwords of at least 64 characters are accepted; we allow far more. */
export const MAX_PASSWORD_LENGTH = 256;

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

/** A diceware list has 7,776 words: each randomly chosen word brings log2(7776) ≈ 12.9 bits. */
const BITS_PER_WORD = Math.log2(7776);
/** A word shorter than this brings nothing to a passphrase ("a a a a a a a" is no passphrase). */
export const MIN_PASSPHRASE_WORD_LENGTH = 3;
/**
 * zxcvbn's floor: at least 10^10 guesses (its score 4, "very unguessable") by its model of how people choose
 * passwords (repeats, sequences, keyboard walks, dictionary words, dates), beside the CNIL count, which sees none of that.
 */
export const MIN_ZXCVBN_SCORE = 4;

/** What zxcvbn found in a password: its score (0-4) and the pieces it read it as. */
export interface Guessability {
  score: number;
  matches: { pattern: string; token: string; baseToken?: string | string[] }[];
}

/** Lists everyone knows by heart, in order: a run of their words ("lundi mardi mercredi…") is one guess, not seven. */
const KNOWN_SEQUENCES: readonly (readonly string[])[] = [
  ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  [
    'janvier',
    'fevrier',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'aout',
    'septembre',
    'octobre',
    'novembre',
    'decembre',
  ],
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  ['do', 're', 'mi', 'fa', 'sol', 'la', 'si'],
];

/** A word that is one letter repeated ("aaa") or a run of the alphabet ("abcd", "zyx"): no word at all. */
function isTrivialWord(w: string): boolean {
  const c = [...w];
  if (c.every((x) => x === c[0])) return true;
  const steps = c.slice(1).map((x, i) => x.charCodeAt(0) - c[i]!.charCodeAt(0));
  return steps.every((d) => d === 1) || steps.every((d) => d === -1);
}

/**
 * Distinct words of a passphrase (letters only, separated by spaces or dashes), counting only words of at least 3
 * letters that are not a repeated letter or a run of the alphabet, a repeated word once, and a run of a list everyone
 * knows in order (numbers, days, months) as one word; null when it does not read as a passphrase.
 */
function passphraseWords(password: string): number | null {
  const words = password
    .trim()
    .split(/[\s\-_.,;:]+/)
    .filter(Boolean);
  if (words.length < 3 || !words.every((w) => /^\p{L}+$/u.test(w))) return null;
  const kept = words.map(normalise).filter((w) => [...w].length >= MIN_PASSPHRASE_WORD_LENGTH && !isTrivialWord(w));
  // A word that follows its predecessor in a known list adds nothing: a run of the list counts as its first word.
  const followsInList = (w: string, i: number): boolean => {
    const prev = kept[i - 1];
    const list = prev === undefined ? undefined : KNOWN_SEQUENCES.find((l) => l.includes(w) && l.includes(prev));
    return list !== undefined && Math.abs(list.indexOf(w) - list.indexOf(prev!)) === 1;
  };
  const runs = kept.filter(followsInList).length;
  return new Set(kept).size - runs;
}

/**
 * The characters that count: a run of one character counts once ("aaaa" as "a", "AAaa11!!" as "Aa1!"), a repeated
 * group as its base once ("chat chat chat" as "chat "), a sequence or keyboard walk ("abcdef", "123456", "azerty") as
 * two characters.
 */
function effectiveText(password: string, g: Guessability | null): string {
  const reduced = g
    ? g.matches
        .map((m) => {
          if (m.pattern === 'repeat')
            return typeof m.baseToken === 'string' ? m.baseToken : (m.baseToken ?? []).join('');
          if (m.pattern === 'sequence' || m.pattern === 'spatial') return m.token.slice(0, 2);
          return m.token;
        })
        .join('')
    : password;
  return reduced.replace(/(.)\1+/gsu, '$1');
}

/** Strength in bits by the CNIL method: per character for a password, per distinct word for a passphrase; repeats and sequences count once. */
export function strengthBits(password: string, g: Guessability | null = null): number {
  const words = passphraseWords(password);
  return words === null ? estimateEntropyBits(effectiveText(password, g)) : words * BITS_PER_WORD;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface PasswordContext {
  /** Words a guesser would try first: the person's e-mail and name, the practice name, the product. */
  contextWords: string[];
  isCommon: (normalised: string) => boolean;
  /** zxcvbn's reading of a password (password.check.ts); absent, only the CNIL count applies. */
  guessability?: (password: string) => Guessability;
}

/**
 * CNIL 2022-100 and ASVS v5.0.0-6.2: ≥ 80 bits (e.g. 12 characters of 4 kinds, 14 of 3) or a passphrase of ≥ 7 distinct
 * words, counted without repeats and sequences, and zxcvbn's floor; no composition rule beyond that, no forced renewal;
 * refuses common passwords and gives no credit for context words (6.2.11, 6.2.12). Returns the issues (empty when the
 * password is acceptable).
 */
export function checkPasswordStrength(password: string, ctx: PasswordContext): ErrorIssue[] {
  const length = [...password].length;
  if (length > MAX_PASSWORD_LENGTH)
    return [{ path: 'password', code: 'password_too_long', params: { maximum: MAX_PASSWORD_LENGTH } }];
  const n = normalise(password);
  if (ctx.isCommon(n) || ctx.isCommon(n.replace(/[^a-z0-9]/g, '')))
    return [{ path: 'password', code: 'password_common' }];
  const whole = password.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Context words count for nothing: remove them (whatever their case) before measuring.
  let stripped = whole;
  for (const w of ctx.contextWords.filter((w) => w.length >= 4))
    stripped = stripped.replace(new RegExp(escapeRegExp(w.normalize('NFC')), 'giu'), ' ');
  stripped = stripped.replace(/\s+/g, ' ').trim();
  const g = ctx.guessability?.(stripped) ?? null;
  const bits = strengthBits(stripped, g);
  const isLongEnough = bits >= MIN_ENTROPY_BITS || isCnilFourKindsExample(effectiveText(stripped, g));
  const isUnguessable = g === null || g.score >= MIN_ZXCVBN_SCORE;
  if (isLongEnough && isUnguessable) return [];
  const params = { bits: Math.floor(bits), minimum: MIN_ENTROPY_BITS };
  // "It reuses your name" only when the name is what made it look strong: the same password without it would pass.
  if (stripped !== whole) {
    const gWhole = ctx.guessability?.(whole) ?? null;
    const wouldPass =
      (strengthBits(whole, gWhole) >= MIN_ENTROPY_BITS || isCnilFourKindsExample(effectiveText(whole, gWhole))) &&
      (gWhole === null || gWhole.score >= MIN_ZXCVBN_SCORE);
    if (wouldPass) return [{ path: 'password', code: 'password_context', params }];
  }
  const isPredictable =
    g !== null && g.matches.some((m) => m.pattern === 'repeat' || m.pattern === 'sequence' || m.pattern === 'spatial');
  if (isPredictable) return [{ path: 'password', code: 'password_predictable', params }];
  return [{ path: 'password', code: 'password_too_weak', params }];
}

/** CNIL 2022-100's own example: 12 characters mixing the four kinds is accepted as ≈ 80 bits (12 × log2 99 = 79.6). */
function isCnilFourKindsExample(password: string): boolean {
  return [...password].length >= 12 && CLASS_POOLS.every((c) => c.test.test(password));
}

/** Context words derived from a person and their practice. */
export function contextWordsFor(email: string, name: string, practiceNames: string[] = []): string[] {
  const local = email.split('@')[0] ?? '';
  const domain = (email.split('@')[1] ?? '').split('.')[0] ?? '';
  return [
    'gardien',
    'dentaire',
    'dentiste',
    'cabinet',
    'password',
    'motdepasse',
    'azerty',
    'qwerty',
    local,
    domain,
    ...name.split(/\s+/),
    ...practiceNames.flatMap((p) => p.split(/\s+/)),
  ].filter((w) => w.length >= 4);
}
