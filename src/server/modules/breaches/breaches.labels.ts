import type {
  CAUSES,
  CIRCUMSTANCES,
  CONSEQUENCES,
  DATA_CATEGORIES,
  DECISIONS,
  INFORM_CHANNELS,
  NATURES,
  NOTIFICATION_KINDS,
  PEOPLE_CATEGORIES,
  PEOPLE_EXCEPTIONS,
  SEVERITY_BANDS,
} from '../../../contracts/breaches.js';
/**
 * The words of the contract's values in generated documents: the CNIL online form's own wording, which the draft of the
 * notification must reproduce (the screens say the same things in plainer words, in features/breaches/i18n.*.ts).
 */
type Lang = 'fr' | 'en';
type Labels = Readonly<Record<string, { fr: string; en: string }>>;
/** A label for every value of the contract's list: a new value without its words fails the type-check. */
type LabelsOf<T extends readonly string[]> = Record<T[number], { fr: string; en: string }>;

export const NATURE_LABELS: LabelsOf<typeof NATURES> = {
  confidentiality: { fr: 'Perte de la confidentialité', en: 'Loss of confidentiality' },
  integrity: { fr: 'Perte de l’intégrité', en: 'Loss of integrity' },
  availability: { fr: 'Perte de la disponibilité', en: 'Loss of availability' },
};

export const CIRCUMSTANCE_LABELS: LabelsOf<typeof CIRCUMSTANCES> = {
  lost_or_stolen_device: { fr: 'Équipement perdu ou volé', en: 'Lost or stolen device' },
  lost_or_stolen_paper: {
    fr: 'Papier perdu, volé ou laissé accessible dans un endroit non sécurisé',
    en: 'Paper lost, stolen or left in an unsecured place',
  },
  mail_lost_or_opened: {
    fr: 'Courrier perdu ou ouvert avant d’être retourné à l’envoyeur',
    en: 'Mail lost or opened before being returned to the sender',
  },
  hacking_malware_phishing: {
    fr: 'Piratage, logiciel malveillant et/ou hameçonnage',
    en: 'Hacking, malware and/or phishing',
  },
  ransomware: { fr: 'Rançongiciel', en: 'Ransomware' },
  wrong_recipient: {
    fr: 'Données personnelles envoyées à un mauvais destinataire',
    en: 'Personal data sent to the wrong recipient',
  },
  improper_disposal: {
    fr: 'Mise au rebut de documents ou d’appareils sans destruction ou effacement sécurisé',
    en: 'Documents or devices disposed of without secure destruction or erasure',
  },
  published_by_mistake: { fr: 'Publication non volontaire d’informations', en: 'Information published by mistake' },
  verbal_disclosure: {
    fr: 'Informations personnelles divulguées de façon verbale',
    en: 'Personal information disclosed verbally',
  },
  other: { fr: 'Autre', en: 'Other' },
};

export const CAUSE_LABELS: LabelsOf<typeof CAUSES> = {
  internal_malicious: { fr: 'Acte interne malveillant', en: 'Internal malicious act' },
  internal_accidental: { fr: 'Acte interne accidentel', en: 'Internal accidental act' },
  external_malicious: { fr: 'Acte externe malveillant', en: 'External malicious act' },
  external_accidental: { fr: 'Acte externe accidentel', en: 'External accidental act' },
  unknown: { fr: 'Inconnu', en: 'Unknown' },
  other: { fr: 'Autre', en: 'Other' },
};

export const PEOPLE_LABELS: LabelsOf<typeof PEOPLE_CATEGORIES> = {
  patients: { fr: 'Patients', en: 'Patients' },
  minors: { fr: 'Mineurs', en: 'Minors' },
  vulnerable: { fr: 'Personnes vulnérables', en: 'Vulnerable people' },
  staff: { fr: 'Personnel du cabinet', en: 'Practice staff' },
  other: { fr: 'Autres', en: 'Others' },
};

export const DATA_LABELS: LabelsOf<typeof DATA_CATEGORIES> = {
  identity: { fr: 'État civil (nom, sexe, date de naissance…)', en: 'Identity (name, sex, date of birth…)' },
  contact: { fr: 'Coordonnées', en: 'Contact details' },
  social_security_number: { fr: 'Numéro de sécurité sociale (NIR)', en: 'Social security number (NIR)' },
  health: { fr: 'Données de santé', en: 'Health data' },
  financial: { fr: 'Données bancaires ou financières', en: 'Bank or financial data' },
  login: { fr: 'Identifiants de connexion', en: 'Login credentials' },
  location: { fr: 'Données de localisation', en: 'Location data' },
  official_documents: { fr: 'Documents officiels (pièce d’identité…)', en: 'Official documents (ID card…)' },
  other: { fr: 'Autres', en: 'Other' },
};

export const CONSEQUENCE_LABELS: LabelsOf<typeof CONSEQUENCES> = {
  loss_of_control: { fr: 'Perte de maîtrise de leurs données', en: 'Loss of control over their data' },
  limitation_of_rights: { fr: 'Limitation de leurs droits', en: 'Limitation of their rights' },
  discrimination: { fr: 'Discrimination', en: 'Discrimination' },
  identity_theft: { fr: 'Usurpation d’identité ou fraude', en: 'Identity theft or fraud' },
  financial_loss: { fr: 'Perte financière', en: 'Financial loss' },
  damage_to_reputation: { fr: 'Atteinte à la réputation', en: 'Damage to reputation' },
  loss_of_professional_secrecy: {
    fr: 'Perte de la confidentialité de données protégées par le secret professionnel',
    en: 'Loss of confidentiality of data protected by professional secrecy',
  },
  other: { fr: 'Autre', en: 'Other' },
};

/** ENISA bands shown with the CNIL's scale, agreeing with "gravité" (Négligeable / Limitée / Importante / Maximale). */
export const BAND_LABELS: LabelsOf<typeof SEVERITY_BANDS> = {
  low: { fr: 'Négligeable', en: 'Low' },
  medium: { fr: 'Limitée', en: 'Medium' },
  high: { fr: 'Importante', en: 'High' },
  very_high: { fr: 'Maximale', en: 'Very high' },
};

export const DECISION_LABELS: LabelsOf<typeof DECISIONS> = {
  record_only: {
    fr: 'Inscription au registre seulement (risque improbable)',
    en: 'Recorded in the register only (risk unlikely)',
  },
  notify_authority: { fr: 'Notification à la CNIL', en: 'Notification to the CNIL' },
  notify_authority_and_people: {
    fr: 'Notification à la CNIL et information des personnes',
    en: 'Notification to the CNIL and information of the people',
  },
};

export const EXCEPTION_LABELS: LabelsOf<typeof PEOPLE_EXCEPTIONS> = {
  encrypted: {
    fr: 'Données rendues incompréhensibles (chiffrement, clé non compromise) — art. 34.3.a',
    en: 'Data made unintelligible (encryption, key not compromised) — Art. 34(3)(a)',
  },
  risk_removed: {
    fr: 'Mesures ultérieures : le risque élevé n’est plus susceptible de se matérialiser — art. 34.3.b',
    en: 'Later measures: the high risk is no longer likely — Art. 34(3)(b)',
  },
  disproportionate_effort: {
    fr: 'Efforts disproportionnés : communication publique à la place — art. 34.3.c',
    en: 'Disproportionate effort: public communication instead — Art. 34(3)(c)',
  },
};

export const NOTIFICATION_LABELS: LabelsOf<typeof NOTIFICATION_KINDS> = {
  initial: { fr: 'Notification initiale', en: 'Initial notification' },
  complementary: { fr: 'Notification complémentaire', en: 'Complementary notification' },
  complete: { fr: 'Notification complète', en: 'Complete notification' },
};

export const CHANNEL_LABELS: LabelsOf<typeof INFORM_CHANNELS> = {
  letter: { fr: 'Courrier', en: 'Letter' },
  email: { fr: 'Courriel', en: 'E-mail' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  in_person: { fr: 'En personne', en: 'In person' },
  public_communication: { fr: 'Communication publique', en: 'Public communication' },
};

export const INFORMATION_STATE_LABELS: Labels = {
  informed: { fr: 'Oui, les personnes ont été informées', en: 'Yes, the people were informed' },
  will_be: { fr: 'Non, mais elles le seront', en: 'No, but they will be' },
  undetermined: { fr: 'Non déterminé pour le moment', en: 'Not determined yet' },
  will_not_be: { fr: 'Non, elles ne le seront pas', en: 'No, they will not be' },
};

export const label = (labels: Labels, key: string | null | undefined, lang: Lang): string =>
  key ? (labels[key]?.[lang] ?? key) : '';
export const labelList = (labels: Labels, keys: readonly string[], lang: Lang): string =>
  keys.map((k) => label(labels, k, lang)).join(' ; ');
