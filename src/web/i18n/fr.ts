import { frCore } from './fr-core.js';
import { homeFr } from '../features/home/i18n.fr.js';
import { requestsPagesFr } from '../features/requests/i18n.fr.js';
import { patientsFr } from '../features/patients/i18n.fr.js';
import { practiceFr } from '../features/practice/i18n.fr.js';
import { backupFr } from '../features/backup/i18n.fr.js';
import { accountFr, auditFr, invitationsFr, teamFr } from '../features/team/i18n.fr.js';
import { breachesFr, breachValuesFr } from '../features/breaches/i18n.fr.js';
import { answersFr, answerValuesFr } from '../features/requests/i18n.fr.js';
import { noticesFr, registerFr, registerValuesFr } from '../features/register/i18n.fr.js';
import { processorsFr, processorValuesFr } from '../features/processors/i18n.fr.js';

/**
 * French, the interface's first language. Plain words for a dentist or an assistant: no legal or IT jargon.
 * en.ts must have exactly the same keys (checked by the type below and by src/web/i18n/i18n.test.ts).
 */

export { AUDIT_ACTIONS_FR } from '../features/audit/actions.fr.js';
import { AUDIT_ACTIONS_FR } from '../features/audit/actions.fr.js';

/** i18next reads dots as nesting: an action's key in the resources. */
const flatKey = (action: string) => action.replaceAll('.', '_');
export const actionKey = (action: string): `auditActions.${string}` => `auditActions.${flatKey(action)}`;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS_FR);
/** The audit-event labels as i18next resources (one level, dots replaced). */
export const nestActionLabels = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [flatKey(k), v]));

export const fr = {
  ...frCore,
  invitations: invitationsFr,
  ...homeFr,
  team: teamFr,
  audit: auditFr,
  ...requestsPagesFr,
  ...patientsFr,
  ...practiceFr,
  auditActions: nestActionLabels(AUDIT_ACTIONS_FR),
  account: accountFr,
  breaches: breachesFr,
  breachValues: breachValuesFr,
  answers: answersFr,
  answerValues: answerValuesFr,
  register: registerFr,
  notices: noticesFr,
  registerValues: registerValuesFr,
  processors: processorsFr,
  processorValues: processorValuesFr,
  ...backupFr,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every other language must have. */
export type Messages = Shape<typeof fr>;
