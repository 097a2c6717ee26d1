import { z } from 'zod';
import { cellText } from '../documents/csv.js';
import { ISSUE_MESSAGES } from '../../../contracts/issue-messages.js';
import { ERROR_MESSAGES } from '../../../contracts/messages.js';

export { ERROR_MESSAGES, ISSUE_MESSAGES };

export type Lang = 'fr' | 'en';

/** French first: English only when the client prefers it (Accept-Language). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'fr';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((p) => p.tag.startsWith('fr') || p.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return prefs[0]?.tag.startsWith('en') ? 'en' : 'fr';
}

const fill = (template: string, params: Record<string, unknown> | undefined): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) =>
    params && params[k] !== undefined ? cellText(params[k]) : `{${k}}`,
  );

export function errorMessage(code: string, lang: Lang): string {
  return (ERROR_MESSAGES[code] ?? ERROR_MESSAGES.INTERNAL!)[lang];
}

export function issueMessage(code: string, lang: Lang, params?: Record<string, unknown>): string | undefined {
  const m = ISSUE_MESSAGES[code];
  return m ? fill(m[lang], params) : undefined;
}

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/** A zod issue in the user's language: our own reason when the schema names one, else zod's locale. */
export function zodIssueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom) return issueMessage(custom, lang) ?? custom;
  // "Too small: expected string to have >=1 characters" is how zod says a field is empty: said plainly instead.
  if (issue.code === 'too_small' && Number(issue.minimum) === 1) {
    const plain = issueMessage(issue.origin === 'array' || issue.origin === 'set' ? 'choose_one' : 'required', lang);
    if (plain && (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set')) return plain;
  }
  if (issue.code === 'too_big' && issue.origin === 'number')
    return issueMessage('number_too_big', lang, { max: Number(issue.maximum) }) ?? '';
  if (issue.code === 'too_small' && issue.origin === 'number')
    return issueMessage('number_too_small', lang, { min: Number(issue.minimum) }) ?? '';
  const out = zodLocales[lang](issue as never);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}
