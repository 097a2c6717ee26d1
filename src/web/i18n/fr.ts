import { authFr } from '../features/auth/i18n.fr.js';
import { homeFr } from '../features/home/i18n.fr.js';
import { requestsPagesFr } from '../features/requests/i18n.fr.js';
import { patientsFr } from '../features/patients/i18n.fr.js';
import { practiceFr } from '../features/practice/i18n.fr.js';
import { backupFr } from '../features/backup/i18n.fr.js';
import { accountFr, auditFr, invitationsFr, teamFr } from '../features/team/i18n.fr.js';
import { breachesFr, breachValuesFr } from '../features/breaches/i18n.fr.js';
import { answersFr, answerValuesFr } from '../features/requests/i18n.fr.js';
import { noticesFr, registerFr, registerValuesFr } from '../features/register/i18n.fr.js';

/**
 * French, the interface's first language. Plain words for a dentist or an assistant: no legal or IT jargon.
 * en.ts must have exactly the same keys (checked by the type below and by src/web/i18n/i18n.test.ts).
 */

export { AUDIT_ACTIONS_FR } from '../features/audit/actions.fr.js';
import { AUDIT_ACTIONS_FR } from '../features/audit/actions.fr.js';

/** i18next reads dots as nesting: an action's key in the resources. */
const flatKey = (action: string) => action.replaceAll('.', '_');
export const actionKey = (action: string) => `auditActions.${flatKey(action)}`;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS_FR);
/** The audit-event labels as i18next resources (one level, dots replaced). */
export const nestActionLabels = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [flatKey(k), v]));

export const fr = {
  app: {
    name: 'Gardien',
    lang: 'fr',
    loading: 'Chargement…',
    unreachableTitle: 'Serveur injoignable',
    unreachable: 'Gardien ne répond pas. Vérifiez que le serveur est démarré et que vous êtes sur le bon réseau.',
    retry: 'Réessayer',
    noPracticeTitle: 'Aucun cabinet',
    noPractice:
      'Votre compte ne fait partie d’aucun cabinet pour l’instant. Demandez au titulaire de vous ajouter à l’équipe.',
  },
  nav: {
    main: 'Navigation principale',
    toggle: 'Ouvrir ou fermer le menu',
    practice: 'Cabinet',
    language: 'Langue',
    logout: 'Se déconnecter',
    home: 'À faire',
    register: 'Registre',
    notices: 'Information patients',
    requests: 'Demandes des patients',
    patients: 'Patients',
    breaches: 'Violations',
    processors: 'Sous-traitants',
    security: 'Sécurité',
    team: 'Équipe',
    rituals: 'Rituels',
    retention: 'Conservation',
    consents: 'Consentements',
    audit: 'Journal d’audit',
    assessment: 'Auto-évaluation',
    dpia: 'AIPD',
    inspection: 'Pack contrôle',
    backup: 'Sauvegardes',
    account: 'Mon compte',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'L’adresse {{path}} ne correspond à aucune page de Gardien.',
    home: 'Revenir à la liste « À faire »',
  },
  common: {
    close: 'Fermer',
    closeDialog: 'Fermer la fenêtre',
    cancel: 'Annuler',
    copy: 'Copier',
    copied: 'Copié',
    print: 'Imprimer',
  },
  errors: {
    title: 'Impossible de continuer',
    unexpected: 'Une erreur inattendue est survenue. Rien n’a été enregistré ; réessayez.',
  },
  roles: {
    owner: 'Titulaire (responsable de traitement)',
    practitioner: 'Praticien',
    assistant: 'Assistant(e)',
    trainee: 'Stagiaire',
    dpo: 'DPO ou consultant',
    auditor: 'Auditeur (lecture seule)',
  },
  roleHelp: {
    owner: 'Gère l’équipe et les réglages ; c’est le responsable de traitement.',
    practitioner: 'Dentiste associé ou salarié.',
    assistant: 'Assistant(e) dentaire ou secrétaire.',
    trainee: 'Étudiant ou stagiaire : ne voit que ce dont son travail a besoin.',
    dpo: 'Délégué à la protection des données ou consultant externe.',
    auditor: 'Consulte sans rien modifier (contrôle, audit).',
  },
  ...authFr,
  invitations: invitationsFr,
  ...homeFr,
  team: teamFr,
  audit: auditFr,
  ...requestsPagesFr,
  ...patientsFr,
  ...practiceFr,
  auditActions: nestActionLabels(AUDIT_ACTIONS_FR),
  account: accountFr,
  breaches: breachesFr,
  breachValues: breachValuesFr,
  answers: answersFr,
  answerValues: answerValuesFr,
  register: registerFr,
  notices: noticesFr,
  registerValues: registerValuesFr,
  ...backupFr,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every other language must have. */
export type Messages = Shape<typeof fr>;
