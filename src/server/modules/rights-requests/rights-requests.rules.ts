import type { RequestKind, RequestStatus } from '../../../contracts/rights-requests.js';
import { gdprDeadline, healthRecordDeadline, type IsoDate } from './deadline.rules.js';
import type { HolidayOptions } from './holidays.rules.js';
import { validationError } from '../../shared/app-error.js';

export const FINAL_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'withdrawn'];
export const isFinal = (s: RequestStatus) => FINAL_STATUSES.includes(s);

/** The workflow: received → identity check → in progress → answered / refused / withdrawn. */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['identity_check', 'in_progress', 'answered', 'refused', 'withdrawn'],
  identity_check: ['in_progress', 'refused', 'withdrawn'],
  in_progress: ['identity_check', 'answered', 'refused', 'withdrawn'],
  answered: [],
  refused: [],
  withdrawn: [],
};
export const canMove = (from: RequestStatus, to: RequestStatus) => NEXT[from].includes(to);

/** Which clock a request runs on: the CSP's for the health record, the GDPR's for every other right. */
export const isHealthRecord = (kind: RequestKind) => kind === 'health_record_access';

export interface ClockFacts {
  kind: RequestKind;
  receivedOn: IsoDate;
  olderThanFiveYears: boolean | null;
  extended: boolean;
  identityRequestedOn: IsoDate | null;
  identityReceivedOn: IsoDate | null;
}

/**
 * The dates a request must be answered within. GDPR rights: Art. 12(3) with the identity suspension (décret
 * 2019-536 art. 77). Health record: CSP R1111-1 from receipt; asking for identity does not stop that clock, and the
 * identity must be checked before anything is communicated.
 */
export function requestDates(
  f: ClockFacts,
  holidays: HolidayOptions,
): { dueOn: IsoDate | null; earliestOn: IsoDate | null } {
  if (isHealthRecord(f.kind)) {
    const d = healthRecordDeadline(f.receivedOn, f.olderThanFiveYears === true);
    return { dueOn: d.dueOn, earliestOn: d.earliestOn };
  }
  const suspensions = f.identityRequestedOn
    ? [{ requestedOn: f.identityRequestedOn, receivedOn: f.identityReceivedOn }]
    : [];
  return {
    dueOn: gdprDeadline(f.receivedOn, { ...holidays, extended: f.extended, suspensions }).dueOn,
    earliestOn: null,
  };
}

/**
 * While identity is awaited the GDPR due date is null (the clock stands still); the date it would have if the proof
 * arrived on `today` is the one an extension is judged against (décret 2019-536 art. 77, Art. 12(3)).
 */
export function suspendedDueOn(
  r: { received_on: IsoDate; extended: number | boolean; identity_requested_on: IsoDate | null },
  today: IsoDate,
  holidays: HolidayOptions,
): IsoDate {
  const suspensions = r.identity_requested_on ? [{ requestedOn: r.identity_requested_on, receivedOn: today }] : [];
  return gdprDeadline(r.received_on, { ...holidays, extended: Number(r.extended) === 1, suspensions }).dueOn!;
}

/** A day a person typed: not in the future, not before `notBefore` (the receipt, by default; reported with `code`). */
export function assertDay(
  field: string,
  day: IsoDate,
  today: IsoDate,
  notBefore: IsoDate | null,
  code = 'date_before_receipt',
): void {
  if (day > today) throw validationError(field, 'date_in_future');
  if (notBefore !== null && day < notBefore) throw validationError(field, code);
}

export type Lateness = 'on_time' | 'late' | 'overdue' | 'recorded_after_due';

/**
 * Whether a request was answered in time, for the register of requests: closed after its due date; still open past
 * it; or closed on a day before the due date but recorded after it (a back-dated answer is shown as such, never as on time).
 */
export function lateness(
  r: { dueOn: IsoDate | null; closedOn: IsoDate | null },
  decidedOn: IsoDate | null,
  today: IsoDate,
): Lateness {
  if (r.dueOn === null) return 'on_time';
  if (r.closedOn === null) return today > r.dueOn ? 'overdue' : 'on_time';
  if (r.closedOn > r.dueOn) return 'late';
  return decidedOn !== null && decidedOn > r.dueOn ? 'recorded_after_due' : 'on_time';
}
