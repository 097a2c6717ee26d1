import { REQUEST_WORDS } from '../../../contracts/rights-requests-labels.js';
import type { DecisionSubject, LetterKind, Verdict } from '../../../contracts/request-answers.js';
import type { RequestKind, RequestStatus, RightsRequestResponse } from '../../../contracts/rights-requests.js';
import type { Lang } from '../../platform/http/messages.js';

/** The words of the server's documents; a request's kinds, channels, relations and statuses come from the shared catalogue. */
export const KIND_LABELS: Record<Lang, Record<RequestKind, string>> = {
  fr: REQUEST_WORDS.fr.kinds,
  en: REQUEST_WORDS.en.kinds,
};

export const CHANNEL_LABELS: Record<Lang, Record<RightsRequestResponse['channel'], string>> = {
  fr: REQUEST_WORDS.fr.channels,
  en: REQUEST_WORDS.en.channels,
};

export const RELATION_LABELS: Record<Lang, Record<RightsRequestResponse['requester']['relation'], string>> = {
  fr: REQUEST_WORDS.fr.relations,
  en: REQUEST_WORDS.en.relations,
};

export const STATUS_LABELS: Record<Lang, Record<RequestStatus, string>> = {
  fr: REQUEST_WORDS.fr.statuses,
  en: REQUEST_WORDS.en.statuses,
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
