import type { CHANNELS, REQUEST_KINDS, RELATIONS, REQUEST_STATUSES } from './rights-requests.js';

// The words of a rights request's values, in French and English: one catalogue for the server's documents (the register
// of requests, letters, the ZIP index) and the web app's screens, so a value reads the same everywhere.

type Words<T extends readonly string[]> = Record<T[number], string>;
interface RequestWords {
  kinds: Words<typeof REQUEST_KINDS>;
  channels: Words<typeof CHANNELS>;
  relations: Words<typeof RELATIONS>;
  statuses: Words<typeof REQUEST_STATUSES>;
}

export const REQUEST_WORDS: Record<'fr' | 'en', RequestWords> = {
  fr: {
    kinds: {
      access: 'Accès aux données',
      rectification: 'Rectification',
      erasure: 'Effacement',
      objection: 'Opposition',
      restriction: 'Limitation',
      portability: 'Portabilité',
      health_record_access: 'Accès au dossier médical',
    },
    channels: {
      letter: 'Courrier',
      email: 'E-mail',
      in_person: 'Au cabinet',
      phone: 'Téléphone',
      web_form: 'Formulaire en ligne',
    },
    relations: {
      self: 'Le patient',
      legal_representative: 'Représentant légal',
      designated_doctor: 'Médecin désigné',
      heir: 'Ayant droit',
      other: 'Autre',
    },
    statuses: {
      received: 'Reçue',
      identity_check: 'Vérification d’identité',
      in_progress: 'En cours',
      answered: 'Répondue',
      refused: 'Refusée',
      withdrawn: 'Retirée',
    },
  },
  en: {
    kinds: {
      access: 'Access to data',
      rectification: 'Rectification',
      erasure: 'Erasure',
      objection: 'Objection',
      restriction: 'Restriction',
      portability: 'Portability',
      health_record_access: 'Access to the health record',
    },
    channels: {
      letter: 'Letter',
      email: 'E-mail',
      in_person: 'At the practice',
      phone: 'Phone',
      web_form: 'Online form',
    },
    relations: {
      self: 'The patient',
      legal_representative: 'Legal representative',
      designated_doctor: 'Designated doctor',
      heir: 'Heir',
      other: 'Other',
    },
    statuses: {
      received: 'Received',
      identity_check: 'Identity check',
      in_progress: 'In progress',
      answered: 'Answered',
      refused: 'Refused',
      withdrawn: 'Withdrawn',
    },
  },
};
