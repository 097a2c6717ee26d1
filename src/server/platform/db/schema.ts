import type { OVERSEAS_TERRITORIES } from '../../../contracts/practices.js';
import type { Role } from '../../../contracts/roles.js';
import type {
  PatientsTable,
  RightsRequestsTable,
  RequestLettersTable,
  RequestFilesTable,
  RegisterActivitiesTable,
  RegisterActivityVersionsTable,
  ProcessorActivitiesTable,
  ProcessorsTable,
  ProcessorReviewsTable,
  ProcessorFilesTable,
  NoticeVersionsTable,
  NoticeDistributionsTable,
  RightsRequestEventsTable,
  BreachesTable,
  BreachNotificationsTable,
  BreachPeopleInformedTable,
  BreachActionsTable,
  RemindersSentTable,
} from './schema.compliance.js';

/**
 * Table shapes shared by both dialects. Portable types only: TEXT for ids and instants
 * (ISO-8601 UTC strings sort and compare the same everywhere), INTEGER for counters and 0/1 flags.
 */
export interface PracticesTable {
  id: string;
  name: string;
  legal_form: string | null;
  siren: string | null;
  siret: string | null;
  address: string | null;
  controller_name: string;
  dpo_contact: string | null;
  idle_lock_minutes: number;
  /** 1: the practice is in Alsace-Moselle (two more public holidays count in deadlines). */
  alsace_moselle: number;
  phone: string | null;
  email: string | null;
  /** An overseas territory with its own public holiday (C. trav. L3422-2); null in metropolitan France. */
  overseas_territory: (typeof OVERSEAS_TERRITORIES)[number] | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  is_disabled: number;
  disabled_at: string | null;
  failed_logins: number;
  locked_until: string | null;
  /** Interface language chosen by the person ('fr' | 'en'); null: the browser's. */
  language: string | null;
  /** The practice the person last worked in (the switcher remembers it). */
  preferred_practice_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  practice_id: string;
  user_id: string;
  role: Role;
  created_at: string;
  ended_at: string | null;
}

export interface InvitationsTable {
  id: string;
  practice_id: string;
  email: string;
  name: string;
  role: Role;
  user_id: string;
  kind: 'new_account' | 'existing_account';
  code_hash: string | null;
  failed_attempts: number;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  declined_at: string | null;
  revoked_at: string | null;
}

export interface MembershipPeriodsTable {
  id: string;
  practice_id: string;
  user_id: string;
  started_at: string;
  ended_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  mfa_at: string | null;
  mfa_failures: number;
  locked_at: string | null;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  practice_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditHeadsTable {
  practice_id: string;
  last_seq: number;
  last_hash: string;
}

export interface AuditEntriesTable {
  practice_id: string;
  seq: number;
  ts: string;
  actor_id: string;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  practice_id: string;
  seq: number;
  hash: string;
  ts: string;
  key_id: string;
  signature: string;
}

export interface BackupRunsTable {
  id: string;
  kind: string;
  started_at: string;
  finished_at: string;
  ok: number;
  file: string | null;
  bytes: number | null;
  details: string;
}

export type {
  PatientsTable,
  RightsRequestsTable,
  RequestLettersTable,
  RequestFilesTable,
  RegisterActivitiesTable,
  RegisterActivityVersionsTable,
  ProcessorActivitiesTable,
  ProcessorsTable,
  ProcessorReviewsTable,
  ProcessorFilesTable,
  NoticeVersionsTable,
  NoticeDistributionsTable,
  RightsRequestEventsTable,
  BreachesTable,
  BreachNotificationsTable,
  BreachPeopleInformedTable,
  BreachActionsTable,
  RemindersSentTable,
} from './schema.compliance.js';

export interface Database {
  practices: PracticesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  membership_periods: MembershipPeriodsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_heads: AuditHeadsTable;
  audit_entries: AuditEntriesTable;
  audit_checkpoints: AuditCheckpointsTable;
  backup_runs: BackupRunsTable;
  patients: PatientsTable;
  rights_requests: RightsRequestsTable;
  rights_request_events: RightsRequestEventsTable;
  request_letters: RequestLettersTable;
  request_files: RequestFilesTable;
  register_activities: RegisterActivitiesTable;
  register_activity_versions: RegisterActivityVersionsTable;
  processor_activities: ProcessorActivitiesTable;
  processors: ProcessorsTable;
  processor_reviews: ProcessorReviewsTable;
  processor_files: ProcessorFilesTable;
  notice_versions: NoticeVersionsTable;
  notice_distributions: NoticeDistributionsTable;
  breaches: BreachesTable;
  breach_notifications: BreachNotificationsTable;
  breach_people_informed: BreachPeopleInformedTable;
  breach_actions: BreachActionsTable;
  reminders_sent: RemindersSentTable;
}
