/** The typed catalogue of audit events: past tense, dotted. Each entry says what happened. */
export const AUDIT_ACTIONS = {
  'auth.login.succeeded': 'Password accepted; a session was opened (second factor still due)',
  'auth.login.failed': 'A login attempt was refused (wrong password, unknown account, locked account)',
  'auth.account.locked': 'An account was locked after repeated failures',
  'auth.mfa.enrolled': 'A person enrolled their authenticator app and received recovery codes',
  'auth.mfa.re-enrollment-started': 'A person asked to replace their authenticator app (password and code checked)',
  'auth.mfa.re-enrolled': 'A person replaced their authenticator app and received new recovery codes',
  'auth.mfa.verified': 'The second factor was accepted',
  'auth.mfa.failed': 'A wrong second-factor code was entered',
  'auth.recovery-code.used': 'A recovery code replaced the authenticator app',
  'auth.session.locked': 'A session was locked after inactivity',
  'auth.session.unlocked': 'A locked session was unlocked with the password',
  'auth.session.revoked': 'One session was ended by its owner',
  'auth.logged-out': 'A person logged out',
  'auth.sessions.revoked': 'Every session of a person was ended',
  'auth.password.changed': 'A person changed their password',
  'access.denied': 'An action was refused by the permission check',
  'practice.created': 'A practice was created',
  'practice.read': 'The practice identity was consulted',
  'practice.updated': 'The practice identity or settings were changed',
  'user.created': 'An account was created',
  'user.disabled': 'An account was disabled and all its sessions ended',
  'user.unlocked': 'A locked account was unlocked by an administrator',
  'member.added': 'A person was given a role in the practice',
  'member.role-changed': 'A person’s role was changed',
  'member.removed': 'A person’s membership ended (never deleted)',
  'member.password-reset': 'The owner gave a person a temporary password (to change at the next login); their sessions ended',
  'setup.completed': 'First run: the first practice and its owner were created from the web setup page',
  'worklist.read': 'The to-do list (deadlines across modules) was consulted',
  'member.listed': 'The team list was consulted',
  'token.created': 'An API token was created',
  'token.revoked': 'An API token was revoked',
  'token.listed': 'The API tokens were listed',
  'token.used': 'An API token authenticated a request',
  'audit.listed': 'The audit trail was consulted',
  'audit.verified': 'The audit trail integrity was verified',
  'audit.exported': 'The audit trail was exported (CSV)',
  'backup.status-read': 'The backup and restore-drill status was consulted',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditOutcome = 'success' | 'denied' | 'failure';

/** The chain for events that belong to no practice (logins, server administration). */
export const SERVER_CHAIN = '_server';
