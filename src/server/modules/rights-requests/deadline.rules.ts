import { Temporal } from 'temporal-polyfill';
import { nextWorkingDayFrom, type HolidayOptions } from './holidays.rules.js';

/**
 * The legal clocks of patients' requests, as pure functions over calendar dates (YYYY-MM-DD, the practice's days).
 *
 * GDPR Art. 12(3), counted under Reg. 1182/71 (EDPB 01/2022 §§160-161): one month from receipt ends on the same date
 * of the next month, or on that month's last day when it has no such date (art. 3(2)(c)); a period ending on a
 * Saturday, Sunday or public holiday ends on the next working day (art. 3(4)). The extension makes the whole period
 * three months from receipt, with the same two rules applied to its end (never an adjusted date plus two months).
 * Asking for proof of identity suspends the clock until it arrives (décret 2019-536 art. 77; EDPB 01/2022 §159):
 * the days of suspension are added to the period before the working-day rule.
 *
 * Health record (CSP L1111-7, R1111-1): from receipt, not before 48 hours, at the latest 8 days, or 2 months when
 * the information is more than five years old; the CSP has no weekend or holiday rule (regulatory.md §12.5), so
 * none is applied.
 */

export type IsoDate = string;
const plain = (d: IsoDate) => Temporal.PlainDate.from(d);

export interface Suspension {
  /** The day the practice asked for proof of identity. */
  requestedOn: IsoDate;
  /** The day it arrived; null while the practice waits (the clock is stopped). */
  receivedOn: IsoDate | null;
}

export interface GdprDeadline {
  /** Null while the clock is suspended (identity asked, not received yet). */
  dueOn: IsoDate | null;
  /** The plain calendar end, before any suspension or working-day adjustment. */
  calendarEndOn: IsoDate;
  suspendedDays: number;
  isSuspended: boolean;
}

/** Days the clock stood still: from the day identity was asked to the day it arrived. */
export function suspendedDays(suspensions: readonly Suspension[]): number {
  let days = 0;
  for (const s of suspensions)
    if (s.receivedOn)
      days += Math.max(0, plain(s.requestedOn).until(plain(s.receivedOn), { largestUnit: 'days' }).days);
  return days;
}

/** Art. 12(3): the answer is due one month (three when extended) after receipt, counted as above. */
export function gdprDeadline(
  receivedOn: IsoDate,
  opts: HolidayOptions & { extended?: boolean; suspensions?: readonly Suspension[] },
): GdprDeadline {
  const months = opts.extended ? 3 : 1;
  // Temporal's default overflow ("constrain") gives the month's last day when the date does not exist (31 Jan → 28/29 Feb).
  const calendarEnd = plain(receivedOn).add({ months });
  const suspensions = opts.suspensions ?? [];
  const isSuspended = suspensions.some((s) => s.receivedOn === null);
  const days = suspendedDays(suspensions);
  const due = isSuspended ? null : nextWorkingDayFrom(calendarEnd.add({ days }), opts).toString();
  return { dueOn: due, calendarEndOn: calendarEnd.toString(), suspendedDays: days, isSuspended };
}

export interface HealthRecordDeadline {
  /** Not before: 48 hours after receipt. */
  earliestOn: IsoDate;
  /** At the latest: 8 days, or 2 months for information more than five years old. */
  dueOn: IsoDate;
}

/** CSP L1111-7 / R1111-1: the period runs from receipt; no weekend or holiday extension. */
export function healthRecordDeadline(receivedOn: IsoDate, olderThanFiveYears: boolean): HealthRecordDeadline {
  const r = plain(receivedOn);
  return {
    earliestOn: r.add({ days: 2 }).toString(),
    dueOn: (olderThanFiveYears ? r.add({ months: 2 }) : r.add({ days: 8 })).toString(),
  };
}

/** The extension is possible only until the original due date, and the requester must be told within it (Art. 12(3)). */
export function canExtend(
  originalDueOn: IsoDate | null,
  today: IsoDate,
  notifiedOn: IsoDate,
  receivedOn: IsoDate,
): 'ok' | 'deadline_passed' | 'notified_late' | 'notified_before_receipt' {
  if (originalDueOn === null) return 'ok';
  if (Temporal.PlainDate.compare(plain(today), plain(originalDueOn)) > 0) return 'deadline_passed';
  if (Temporal.PlainDate.compare(plain(notifiedOn), plain(originalDueOn)) > 0) return 'notified_late';
  if (Temporal.PlainDate.compare(plain(notifiedOn), plain(receivedOn)) < 0) return 'notified_before_receipt';
  return 'ok';
}
