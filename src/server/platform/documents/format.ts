/** A calendar date `YYYY-MM-DD` as people read it in France and in our documents: `31/03/2026`. */
export const frenchDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A day (or the day of an instant) in a document's language: `31/03/2026` in French, `2026-03-31` in English, '' for none. */
export const documentDay = (d: string | null | undefined, lang: 'fr' | 'en'): string =>
  d ? (lang === 'fr' ? frenchDate(d.slice(0, 10)) : d.slice(0, 10)) : '';
