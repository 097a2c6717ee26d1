import { authEn } from '../features/auth/i18n.en.js';
import { homeEn } from '../features/home/i18n.en.js';
import { requestsPagesEn } from '../features/requests/i18n.en.js';
import { patientsEn } from '../features/patients/i18n.en.js';
import { practiceEn } from '../features/practice/i18n.en.js';
import { backupEn } from '../features/backup/i18n.en.js';
import { accountEn, auditEn, invitationsEn, teamEn } from '../features/team/i18n.en.js';
import { breachesEn, breachValuesEn } from '../features/breaches/i18n.en.js';
import { answersEn, answerValuesEn } from '../features/requests/i18n.en.js';
import { noticesEn, registerEn, registerValuesEn } from '../features/register/i18n.en.js';
import { nestActionLabels, type Messages } from './fr.js';

export { AUDIT_ACTIONS_EN } from '../features/audit/actions.en.js';
import { AUDIT_ACTIONS_EN } from '../features/audit/actions.en.js';

export const en: Messages = {
  app: {
    name: 'Gardien',
    lang: 'en',
    loading: 'Loading…',
    unreachableTitle: 'Server unreachable',
    unreachable: 'Gardien does not answer. Check that the server is running and that you are on the right network.',
    retry: 'Try again',
    noPracticeTitle: 'No practice',
    noPractice: 'Your account does not belong to any practice yet. Ask the owner to add you to the team.',
  },
  nav: {
    main: 'Main navigation',
    toggle: 'Open or close the menu',
    practice: 'Practice',
    language: 'Language',
    logout: 'Sign out',
    home: 'To do',
    register: 'Register',
    notices: 'Patient information',
    requests: 'Patient requests',
    patients: 'Patients',
    breaches: 'Breaches',
    processors: 'Processors',
    security: 'Security',
    team: 'Team',
    rituals: 'Routines',
    retention: 'Retention',
    consents: 'Consents',
    audit: 'Audit trail',
    assessment: 'Self-assessment',
    dpia: 'DPIA',
    inspection: 'Inspection pack',
    backup: 'Backups',
    account: 'My account',
  },
  notFound: {
    title: 'Page not found',
    text: 'The address {{path}} is not a page of Gardien.',
    home: 'Back to the to-do list',
  },
  common: {
    close: 'Close',
    closeDialog: 'Close the window',
    cancel: 'Cancel',
    copy: 'Copy',
    copied: 'Copied',
    print: 'Print',
  },
  errors: {
    title: 'Cannot continue',
    unexpected: 'An unexpected error occurred. Nothing was saved; please try again.',
  },
  roles: {
    owner: 'Owner (controller)',
    practitioner: 'Practitioner',
    assistant: 'Assistant',
    trainee: 'Trainee',
    dpo: 'DPO or consultant',
    auditor: 'Auditor (read-only)',
  },
  roleHelp: {
    owner: 'Manages the team and the settings; the controller of the practice’s data.',
    practitioner: 'Associate or salaried dentist.',
    assistant: 'Dental assistant or secretary.',
    trainee: 'Student or trainee: sees only what their work needs.',
    dpo: 'Data protection officer or external consultant.',
    auditor: 'Reads without changing anything (inspection, audit).',
  },
  ...authEn,
  invitations: invitationsEn,
  ...homeEn,
  team: teamEn,
  audit: auditEn,
  ...requestsPagesEn,
  ...patientsEn,
  ...practiceEn,
  auditActions: nestActionLabels(AUDIT_ACTIONS_EN),
  account: accountEn,
  breaches: breachesEn,
  breachValues: breachValuesEn,
  answers: answersEn,
  answerValues: answerValuesEn,
  register: registerEn,
  notices: noticesEn,
  registerValues: registerValuesEn,
  ...backupEn,
};
