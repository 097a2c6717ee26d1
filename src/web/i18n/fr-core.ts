import { authFr } from '../features/auth/i18n.fr.js';

/**
 * The words shown before and around sign-in (the app frame, errors, roles, the sign-in steps): loaded with the first
 * page. The work screens' words come with the signed-in workspace (i18n/workspace.ts).
 */
export const frCore = {
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
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape of the core words in every other language. */
export type CoreMessages = Shape<typeof frCore>;
