import type {
  ART9_CONDITIONS,
  DATA_KINDS,
  DPIA_CRITERIA,
  DPIA_REASONS,
  LEGAL_BASES,
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  PEOPLE,
  RECIPIENT_TYPES,
  SAFEGUARDS,
  SECURITY_MEASURES,
  SENSITIVE_KINDS,
} from './register.js';

type Words<T extends readonly string[]> = Record<T[number], string>;
interface RegisterWords {
  legalBases: Words<typeof LEGAL_BASES>;
  art9: Words<typeof ART9_CONDITIONS>;
  people: Words<typeof PEOPLE>;
  data: Words<typeof DATA_KINDS>;
  sensitive: Words<typeof SENSITIVE_KINDS>;
  recipients: Words<typeof RECIPIENT_TYPES>;
  security: Words<typeof SECURITY_MEASURES>;
  safeguards: Words<typeof SAFEGUARDS>;
  dpia: Words<typeof DPIA_CRITERIA>;
  dpiaReasons: Words<typeof DPIA_REASONS>;
  noticeKinds: Words<typeof NOTICE_KINDS>;
  noticeChannels: Words<typeof NOTICE_CHANNELS>;
}

/**
 * The one catalogue of the register's values, for the exports the server writes and the screens alike (the CNIL's own
 * labels where its model register has them, regulatory.md §12.2).
 */
export const REGISTER_WORDS: Record<'fr' | 'en', RegisterWords> = {
  fr: {
    legalBases: {
      consent: 'Consentement (art. 6.1 a)',
      contract: 'Contrat (art. 6.1 b)',
      legal_obligation: 'Obligation légale (art. 6.1 c)',
      vital_interests: 'Intérêts vitaux (art. 6.1 d)',
      public_interest: 'Mission d’intérêt public (art. 6.1 e)',
      legitimate_interest: 'Intérêt légitime (art. 6.1 f)',
    },
    art9: {
      explicit_consent: 'Consentement explicite (art. 9.2 a)',
      employment_social_security: 'Droit du travail et protection sociale (art. 9.2 b)',
      vital_interests: 'Intérêts vitaux (art. 9.2 c)',
      made_public: 'Données rendues publiques (art. 9.2 e)',
      legal_claims: 'Droits en justice (art. 9.2 f)',
      substantial_public_interest: 'Intérêt public important (art. 9.2 g)',
      health_care: 'Médecine, diagnostic, soins sous secret professionnel (art. 9.2 h et 9.3)',
      public_health: 'Santé publique (art. 9.2 i)',
      research: 'Recherche et statistiques (art. 9.2 j)',
    },
    people: {
      patients: 'Patients',
      employees: 'Salariés',
      internal_services: 'Services internes',
      clients: 'Clients',
      suppliers: 'Fournisseurs',
      service_providers: 'Prestataires',
      prospects: 'Prospects',
      candidates: 'Candidats',
      visitors: 'Visiteurs',
      other: 'Autres',
    },
    data: {
      identity: 'État civil, identité, données d’identification, images',
      personal_life: 'Vie personnelle (habitudes de vie, situation familiale…)',
      professional_life: 'Vie professionnelle (CV, formation, distinctions…)',
      economic: 'Informations d’ordre économique et financier',
      connection: 'Données de connexion (adresse IP, journaux…)',
      location: 'Données de localisation',
      internet: 'Internet (cookies, traceurs…)',
      nir: 'Numéro de sécurité sociale (NIR)',
      other: 'Autres',
    },
    sensitive: {
      racial_ethnic: 'Origine raciale ou ethnique',
      political: 'Opinions politiques',
      religious: 'Convictions religieuses ou philosophiques',
      union: 'Appartenance syndicale',
      genetic: 'Données génétiques',
      biometric: 'Données biométriques d’identification',
      health: 'Données concernant la santé',
      sex_life: 'Vie sexuelle ou orientation sexuelle',
      criminal: 'Condamnations pénales ou infractions',
    },
    recipients: {
      internal: 'Service interne qui traite les données',
      processor: 'Sous-traitants',
      third_country: 'Destinataires dans des pays tiers ou organisations internationales',
      institutional_partner: 'Partenaires institutionnels ou commerciaux',
      other: 'Autres',
    },
    security: {
      traceability: 'Mesures de traçabilité',
      software_protection: 'Mesures de protection des logiciels',
      backup: 'Sauvegarde des données',
      encryption: 'Chiffrement des données',
      access_control: 'Contrôle d’accès des utilisateurs',
      processor_control: 'Contrôle des sous-traitants',
      other: 'Autres mesures',
    },
    safeguards: {
      scc: 'Clauses contractuelles types',
      bcr: 'Règles d’entreprise contraignantes',
      adequacy: 'Pays adéquat',
      code_of_conduct: 'Code de conduite',
      certification: 'Certification',
      derogation_art49: 'Dérogations (art. 49)',
    },
    dpia: {
      evaluation_scoring: 'Évaluation ou notation (y compris profilage)',
      automated_decision: 'Décision automatique aux effets importants',
      systematic_monitoring: 'Surveillance systématique',
      sensitive_data: 'Données sensibles ou à caractère hautement personnel',
      large_scale: 'Traitement à grande échelle',
      matching_datasets: 'Croisement de jeux de données',
      vulnerable_people: 'Personnes vulnérables (patients, enfants, personnes âgées)',
      innovative_technology: 'Usage innovant ou nouvelle technologie',
      prevents_right: 'Exclusion du bénéfice d’un droit ou d’un service',
      group_practice_over_10000: 'Cabinet de groupe, système d’information partagé et plus de 10 000 patients par an',
    },
    dpiaReasons: {
      group_practice:
        'Analyse d’impact requise, et désignation d’un délégué à la protection des données attendue : cabinet de groupe partageant son système d’information pour plus de 10 000 patients par an (référentiel CNIL des cabinets médicaux, § 11).',
      criteria:
        'Analyse d’impact requise : au moins deux critères des lignes directrices du CEPD sont remplis (article 35 du RGPD).',
      care_listed:
        'Pas d’analyse d’impact requise : les soins dispensés par un professionnel de santé figurent sur la liste CNIL des traitements qui en sont dispensés (délibération 2019-118), sauf critère supplémentaire.',
      one_criterion:
        'Pas d’analyse d’impact requise en règle générale : un seul critère du CEPD est rempli. Notez pourquoi le risque reste limité.',
      no_criterion: 'Pas d’analyse d’impact requise : aucun critère du CEPD n’est rempli pour cette activité.',
    },
    noticeKinds: {
      patient: 'Note d’information patients (une page)',
      poster: 'Affiche de la salle d’attente',
      website: 'Texte pour le site internet',
      booking: 'Mention pour la prise de rendez-vous en ligne',
    },
    noticeChannels: {
      given_to_patient: 'Remise au patient',
      posted_waiting_room: 'Affichée en salle d’attente',
      published_website: 'Publiée sur le site',
      sent_by_email: 'Envoyée par e-mail',
      booking_platform: 'Sur la plateforme de rendez-vous',
    },
  },
  en: {
    legalBases: {
      consent: 'Consent (Art. 6(1)(a))',
      contract: 'Contract (Art. 6(1)(b))',
      legal_obligation: 'Legal obligation (Art. 6(1)(c))',
      vital_interests: 'Vital interests (Art. 6(1)(d))',
      public_interest: 'Public interest task (Art. 6(1)(e))',
      legitimate_interest: 'Legitimate interest (Art. 6(1)(f))',
    },
    art9: {
      explicit_consent: 'Explicit consent (Art. 9(2)(a))',
      employment_social_security: 'Employment and social protection law (Art. 9(2)(b))',
      vital_interests: 'Vital interests (Art. 9(2)(c))',
      made_public: 'Made public (Art. 9(2)(e))',
      legal_claims: 'Legal claims (Art. 9(2)(f))',
      substantial_public_interest: 'Substantial public interest (Art. 9(2)(g))',
      health_care: 'Medicine, diagnosis, care under professional secrecy (Art. 9(2)(h) and 9(3))',
      public_health: 'Public health (Art. 9(2)(i))',
      research: 'Research and statistics (Art. 9(2)(j))',
    },
    people: {
      patients: 'Patients',
      employees: 'Employees',
      internal_services: 'Internal departments',
      clients: 'Clients',
      suppliers: 'Suppliers',
      service_providers: 'Service providers',
      prospects: 'Prospects',
      candidates: 'Job applicants',
      visitors: 'Visitors',
      other: 'Others',
    },
    data: {
      identity: 'Civil status, identity, identification data, images',
      personal_life: 'Personal life (habits, family situation…)',
      professional_life: 'Professional life (CV, training…)',
      economic: 'Economic and financial information',
      connection: 'Connection data (IP address, logs…)',
      location: 'Location data',
      internet: 'Internet (cookies, trackers…)',
      nir: 'Social security number (NIR)',
      other: 'Other',
    },
    sensitive: {
      racial_ethnic: 'Racial or ethnic origin',
      political: 'Political opinions',
      religious: 'Religious or philosophical beliefs',
      union: 'Trade-union membership',
      genetic: 'Genetic data',
      biometric: 'Biometric identification data',
      health: 'Health data',
      sex_life: 'Sex life or sexual orientation',
      criminal: 'Criminal convictions and offences',
    },
    recipients: {
      internal: 'Internal department processing the data',
      processor: 'Processors',
      third_country: 'Recipients in third countries or international organisations',
      institutional_partner: 'Institutional or business partners',
      other: 'Other',
    },
    security: {
      traceability: 'Traceability',
      software_protection: 'Software protection',
      backup: 'Data backup',
      encryption: 'Data encryption',
      access_control: 'User access control',
      processor_control: 'Control of processors',
      other: 'Other measures',
    },
    safeguards: {
      scc: 'Standard contractual clauses',
      bcr: 'Binding corporate rules',
      adequacy: 'Adequate country',
      code_of_conduct: 'Code of conduct',
      certification: 'Certification',
      derogation_art49: 'Derogations (Art. 49)',
    },
    dpia: {
      evaluation_scoring: 'Evaluation or scoring (including profiling)',
      automated_decision: 'Automated decision with significant effects',
      systematic_monitoring: 'Systematic monitoring',
      sensitive_data: 'Sensitive or highly personal data',
      large_scale: 'Large-scale processing',
      matching_datasets: 'Matching or combining datasets',
      vulnerable_people: 'Vulnerable people (patients, children, elderly)',
      innovative_technology: 'Innovative use or new technology',
      prevents_right: 'Prevents exercising a right or using a service',
      group_practice_over_10000: 'Group practice, shared information system and over 10,000 patients a year',
    },
    dpiaReasons: {
      group_practice:
        'DPIA required, and a data protection officer expected: a group practice sharing its information system for more than 10,000 patients a year (CNIL référentiel for medical practices, § 11).',
      criteria: 'DPIA required: at least two criteria of the EDPB guidelines are met (GDPR Article 35).',
      care_listed:
        'No DPIA required: care by a health professional is on the CNIL’s list of processing exempted from it (deliberation 2019-118), unless another criterion applies.',
      one_criterion: 'No DPIA required as a rule: a single EDPB criterion is met. Note why the risk stays limited.',
      no_criterion: 'No DPIA required: no EDPB criterion is met for this activity.',
    },
    noticeKinds: {
      patient: 'Patient information notice (one page)',
      poster: 'Waiting-room poster',
      website: 'Website text',
      booking: 'Online booking mention',
    },
    noticeChannels: {
      given_to_patient: 'Given to the patient',
      posted_waiting_room: 'Posted in the waiting room',
      published_website: 'Published on the website',
      sent_by_email: 'Sent by e-mail',
      booking_platform: 'On the booking platform',
    },
  },
};
