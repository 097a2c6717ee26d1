import type { PROCESSOR_ROLES, ProcessorKind } from '../../../contracts/processors.js';
import type { BREACH_STATUSES, DECISIONS } from '../../../contracts/breaches.js';
import type { ACTIVITY_STATUSES, NoticeKind } from '../../../contracts/register.js';
import type { LetterKind } from '../../../contracts/request-answers.js';
import type { CHANNELS, CIVILITIES, Relation, RequestKind, RequestStatus } from '../../../contracts/rights-requests.js';
/**
 * Table shapes of the compliance modules (patients, rights requests, register and notices, breaches, reminders): part
 * of the one schema of both dialects (schema.ts), split out to keep each file short.
 */
export interface PatientsTable {
  id: string;
  practice_id: string;
  external_id: string | null;
  last_name: string;
  first_name: string;
  birth_date: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  last_care_on: string | null;
  death_on: string | null;
  is_restricted: number;
  objects_to_sms: number;
  marketing_consent: number;
  /** Names without accents or case, for search ("lefevre claire"). */
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface RightsRequestsTable {
  id: string;
  practice_id: string;
  kind: RequestKind;
  channel: (typeof CHANNELS)[number];
  received_on: string;
  requester_name: string;
  requester_relation: Relation;
  requester_civility: (typeof CIVILITIES)[number] | null;
  requester_address: string | null;
  patient_id: string | null;
  older_than_five_years: number | null;
  status: RequestStatus;
  identity_requested_on: string | null;
  identity_received_on: string | null;
  extended: number;
  extension_reason: string | null;
  extension_notified_on: string | null;
  due_on: string | null;
  earliest_on: string | null;
  closed_on: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** JSON: the items decided, their grounds and the proposal they followed or departed from. */
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  restriction_lifted_on: string | null;
}

export interface RequestLettersTable {
  id: string;
  practice_id: string;
  request_id: string;
  /** 1, 2, 3… within the request: the order of the letter log. */
  seq: number;
  kind: LetterKind;
  language: 'fr' | 'en';
  subject: string;
  /** JSON: the letter as generated (sections and signature), so the copy downloaded later is the one sent. */
  body: string;
  generated_at: string;
  generated_by: string;
  sent_on: string | null;
  sent_channel: string | null;
  sent_by: string | null;
}

export interface RequestFilesTable {
  id: string;
  practice_id: string;
  request_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  /** AES-256-GCM, bound to the file's id (platform/crypto/secret-box). */
  content: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface RegisterActivitiesTable {
  id: string;
  practice_id: string;
  template_key: string | null;
  status: (typeof ACTIVITY_STATUSES)[number];
  /** JSON: the activity's fields (contracts/register.ts ActivityInputSchema). */
  fields: string;
  /** The last validated version (0 before the first validation). */
  version: number;
  validated_at: string | null;
  validated_by: string | null;
  review_due_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RegisterActivityVersionsTable {
  id: string;
  practice_id: string;
  activity_id: string;
  version: number;
  fields: string;
  sha256: string;
  validated_at: string;
  validated_by: string;
}

export interface ProcessorActivitiesTable {
  id: string;
  practice_id: string;
  fields: string;
  created_at: string;
  updated_at: string;
}

/** A processor or partner (contracts/processors.ts); `fields` is the JSON of its nested facts. */
export interface ProcessorsTable {
  id: string;
  practice_id: string;
  name: string;
  kind: ProcessorKind;
  role: (typeof PROCESSOR_ROLES)[number];
  handles_health_data: number;
  hosts_health_data: number;
  fields: string;
  review_due_on: string;
  last_reviewed_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProcessorReviewsTable {
  id: string;
  practice_id: string;
  processor_id: string;
  reviewed_on: string;
  reviewed_by: string;
  /** JSON: the points checked (REVIEW_CHECKS). */
  checked: string;
  note: string;
  created_at: string;
}

export interface ProcessorFilesTable {
  id: string;
  practice_id: string;
  processor_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  /** Sealed with the installation's data key, bound to the file's id. */
  content: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface NoticeVersionsTable {
  id: string;
  practice_id: string;
  kind: NoticeKind;
  language: 'fr' | 'en';
  version: number;
  /** JSON: the notice as generated (title, sections). */
  content: string;
  sha256: string;
  generated_at: string;
  generated_by: string;
}

export interface NoticeDistributionsTable {
  id: string;
  practice_id: string;
  version_id: string;
  channel: string;
  on_date: string;
  patient_id: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

export interface RightsRequestEventsTable {
  id: string;
  practice_id: string;
  request_id: string;
  /** 1, 2, 3… within the request: the order of its history. */
  seq: number;
  at: string;
  actor_id: string;
  type: string;
  details: string;
}

export interface BreachesTable {
  id: string;
  practice_id: string;
  title: string;
  aware_at: string;
  notify_by: string;
  detected_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  /** JSON arrays of the contract's stable values. */
  /** JSON: the natures of the breach (confidentiality, integrity, availability). */
  nature: string;
  circumstances: string;
  cause: string | null;
  people_categories: string;
  data_categories: string;
  approx_people: number | null;
  approx_records: number | null;
  encrypted: number | null;
  description: string | null;
  consequences: string;
  consequences_note: string | null;
  measures: string | null;
  guide: string | null;
  /** JSON of the ENISA questionnaire's answers. */
  assessment: string | null;
  decision: (typeof DECISIONS)[number] | null;
  proposed_decision: (typeof DECISIONS)[number] | null;
  decision_reason: string | null;
  people_exception: string | null;
  decided_by: string | null;
  decided_at: string | null;
  status: (typeof BREACH_STATUSES)[number];
  closed_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface BreachNotificationsTable {
  id: string;
  practice_id: string;
  breach_id: string;
  kind: string;
  notified_at: string;
  reference: string | null;
  delay_reasons: string | null;
  late: number;
  created_by: string;
  created_at: string;
}

export interface BreachPeopleInformedTable {
  id: string;
  practice_id: string;
  breach_id: string;
  informed_on: string;
  channel: string;
  recipients: string;
  people_count: number;
  /** JSON array of patient ids from the index. */
  patient_ids: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface BreachActionsTable {
  id: string;
  practice_id: string;
  breach_id: string;
  seq: number;
  title: string;
  owner_id: string | null;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
  created_by: string;
  created_at: string;
}

export interface RemindersSentTable {
  id: string;
  practice_id: string;
  target_type: string;
  target_id: string;
  /** The reminder stage sent (breaches: within_24h, within_12h, within_1h, passed). */
  stage: string;
  recipients: number;
  sent_at: string;
}
