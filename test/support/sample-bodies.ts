/**
 * A valid body for each route with one, by `METHOD /route/:pattern`: the starting point of the bad-input mutations, and
 * the body the isolation test sends to another practice's routes (it must pass validation to reach the access check).
 */
export const VALID_BODIES: Record<string, Record<string, unknown>> = {
  // Actions that take no input: nothing, or an empty object.
  'POST /api/v1/auth/mfa/enrollment': {},
  'POST /api/v1/auth/logout': {},
  'POST /api/v1/auth/logout-all': {},
  'POST /api/v1/practices/:practiceId/members/:userId/deactivate': {},
  'POST /api/v1/practices/:practiceId/invitations/:invitationId/revoke': {},
  'POST /api/v1/me/invitations/:invitationId/accept': { temporaryPassword: 'Provisoire-Cabinet-2026!x' },
  'POST /api/v1/me/invitations/:invitationId/decline': {},
  'POST /api/v1/auth/login': { email: 'someone@example.fr', password: 'Sel-de-Guérande-42-Brioche!' },
  'POST /api/v1/auth/mfa/enrollment/confirm': { code: '123456' },
  'POST /api/v1/auth/mfa/verify': { code: '123456' },
  'POST /api/v1/auth/unlock': { password: 'Sel-de-Guérande-42-Brioche!' },
  'POST /api/v1/auth/password': { currentPassword: 'a', newPassword: 'b', revokeOtherSessions: true },
  'PATCH /api/v1/practices/:practiceId': { name: 'Cabinet', idleLockMinutes: 5 },
  'POST /api/v1/practices/:practiceId/members': {
    email: 'x@example.fr',
    name: 'X',
    role: 'assistant',
    initialPassword: 'Provisoire-Cabinet-2026!x',
  },
  'PATCH /api/v1/practices/:practiceId/members/:userId': { role: 'assistant' },
  'POST /api/v1/practices/:practiceId/api-tokens': { name: 'intégration' },
  'POST /api/v1/practices/:practiceId/members/:userId/password-reset': {
    temporaryPassword: 'Provisoire-Cabinet-2026!x',
  },
  'POST /api/v1/setup': {
    practiceName: 'Cabinet',
    ownerName: 'Anne Titulaire',
    ownerEmail: 'anne@example.fr',
    password: 'Sel-de-Guérande-42-Brioche!',
  },
  'POST /api/v1/auth/mfa/re-enrollment': { password: 'Sel-de-Guérande-42-Brioche!', code: '123456' },
  'POST /api/v1/auth/mfa/re-enrollment/confirm': { code: '123456' },
  'PATCH /api/v1/me/preferences': { language: 'fr', practiceId: null },
  'POST /api/v1/practices/:practiceId/patients': {
    externalId: 'LOGOS-42',
    lastName: 'Durand',
    firstName: 'Émile',
    birthDate: '1980-02-29',
    email: 'emile@example.fr',
    phone: '+33 1 23 45 67 89',
    isRestricted: false,
  },
  'POST /api/v1/practices/:practiceId/patients/import': {
    csv: 'Nom;Prénom;Date de naissance\nDurand;Émile;29/02/1980\n',
    mapping: { lastName: 'Nom' },
    dryRun: true,
  },
  'PATCH /api/v1/practices/:practiceId/patients/:patientId': { phone: '01 23 45 67 89', objectsToSms: true },
  'POST /api/v1/practices/:practiceId/rights-requests': {
    kind: 'health_record_access',
    receivedOn: '2026-11-02',
    channel: 'letter',
    requester: { name: 'Émile Durand', relation: 'self' },
    patientId: null,
    healthRecord: { olderThanFiveYears: false },
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/extension': {
    reason: 'Demande complexe',
    notifiedOn: '2026-11-20',
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/identity-request': { requestedOn: '2026-11-20' },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/identity-received': { receivedOn: '2026-11-20' },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/status': {
    status: 'withdrawn',
    on: '2026-11-20',
    note: 'Demande retirée par courrier',
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/decision': {
    on: '2026-11-20',
    items: [
      { subject: 'medical_record', verdict: 'refused', ground: 'art17_3_retention' },
      { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased', reasons: 'Demande écrite' },
    ],
    patientId: 'pat_AAAAAAAAAAAAAAAAAAAAAA',
    note: 'Réponse envoyée',
    language: 'fr',
  },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/restriction-lift': { liftedOn: '2026-11-20' },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/letters': { kind: 'answer', language: 'en' },
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/letters/:letterId/sent': {
    sentOn: '2026-11-20',
    channel: 'registered_letter',
  },
  'POST /api/v1/practices/:practiceId/register/activities': { templateKey: 'patient_care' },
  'PUT /api/v1/practices/:practiceId/register/activities/:activityId': {
    name: 'Rendez-vous',
    ref: 'T2',
    purposes: [{ purpose: 'Rendez-vous', legalBasis: 'legal_obligation', art9Condition: 'health_care' }],
    people: [{ category: 'patients', details: '' }],
    data: [
      {
        category: 'identity',
        description: 'Nom',
        retention: { active: '3 ans', archive: '', deletion: 'Suppression' },
      },
    ],
    sensitive: [],
    recipients: [{ type: 'internal', details: 'Secrétariat' }],
    transfers: [{ recipient: 'Hébergeur', country: 'Suisse', safeguard: 'adequacy', documentation: '' }],
    security: [{ type: 'access_control', details: 'Comptes' }],
    dpiaCriteria: ['large_scale'],
    notes: '',
  },
  'POST /api/v1/practices/:practiceId/register/processor-activities': {
    clientName: 'Centre de santé',
    clientContact: 'contact@centre.fr',
    categories: 'Lecture de radiographies',
    security: 'Chiffrement',
  },
  'PUT /api/v1/practices/:practiceId/register/processor-activities/:processorActivityId': {
    clientName: 'Centre de santé',
    categories: 'Archivage',
  },
  'POST /api/v1/practices/:practiceId/notices/distributions': {
    versionId: 'ntc_AAAAAAAAAAAAAAAAAAAAAA',
    channel: 'given_to_patient',
    on: '2026-01-15',
    patientId: null,
    note: 'Remise à l’accueil',
  },
  'POST /api/v1/practices/:practiceId/breaches': {
    title: 'Rançongiciel',
    awareAt: '2026-01-14T08:30:00+01:00',
    detectedAt: '2026-01-14T08:00:00+01:00',
    nature: ['availability'],
    circumstances: ['ransomware'],
    cause: 'external_malicious',
    peopleCategories: ['patients'],
    dataCategories: ['health'],
    approxPeople: 10,
    approxRecords: 10,
    encrypted: false,
    description: 'Écran de rançon',
    guide: 'ransomware',
  },
  'PATCH /api/v1/practices/:practiceId/breaches/:breachId': {
    approxPeople: 12,
    consequences: ['loss_of_control'],
    measures: 'Postes isolés',
  },
  'PUT /api/v1/practices/:practiceId/breaches/:breachId/assessment': {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'maximum',
    confidentiality: 'none',
    integrity: 'none',
    availability: 'temporary',
    malicious: true,
    note: 'Sauvegarde intacte',
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/decision': {
    decision: 'notify_authority',
    reason: 'Par prudence',
    peopleException: 'encrypted',
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/notifications': {
    kind: 'initial',
    notifiedAt: '2026-01-15T08:00:00Z',
    reference: 'CNIL-1',
    delayReasons: 'Cabinet fermé',
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/people-informed': {
    informedOn: '2026-01-15',
    channel: 'letter',
    recipients: 'Patients',
    peopleCount: 3,
    patientIds: [],
    note: 'Lettre remise',
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/actions': {
    title: 'Changer les mots de passe',
    ownerId: null,
    dueOn: '2026-01-20',
  },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/actions/:actionId/done': { doneOn: '2026-01-15' },
  'POST /api/v1/practices/:practiceId/breaches/:breachId/close': { closedOn: '2026-01-15' },
};

/** A valid query string for the routes that require one. */
export const VALID_QUERIES: Record<string, string> = {
  'POST /api/v1/practices/:practiceId/rights-requests/:requestId/files': 'name=copie.pdf',
};

/** Path parameters that are not ids (a closed list of values): a valid value for each. */
export const VALID_PARAMS: Record<string, string> = { kind: 'patient' };
