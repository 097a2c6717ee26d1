// The catalogue of the answers' words: every error code and every issue code (the reason attached to a field) with its
// message in French and English. One place for the server's answers and anything else that shows them; a test scans the
// sources and fails on a code without both messages (test/issue-codes.test.ts).

export type Catalogue = Record<string, { fr: string; en: string }>;

/** One message per error code, in plain words for people who are neither lawyers nor IT staff. */
export const ERROR_MESSAGES: Catalogue = {
  VALIDATION_FAILED: {
    fr: 'Certaines informations sont invalides. Corrigez les champs indiqués.',
    en: 'Some information is invalid. Please correct the fields shown.',
  },
  UNAUTHENTICATED: { fr: 'Vous devez vous connecter.', en: 'You need to sign in.' },
  INVALID_CREDENTIALS: {
    fr: 'E-mail ou mot de passe incorrect, ou compte temporairement bloqué après trop d’essais.',
    en: 'Wrong e-mail or password, or account temporarily locked after too many attempts.',
  },
  MFA_REQUIRED: {
    fr: 'Saisissez le code de votre application d’authentification pour continuer.',
    en: 'Enter the code from your authenticator app to continue.',
  },
  SESSION_LOCKED: {
    fr: 'Votre session a été verrouillée après une période d’inactivité. Saisissez votre mot de passe pour la déverrouiller.',
    en: 'Your session was locked after a period of inactivity. Enter your password to unlock it.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    fr: 'Vous devez choisir un nouveau mot de passe avant de continuer.',
    en: 'You must choose a new password before continuing.',
  },
  FORBIDDEN: { fr: 'Votre rôle ne permet pas cette action.', en: 'Your role does not allow this action.' },
  CSRF_FAILED: {
    fr: 'La requête n’a pas pu être authentifiée. Rechargez la page et réessayez.',
    en: 'The request could not be authenticated. Reload the page and try again.',
  },
  NOT_FOUND: { fr: 'Élément introuvable.', en: 'Not found.' },
  CONFLICT: {
    fr: 'Cette action est impossible dans l’état actuel.',
    en: 'This action is not possible in the current state.',
  },
  DEADLINE_PASSED: {
    fr: 'Le délai est déjà dépassé : cette action n’est plus possible.',
    en: 'The deadline has already passed: this action is no longer possible.',
  },
  PAYLOAD_TOO_LARGE: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: 'Format de requête non pris en charge (JSON attendu).',
    en: 'Unsupported request format (JSON expected).',
  },
  RATE_LIMITED: {
    fr: 'Trop de requêtes. Patientez un peu avant de réessayer.',
    en: 'Too many requests. Please wait a little before trying again.',
  },
  INTERNAL: {
    fr: 'Une erreur interne est survenue. Rien n’a été enregistré ; réessayez.',
    en: 'An internal error occurred. Nothing was saved; please try again.',
  },
  SERVICE_UNAVAILABLE: {
    fr: 'Le service est momentanément indisponible.',
    en: 'The service is temporarily unavailable.',
  },
};
