import type { Role } from '../../../contracts/roles.js';

/** Every permission Gardien checks, `resource.action`, with what it allows (docs/permissions.md is generated from this). */
export const PERMISSIONS = {
  'practice.read': 'See the practice identity (name, SIREN/SIRET, controller, DPO contact)',
  'practice.update': 'Change the practice identity and its security settings (idle lock)',
  'member.list': 'See the team: names, e-mail addresses, roles',
  'member.manage': 'Add people, change their role, end their membership',
  'token.manage': 'Create, list and revoke one’s own API tokens for this practice',
  'token.manage-all': 'List and revoke any API token of this practice',
  'audit.read': 'Read the audit trail of the practice',
  'audit.verify': 'Verify the integrity of the audit trail',
  'worklist.read': 'See the to-do list: the deadlines of the modules the role may read',
  'patient.read': 'Find and consult patients in the index (identity, contact, flags; never clinical content)',
  'patient.write': 'Add patients to the index and change their identity, contact or flags',
  'request.read': 'See patients’ rights requests, their deadlines and history',
  'request.manage':
    'Record patients’ rights requests and move them on (identity, extension, letters and their sending, files of the answer)',
  'request.decide':
    'Confirm the answer to a rights request item by item with its legal ground (sets the patient’s flags), and lift a restriction',
  'breach.read':
    'See the breaches, their 72-hour clock, assessment, decision, notifications and actions; export the breach register',
  'breach.report': 'Report a personal data breach (starts the 72-hour clock)',
  'breach.manage':
    'Complete a breach: facts, severity assessment, CNIL notifications, people informed, corrective actions, closing',
  'breach.decide':
    'Confirm the decision on a breach (record only, notify the CNIL, inform the people), with its reasons',
  'register.read':
    'See the register of processing activities, its versions and the processor register; export them; generate the patient information',
  'register.manage':
    'Build the register from the templates, edit its activities (drafts) and the processor register; record the distribution of the patient information',
  'register.validate':
    'Validate an activity of the register: a dated, immutable version, with its review due twelve months later',
  'processor.read':
    'See the processors and partners, their contracts, HDS certificates, storage and reviews; generate their clauses and questionnaire; export the list',
  'processor.manage':
    'Add and change processors (contract and clauses, HDS certificate, storage), store the signed contract, record the yearly review',
  'backup.read': 'See when the last backup and the last restore drill ran, and whether they are too old',
} as const;

export type Permission = keyof typeof PERMISSIONS;

/** Least privilege: the one role → permissions table. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [
    'processor.read',
    'processor.manage',
    'practice.read',
    'register.read',
    'register.manage',
    'register.validate',
    'worklist.read',
    'patient.read',
    'patient.write',
    'request.read',
    'request.manage',
    'request.decide',
    'breach.read',
    'breach.report',
    'breach.manage',
    'breach.decide',
    'practice.update',
    'member.list',
    'member.manage',
    'token.manage',
    'token.manage-all',
    'audit.read',
    'audit.verify',
    'backup.read',
  ],
  dpo: [
    'processor.read',
    'processor.manage',
    'practice.read',
    'register.read',
    'register.manage',
    'worklist.read',
    'patient.read',
    'request.read',
    'request.manage',
    'request.decide',
    'breach.read',
    'breach.report',
    'breach.manage',
    'breach.decide',
    'practice.update',
    'member.list',
    'token.manage',
    'audit.read',
    'audit.verify',
    'backup.read',
  ],
  practitioner: [
    'processor.read',
    'processor.manage',
    'practice.read',
    'register.read',
    'register.manage',
    'worklist.read',
    'patient.read',
    'patient.write',
    'request.read',
    'request.manage',
    'request.decide',
    'breach.read',
    'breach.report',
    'breach.manage',
    'breach.decide',
    'member.list',
    'token.manage',
  ],
  assistant: [
    'processor.read',
    'processor.manage',
    'practice.read',
    'register.read',
    'register.manage',
    'worklist.read',
    'patient.read',
    'patient.write',
    'request.read',
    'request.manage',
    'breach.read',
    'breach.report',
    'breach.manage',
    'member.list',
    'token.manage',
  ],
  trainee: ['practice.read', 'worklist.read'],
  auditor: [
    'processor.read',
    'practice.read',
    'register.read',
    'worklist.read',
    'request.read',
    'breach.read',
    'member.list',
    'token.manage',
    'audit.read',
    'audit.verify',
    'backup.read',
  ],
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'The practitioner who owns the practice: the controller (responsable de traitement)',
  practitioner: 'An associate or salaried dentist',
  assistant: 'Dental assistant or secretary',
  trainee: 'Student or trainee: sees only what their work needs',
  dpo: 'External DPO or consultant (may belong to many practices)',
  auditor: 'Read-only: an inspector or auditor',
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
