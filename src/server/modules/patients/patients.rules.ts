import { withoutAccents } from '../../shared/text.js';
/** Accents set aside: "Décès" → "Deces". */

/** Names compared the way a front desk types them: no accents, no case, single spaces ("Lefèvre" finds "LEFEVRE"). */
export function searchKey(...parts: string[]): string {
  return withoutAccents(parts.join(' '))
    .toLowerCase()
    .replace(/[^a-z0-9@.' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The oldest birth year accepted: a date before it is a typing slip (0000, 0968), not a patient. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export interface PatientDates {
  birthDate: string;
  lastCareOn: string | null;
  deathOn: string | null;
}

/**
 * Dates that cannot be true are bad input, named by field: nothing after today (a last care in 2999 would postpone the
 * record's retention forever), no care or death before birth, no care after death. `today` is the practice's date.
 */
export function patientDatesProblem(d: PatientDates, today: string): { path: keyof PatientDates; code: string } | null {
  if (d.birthDate > today) return { path: 'birthDate', code: 'date_in_future' };
  if (d.birthDate < EARLIEST_BIRTH_DATE) return { path: 'birthDate', code: 'birth_date_implausible' };
  for (const k of ['deathOn', 'lastCareOn'] as const) {
    const v = d[k];
    if (v === null) continue;
    if (v > today) return { path: k, code: 'date_in_future' };
    if (v < d.birthDate) return { path: k, code: 'before_birth' };
  }
  if (d.deathOn !== null && d.lastCareOn !== null && d.lastCareOn > d.deathOn)
    return { path: 'lastCareOn', code: 'care_after_death' };
  return null;
}

/**
 * A birth date typed in a search box, as people write it in France (12/05/1968, 12.05.1968, 12-05-1968) or in ISO form:
 * the ISO date, or null when the text is not a date.
 */
export function searchedBirthDate(q: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q);
  const [y, m, d] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : fr
      ? [fr[3]!, fr[2]!.padStart(2, '0'), fr[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}`
    ? `${y}-${m}-${d}`
    : null;
}
