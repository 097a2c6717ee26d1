import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { canExtend, gdprDeadline, healthRecordDeadline } from './deadline.rules.js';
import { easterSunday, frenchHolidays, isWorkingDay } from './holidays.rules.js';
import { endOfParisDay, parisDate } from '../../platform/clock.js';

const FR = { alsaceMoselle: false };
const AM = { alsaceMoselle: true };

describe('French public holidays', () => {
  it('finds Easter on the known dates', () => {
    for (const [y, d] of [
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2038, '2038-04-25'],
      [2000, '2000-04-23'],
    ] as const)
      assert.equal(easterSunday(y).toString(), d);
  });

  it('lists the eleven national holidays, and two more in Alsace-Moselle', () => {
    const h = frenchHolidays(2026, FR);
    assert.deepEqual([...h.keys()].sort(), [
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    const am = frenchHolidays(2026, AM);
    assert.equal(am.size, 13);
    assert.equal(am.get('2026-04-03'), 'Vendredi saint');
    assert.equal(am.get('2026-12-26'), 'Saint-Étienne');
  });
});

describe('GDPR deadline (Art. 12(3), Reg. 1182/71)', () => {
  const due = (r: string, o: Parameters<typeof gdprDeadline>[1] = FR) => gdprDeadline(r, o).dueOn;

  it('is the same date next month (EDPB example 32: 5 March → 5 April)', () => {
    assert.equal(due('2026-03-05'), '2026-04-07'); // 5 April 2026 is Easter Sunday, 6 April Easter Monday
    assert.equal(due('2027-03-05'), '2027-04-05'); // a Monday
  });

  it('ends on the last day of a shorter month (EDPB example 33: 31 August → 30 September)', () => {
    assert.equal(due('2027-08-31'), '2027-09-30'); // a Thursday
    assert.equal(due('2027-01-31'), '2027-03-01'); // 28 Feb 2027 is a Sunday → Monday 1 March
  });

  it('handles leap years', () => {
    assert.equal(gdprDeadline('2028-01-31', FR).calendarEndOn, '2028-02-29');
    assert.equal(due('2028-01-31'), '2028-02-29'); // a Tuesday
    assert.equal(gdprDeadline('2027-01-31', FR).calendarEndOn, '2027-02-28');
    assert.equal(due('2028-02-29'), '2028-03-29');
  });

  it('moves a weekend end to the Monday', () => {
    assert.equal(due('2026-09-12'), '2026-10-12'); // 12 Oct 2026 is a Monday
    assert.equal(due('2026-10-10'), '2026-11-10'); // Tuesday
    assert.equal(due('2026-09-05'), '2026-10-05'); // Monday
    assert.equal(due('2026-06-13'), '2026-07-13'); // Monday
    assert.equal(due('2026-06-14'), '2026-07-15'); // 14 July is a holiday (Tuesday) → Wednesday
  });

  it('moves an end falling on each holiday to the next working day', () => {
    assert.equal(due('2025-12-01'), '2026-01-02'); // 1 Jan (Thursday) → Friday
    assert.equal(due('2026-03-06'), '2026-04-07'); // 6 April, Easter Monday → Tuesday
    assert.equal(due('2026-04-01'), '2026-05-04'); // 1 May is a Friday → Monday 4
    assert.equal(due('2026-04-08'), '2026-05-11'); // 8 May (Friday) → Monday
    assert.equal(due('2026-04-14'), '2026-05-15'); // Ascension, Thursday 14 May → Friday
    assert.equal(due('2026-04-25'), '2026-05-26'); // Whit Monday 25 May → Tuesday
    assert.equal(due('2026-07-15'), '2026-08-17'); // 15 August is a Saturday → Monday 17
    assert.equal(due('2026-10-11'), '2026-11-12'); // 11 November (Wednesday) → Thursday
    assert.equal(due('2026-10-01'), '2026-11-02'); // 1 November is a Sunday → Monday 2
    assert.equal(due('2026-11-25'), '2026-12-28'); // 25 Dec (Friday), weekend → Monday 28
    assert.equal(due('2026-11-25', AM), '2026-12-28'); // Alsace-Moselle: 26 Dec is a Saturday anyway
    assert.equal(due('2027-11-25', FR), '2027-12-27'); // 25 Dec 2027 is a Saturday → Monday 27
    assert.equal(due('2029-11-25', FR), '2029-12-26'); // 25 Dec 2029 (Tuesday) → Wednesday 26
    assert.equal(due('2029-11-25', AM), '2029-12-27'); // Alsace-Moselle: 26 Dec is a holiday too → Thursday
    assert.equal(due('2026-03-03', AM), '2026-04-07'); // Good Friday 3 April 2026 in Alsace-Moselle → after Easter Monday
    assert.equal(due('2026-03-03', FR), '2026-04-03'); // elsewhere Good Friday is a working day
  });

  it('gives three months from receipt when extended, with the same rules at its end (never the adjusted date + 2 months)', () => {
    // Received 31 Oct 2026: one month → 30 Nov (Monday); three months → 31 Jan 2027 (Sunday) → Monday 1 Feb.
    assert.equal(due('2026-10-31'), '2026-11-30');
    assert.equal(due('2026-10-31', { ...FR, extended: true }), '2027-02-01');
    // Received 30 Nov 2026: 30 Dec (Wednesday); extended: 28 Feb 2027 (no 30 Feb) is a Sunday → Monday 1 March.
    assert.equal(gdprDeadline('2026-11-30', { ...FR, extended: true }).calendarEndOn, '2027-02-28');
    assert.equal(due('2026-11-30', { ...FR, extended: true }), '2027-03-01');
  });

  it('stops while proof of identity is awaited and adds the days it stood still', () => {
    const waiting = gdprDeadline('2026-03-02', {
      ...FR,
      suspensions: [{ requestedOn: '2026-03-03', receivedOn: null }],
    });
    assert.equal(waiting.dueOn, null);
    assert.equal(waiting.isSuspended, true);
    const resumed = gdprDeadline('2026-03-02', {
      ...FR,
      suspensions: [{ requestedOn: '2026-03-03', receivedOn: '2026-03-13' }],
    });
    assert.equal(resumed.suspendedDays, 10);
    assert.equal(resumed.dueOn, '2026-04-13'); // 2 April + 10 days = 12 April (Sunday) → Monday 13
  });

  it('is never a weekend or a holiday, never before the plain calendar rule, never more than a week after it (property)', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 40 })
      .map((n) => Temporal.PlainDate.from('2000-01-01').add({ days: n }).toString());
    fc.assert(
      fc.property(
        day,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (r, extended, alsace, suspended) => {
          const opts = {
            alsaceMoselle: alsace,
            extended,
            suspensions: suspended
              ? [{ requestedOn: r, receivedOn: Temporal.PlainDate.from(r).add({ days: suspended }).toString() }]
              : [],
          };
          const d = gdprDeadline(r, opts);
          const dueOn = Temporal.PlainDate.from(d.dueOn!);
          const plainEnd = Temporal.PlainDate.from(r)
            .add({ months: extended ? 3 : 1 })
            .add({ days: suspended });
          assert.ok(isWorkingDay(dueOn, opts), `${r} → ${d.dueOn} is not a working day`);
          assert.ok(
            Temporal.PlainDate.compare(dueOn, plainEnd) >= 0,
            `${r} → ${d.dueOn} is before ${plainEnd.toString()}`,
          );
          assert.ok(plainEnd.until(dueOn).days <= 5, `${r} → ${d.dueOn} is too far after ${plainEnd.toString()}`);
        },
      ),
      { numRuns: 5000, seed: 20261128 },
    );
  });
});

describe('health record deadline (CSP L1111-7, R1111-1)', () => {
  it('runs from receipt: not before 48 hours, at the latest 8 days, 2 months for information over five years old, no weekend rule', () => {
    assert.deepEqual(healthRecordDeadline('2026-12-24', false), { earliestOn: '2026-12-26', dueOn: '2027-01-01' });
    assert.deepEqual(healthRecordDeadline('2026-12-31', true), { earliestOn: '2027-01-02', dueOn: '2027-02-28' });
    assert.deepEqual(healthRecordDeadline('2028-02-27', false), { earliestOn: '2028-02-29', dueOn: '2028-03-06' });
  });
});

describe('extension', () => {
  it('is allowed only until the original due date, with the requester told within it', () => {
    assert.equal(canExtend('2026-04-07', '2026-04-07', '2026-04-07', '2026-03-05'), 'ok');
    assert.equal(canExtend('2026-04-07', '2026-04-08', '2026-04-07', '2026-03-05'), 'deadline_passed');
    assert.equal(canExtend('2026-04-07', '2026-04-01', '2026-04-09', '2026-03-05'), 'notified_late');
    assert.equal(canExtend('2026-04-07', '2026-04-01', '2026-03-01', '2026-03-05'), 'notified_before_receipt');
  });
});

describe('Paris calendar', () => {
  it('reads today in Paris and ends a due day at midnight Paris time, across the clock changes', () => {
    assert.equal(parisDate(new Date('2026-03-28T23:30:00Z')), '2026-03-29');
    assert.equal(endOfParisDay('2026-03-29'), '2026-03-29T21:59:59.000Z'); // summer time from 29 March 2026
    assert.equal(endOfParisDay('2026-01-15'), '2026-01-15T22:59:59.000Z');
  });
});

describe('overseas practices (C. trav. L3422-2)', () => {
  it('the day of the abolition of slavery moves an end to the next working day, for that territory only', () => {
    // 20 December 2027 is a Monday: a public holiday in La Réunion, not in Martinique nor in metropolitan France.
    assert.equal(
      gdprDeadline('2027-11-20', { alsaceMoselle: false, overseasTerritory: 'reunion' }).dueOn,
      '2027-12-21',
    );
    assert.equal(
      gdprDeadline('2027-11-20', { alsaceMoselle: false, overseasTerritory: 'martinique' }).dueOn,
      '2027-12-20',
    );
    assert.equal(gdprDeadline('2027-11-20', { alsaceMoselle: false }).dueOn, '2027-12-20');
    // 22 May 2026 is a Friday, Martinique's day; 25 May is Whit Monday: the answer is due on Tuesday 26.
    assert.equal(
      gdprDeadline('2026-04-22', { alsaceMoselle: false, overseasTerritory: 'martinique' }).dueOn,
      '2026-05-26',
    );
  });
});

describe('lateness in the register of requests', () => {
  it('late when closed after the due date, overdue while open past it, and a back-dated answer said so', async () => {
    const { lateness } = await import('./rights-requests.rules.js');
    assert.equal(lateness({ dueOn: '2026-02-05', closedOn: '2026-02-01' }, '2026-02-01', '2026-03-01'), 'on_time');
    assert.equal(lateness({ dueOn: '2026-02-05', closedOn: '2026-02-06' }, '2026-02-06', '2026-03-01'), 'late');
    assert.equal(lateness({ dueOn: '2026-02-05', closedOn: null }, null, '2026-03-01'), 'overdue');
    assert.equal(lateness({ dueOn: '2026-02-05', closedOn: null }, null, '2026-02-05'), 'on_time');
    assert.equal(
      lateness({ dueOn: '2026-02-05', closedOn: '2026-02-01' }, '2026-03-01', '2026-03-01'),
      'recorded_after_due',
    );
  });
});
