import type { Messages } from './fr.js';

// Translation keys written in the sources are checked against the French words: a typo fails the type-check.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
    returnNull: false;
  }
}
