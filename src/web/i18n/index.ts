import i18n from 'i18next';
import type { ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enCore } from './en-core.js';
import { frCore } from './fr-core.js';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French first; English when the person chose it (remembered on their account) or, before sign-in, their browser asks for it. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem('gardien.language');
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: frCore }, en: { translation: enCore } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key must never reach the screen as a raw key: the i18n test fails first, and this shows it loudly.
  saveMissing: true,
  missingKeyHandler: (lngs, _ns, key) => console.error(`missing translation: ${key} (${lngs.join(',')})`),
});

export default i18n;

/**
 * A key built at run time (`nav.${key}`, a value's label): t() checks written keys against the French words at
 * compile time; these the i18n test checks instead, for every value the contracts allow.
 */
export const dynamicKey = (key: string) => key as ParseKeys;
