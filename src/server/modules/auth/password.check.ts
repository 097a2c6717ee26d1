import { createRequire } from 'node:module';
import { AppError, type ErrorIssue } from '../../shared/app-error.js';
import { checkPasswordStrength, type Guessability } from './password.rules.js';

interface Checker {
  common: Set<string>;
  guessability: (password: string) => Guessability;
}

let checker: Promise<Checker> | undefined;
/**
 * The ~49,000 most common passwords and zxcvbn with its dictionaries and keyboard graphs, loaded on the first password
 * choice rather than at start-up.
 */
const loadChecker = () =>
  // require, not import(): the bundle runs from a V8 code cache, where Node 20 loses import()'s callback (database.ts).
  (checker ??= Promise.resolve().then(() => {
    const require = createRequire(import.meta.url);
    const lang = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const list = lang.dictionary?.['passwords-common'] as string[] | undefined;
    // Never an empty list in silence: every password would pass the check.
    if (!list?.length) throw new Error('the list of common passwords could not be loaded');
    const zxcvbn = new ZxcvbnFactory({ dictionary: { ...lang.dictionary }, graphs: lang.adjacencyGraphs });
    return {
      common: new Set(list.map((p) => p.toLowerCase())),
      guessability: (password: string) => {
        const r = zxcvbn.check(password);
        return {
          score: r.score,
          matches: r.sequence.map((m) => ({
            pattern: m.pattern,
            token: m.token,
            ...('baseToken' in m ? { baseToken: m.baseToken as string | string[] } : {}),
          })),
        };
      },
    };
  }));

/** The password rule (password.rules.ts) with the common-password list and zxcvbn: the issues, empty when acceptable. */
export async function passwordIssues(password: string, contextWords: string[], field: string): Promise<ErrorIssue[]> {
  const c = await loadChecker();
  return checkPasswordStrength(password, {
    contextWords,
    isCommon: (p) => c.common.has(p),
    guessability: c.guessability,
  }).map((i) => ({ ...i, path: field }));
}

/** The password rule, refused as a 400 on `field`. */
export async function assertPasswordRule(password: string, contextWords: string[], field: string): Promise<void> {
  const issues = await passwordIssues(password, contextWords, field);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
}
