import { enCore } from './en-core.js';
import { homeEn } from '../features/home/i18n.en.js';
import { requestsPagesEn } from '../features/requests/i18n.en.js';
import { patientsEn } from '../features/patients/i18n.en.js';
import { practiceEn } from '../features/practice/i18n.en.js';
import { backupEn } from '../features/backup/i18n.en.js';
import { accountEn, auditEn, invitationsEn, teamEn } from '../features/team/i18n.en.js';
import { breachesEn, breachValuesEn } from '../features/breaches/i18n.en.js';
import { answersEn, answerValuesEn } from '../features/requests/i18n.en.js';
import { noticesEn, registerEn, registerValuesEn } from '../features/register/i18n.en.js';
import { processorsEn, processorValuesEn } from '../features/processors/i18n.en.js';
import { nestActionLabels, type Messages } from './fr.js';

export { AUDIT_ACTIONS_EN } from '../features/audit/actions.en.js';
import { AUDIT_ACTIONS_EN } from '../features/audit/actions.en.js';

export const en: Messages = {
  ...enCore,
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
  processors: processorsEn,
  processorValues: processorValuesEn,
  ...backupEn,
};
