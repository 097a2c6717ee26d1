import type { DecisionSubject, LetterKind, Verdict } from '../../../contracts/request-answers.js';
import type { RequestKind, RequestStatus, RightsRequestResponse } from '../../../contracts/rights-requests.js';
import type { Lang } from '../../platform/http/messages.js';

/** The words of the server's documents (register, ZIP index); the screens have their own in web/i18n. */
export const KIND_LABELS: Record<Lang, Record<RequestKind, string>> = {
  fr: {
    access: 'Accès',
    rectification: 'Rectification',
    erasure: 'Effacement',
    objection: 'Opposition',
    restriction: 'Limitation',
    portability: 'Portabilité',
    health_record_access: 'Communication du dossier médical',
  },
  en: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    objection: 'Objection',
    restriction: 'Restriction',
    portability: 'Portability',
    health_record_access: 'Health record access',
  },
};

export const CHANNEL_LABELS: Record<Lang, Record<RightsRequestResponse['channel'], string>> = {
  fr: {
    letter: 'Courrier',
    email: 'E-mail',
    in_person: 'Au cabinet',
    phone: 'Téléphone',
    web_form: 'Formulaire en ligne',
  },
  en: { letter: 'Letter', email: 'E-mail', in_person: 'In person', phone: 'Phone', web_form: 'Web form' },
};

export const RELATION_LABELS: Record<Lang, Record<RightsRequestResponse['requester']['relation'], string>> = {
  fr: {
    self: 'Le patient',
    legal_representative: 'Représentant légal',
    designated_doctor: 'Médecin désigné',
    heir: 'Ayant droit',
    other: 'Autre',
  },
  en: {
    self: 'The patient',
    legal_representative: 'Legal representative',
    designated_doctor: 'Designated doctor',
    heir: 'Heir',
    other: 'Other',
  },
};

export const STATUS_LABELS: Record<Lang, Record<RequestStatus, string>> = {
  fr: {
    received: 'Reçue',
    identity_check: 'Vérification d’identité',
    in_progress: 'En cours',
    answered: 'Répondue',
    refused: 'Refusée',
    withdrawn: 'Retirée',
  },
  en: {
    received: 'Received',
    identity_check: 'Identity check',
    in_progress: 'In progress',
    answered: 'Answered',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
  },
};

export const SUBJECT_LABELS: Record<Lang, Record<DecisionSubject, string>> = {
  fr: {
    art15_information: 'Informations art. 15',
    copy: 'Copie',
    health_record: 'Dossier médical',
    rectification: 'Rectification',
    medical_record: 'Dossier médical',
    marketing: 'Communications hors soins',
    commercial_photos: 'Photos hors soins',
    care: 'Soins',
    sms_reminders: 'Rappels SMS',
    restriction: 'Limitation',
    portability: 'Portabilité',
    care_sharing: 'Partage entre soignants',
  },
  en: {
    art15_information: 'Art. 15 information',
    copy: 'Copy',
    health_record: 'Health record',
    rectification: 'Rectification',
    medical_record: 'Medical record',
    marketing: 'Communications outside care',
    commercial_photos: 'Photos outside care',
    care: 'Care',
    sms_reminders: 'SMS reminders',
    restriction: 'Restriction',
    portability: 'Portability',
    care_sharing: 'Sharing between carers',
  },
};

export const VERDICT_LABELS: Record<Lang, Record<Verdict, string>> = {
  fr: { carried_out: 'fait', refused: 'refusé', not_applicable: 'sans objet' },
  en: { carried_out: 'done', refused: 'refused', not_applicable: 'not applicable' },
};

export const LETTER_LABELS: Record<Lang, Record<LetterKind, string>> = {
  fr: {
    acknowledgement: 'Accusé de réception',
    identity_request: 'Demande de justificatif d’identité',
    extension: 'Prolongation',
    answer: 'Réponse',
    refusal: 'Refus',
    restriction_lift: 'Levée de la limitation',
  },
  en: {
    acknowledgement: 'Acknowledgement',
    identity_request: 'Identity request',
    extension: 'Extension',
    answer: 'Answer',
    refusal: 'Refusal',
    restriction_lift: 'Restriction lifted',
  },
};
