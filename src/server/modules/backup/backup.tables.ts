import type { Database } from '../../platform/db/schema.js';

/**
 * What a backup holds, in the order a restore inserts it (foreign keys first), with each table's primary key (the
 * reading order, so a backup and a live database hash the same way). Sessions are left out on purpose: a restored
 * server makes everyone sign in again.
 */
export const BACKUP_TABLES: readonly { name: keyof Database; key: readonly string[] }[] = [
  { name: 'practices', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'memberships', key: ['practice_id', 'user_id'] },
  { name: 'invitations', key: ['id'] },
  { name: 'membership_periods', key: ['id'] },
  { name: 'recovery_codes', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'audit_heads', key: ['practice_id'] },
  { name: 'audit_entries', key: ['practice_id', 'seq'] },
  { name: 'audit_checkpoints', key: ['practice_id', 'seq'] },
  { name: 'backup_runs', key: ['id'] },
  { name: 'patients', key: ['id'] },
  { name: 'rights_requests', key: ['id'] },
  { name: 'rights_request_events', key: ['id'] },
  { name: 'request_letters', key: ['id'] },
  { name: 'request_files', key: ['id'] },
  { name: 'breaches', key: ['id'] },
  { name: 'breach_notifications', key: ['id'] },
  { name: 'breach_people_informed', key: ['id'] },
  { name: 'breach_actions', key: ['id'] },
  { name: 'reminders_sent', key: ['id'] },
  { name: 'register_activities', key: ['id'] },
  { name: 'register_activity_versions', key: ['id'] },
  { name: 'processor_activities', key: ['id'] },
  { name: 'notice_versions', key: ['id'] },
  { name: 'notice_distributions', key: ['id'] },
  { name: 'processors', key: ['id'] },
  { name: 'processor_reviews', key: ['id'] },
  { name: 'processor_files', key: ['id'] },
];
