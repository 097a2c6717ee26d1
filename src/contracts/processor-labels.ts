import type {
  CLAUSES,
  CONTRACT_BASES,
  END_OF_CONTRACT,
  HDS_ACTIVITIES,
  HDS_STATUSES,
  PROCESSOR_ISSUES,
  PROCESSOR_KINDS,
  PROCESSOR_ROLES,
  REVIEW_CHECKS,
  TRANSFER_MECHANISMS,
} from './processors.js';

type Words<T extends readonly string[]> = Record<T[number], string>;
interface ProcessorWords {
  kinds: Words<typeof PROCESSOR_KINDS>;
  roles: Words<typeof PROCESSOR_ROLES>;
  /** One line under each role: what it means for the practice. */
  roleHelp: Words<typeof PROCESSOR_ROLES>;
  clauses: Words<typeof CLAUSES>;
  bases: Words<typeof CONTRACT_BASES>;
  endOfContract: Words<typeof END_OF_CONTRACT>;
  hdsActivities: Words<typeof HDS_ACTIVITIES>;
  hdsStatuses: Words<typeof HDS_STATUSES>;
  mechanisms: Words<typeof TRANSFER_MECHANISMS>;
  issues: Words<typeof PROCESSOR_ISSUES>;
  checks: Words<typeof REVIEW_CHECKS>;
}

/** The one catalogue of the processors' values, for the documents the server writes and the screens alike. */
export const PROCESSOR_WORDS: Record<'fr' | 'en', ProcessorWords> = {
  fr: {
    kinds: {
      laboratory: 'Laboratoire de prothèse',
      software_vendor: 'Éditeur du logiciel de cabinet',
      host: 'Hébergeur',
      backup: 'Sauvegarde externalisée',
      accountant: 'Expert-comptable',
      it_maintenance: 'Maintenance informatique',
      booking_platform: 'Plateforme de prise de rendez-vous',
      sms_service: 'Service de rappel par SMS',
      secure_messaging: 'Messagerie sécurisée',
      imaging_cloud: 'Imagerie et radiologie en ligne',
      remote_secretariat: 'Secrétariat à distance',
      other: 'Autre prestataire',
    },
    roles: {
      processor: 'Sous-traitant',
      separate_controller: 'Responsable de traitement distinct',
      joint_controller: 'Responsable conjoint',
    },
    roleHelp: {
      processor:
        'Il traite les données pour le compte du cabinet et selon ses instructions : un contrat avec les clauses de l’article 28 est obligatoire.',
      separate_controller:
        'Il traite les données pour ses propres finalités (la CPAM et les complémentaires sont des destinataires, pas des sous-traitants) : pas de contrat article 28.',
      joint_controller:
        'Il décide avec le cabinet des finalités et des moyens : un accord entre responsables conjoints est requis (article 26).',
    },
    clauses: {
      instructions: 'a) Traitement sur instruction documentée du cabinet',
      confidentiality: 'b) Confidentialité des personnes autorisées',
      security: 'c) Mesures de sécurité de l’article 32',
      subProcessors: 'd) Conditions du recours à un sous-traitant ultérieur',
      dataSubjectRights: 'e) Aide à la réponse aux demandes des personnes',
      assistance: 'f) Aide pour la sécurité, les violations et l’AIPD (art. 32 à 36)',
      endOfContract: 'g) Suppression ou restitution des données en fin de contrat',
      audits: 'h) Informations et audits pour démontrer la conformité',
    },
    bases: {
      own: 'Contrat ou avenant propre',
      scc_2021_915: 'Clauses contractuelles types de la Commission (décision 2021/915)',
    },
    endOfContract: {
      return: 'Restitution des données',
      destruction: 'Destruction des données',
      choice: 'Restitution ou destruction, au choix du cabinet',
    },
    hdsActivities: {
      physical_sites: '1. Mise à disposition et maintien des sites physiques',
      hardware: '2. Infrastructure matérielle',
      virtual_infrastructure: '3. Infrastructure virtuelle',
      platform: '4. Plateforme d’hébergement d’applications',
      administration: '5. Administration et exploitation du système d’information',
      backup: '6. Sauvegarde des données de santé',
    },
    hdsStatuses: {
      not_required: 'Non requise',
      missing: 'Certificat non renseigné',
      valid: 'Valide',
      expiring: 'Expire dans moins de 90 jours',
      expired: 'Expiré',
      v1_outdated: 'Référentiel 2018 dépassé',
    },
    mechanisms: {
      adequacy: 'Décision d’adéquation (art. 45)',
      scc: 'Clauses contractuelles types 2021/914 (art. 46)',
      bcr: 'Règles d’entreprise contraignantes (art. 47)',
      none: 'Aucun encadrement',
    },
    issues: {
      contract_missing: 'Aucun contrat signé',
      arrangement_missing: 'Aucun accord entre responsables conjoints (article 26 du RGPD) signé',
      clauses_missing: 'Clauses de l’article 28 manquantes',
      contract_expired: 'Contrat expiré',
      contract_expiring: 'Contrat expirant dans moins de 60 jours',
      hds_missing: 'Certificat HDS non renseigné alors qu’il est obligatoire',
      hds_expired: 'Certificat HDS expiré',
      hds_expiring: 'Certificat HDS expirant dans moins de 90 jours',
      hds_v1_outdated:
        'Certificat HDS au référentiel 2018 : la recertification v2 devait intervenir avant le 16 mai 2026',
      health_data_outside_eea: 'Données de santé stockées hors de l’Espace économique européen',
      transfer_without_mechanism: 'Transfert hors de l’EEE sans encadrement',
      storage_unknown: 'Lieu de stockage non renseigné',
      subprocessor_outside_eea: 'Un sous-traitant ultérieur est hors de l’EEE : vérifiez l’encadrement du transfert',
      review_due: 'Revue annuelle à faire',
    },
    checks: {
      contract: 'Contrat et clauses',
      hds: 'Certificat HDS',
      storage: 'Lieu de stockage et transferts',
      subProcessors: 'Sous-traitants ultérieurs',
      security: 'Mesures de sécurité et engagements',
    },
  },
  en: {
    kinds: {
      laboratory: 'Prosthesis laboratory',
      software_vendor: 'Practice software vendor',
      host: 'Host',
      backup: 'Off-site backup',
      accountant: 'Accountant',
      it_maintenance: 'IT maintenance',
      booking_platform: 'Online booking platform',
      sms_service: 'SMS reminder service',
      secure_messaging: 'Secure messaging',
      imaging_cloud: 'Imaging and radiology cloud',
      remote_secretariat: 'Remote secretariat',
      other: 'Other provider',
    },
    roles: {
      processor: 'Processor',
      separate_controller: 'Separate controller',
      joint_controller: 'Joint controller',
    },
    roleHelp: {
      processor:
        'It processes data on the practice’s behalf and on its instructions: a contract with the Article 28 clauses is mandatory.',
      separate_controller:
        'It processes data for its own purposes (the CPAM and complementary insurers are recipients, not processors): no Article 28 contract.',
      joint_controller:
        'It decides the purposes and means together with the practice: an arrangement between joint controllers is required (Article 26).',
    },
    clauses: {
      instructions: '(a) Processing only on the practice’s documented instructions',
      confidentiality: '(b) Confidentiality of the authorised persons',
      security: '(c) Article 32 security measures',
      subProcessors: '(d) Conditions for engaging a sub-processor',
      dataSubjectRights: '(e) Assistance with data subjects’ requests',
      assistance: '(f) Assistance with security, breaches and DPIA (Arts 32–36)',
      endOfContract: '(g) Deletion or return of the data at the end',
      audits: '(h) Information and audits to demonstrate compliance',
    },
    bases: {
      own: 'Own contract or addendum',
      scc_2021_915: 'European Commission standard contractual clauses (Decision 2021/915)',
    },
    endOfContract: {
      return: 'Return of the data',
      destruction: 'Destruction of the data',
      choice: 'Return or destruction, as the practice chooses',
    },
    hdsActivities: {
      physical_sites: '1. Providing and maintaining the physical sites',
      hardware: '2. Hardware infrastructure',
      virtual_infrastructure: '3. Virtual infrastructure',
      platform: '4. Application-hosting platform',
      administration: '5. Administration and operation of the information system',
      backup: '6. Backup of health data',
    },
    hdsStatuses: {
      not_required: 'Not required',
      missing: 'Certificate not entered',
      valid: 'Valid',
      expiring: 'Expires within 90 days',
      expired: 'Expired',
      v1_outdated: '2018 referential outdated',
    },
    mechanisms: {
      adequacy: 'Adequacy decision (Art. 45)',
      scc: 'Standard contractual clauses 2021/914 (Art. 46)',
      bcr: 'Binding corporate rules (Art. 47)',
      none: 'No safeguard',
    },
    issues: {
      contract_missing: 'No signed contract',
      arrangement_missing: 'No arrangement between joint controllers (Article 26 GDPR) signed',
      clauses_missing: 'Article 28 clauses missing',
      contract_expired: 'Contract expired',
      contract_expiring: 'Contract expires within 60 days',
      hds_missing: 'HDS certificate not entered although it is required',
      hds_expired: 'HDS certificate expired',
      hds_expiring: 'HDS certificate expires within 90 days',
      hds_v1_outdated: 'HDS certificate under the 2018 referential: v2 re-certification was due by 16 May 2026',
      health_data_outside_eea: 'Health data stored outside the European Economic Area',
      transfer_without_mechanism: 'Transfer outside the EEA with no safeguard',
      storage_unknown: 'Storage location not entered',
      subprocessor_outside_eea: 'A sub-processor is outside the EEA: check how the transfer is framed',
      review_due: 'Yearly review due',
    },
    checks: {
      contract: 'Contract and clauses',
      hds: 'HDS certificate',
      storage: 'Storage location and transfers',
      subProcessors: 'Sub-processors',
      security: 'Security measures and undertakings',
    },
  },
};

/** A country's name in the reader's language (ISO 3166-1 alpha-2 code in, "Allemagne" out). */
export function countryName(code: string, lang: 'fr' | 'en'): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
