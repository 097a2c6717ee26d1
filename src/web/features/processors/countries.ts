import { COUNTRY_CODES } from '../../../contracts/countries.js';

const cache = new Map<string, { value: string; label: string }[]>();

/** The ISO 3166-1 countries named in the reader's language, in its alphabetical order (for a searchable Select). */
export function countryOptions(lang: string): { value: string; label: string }[] {
  const known = cache.get(lang);
  if (known) return known;
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const out = COUNTRY_CODES.map((c) => ({ value: c, label: names.of(c) ?? c })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );
  cache.set(lang, out);
  return out;
}
