import { Temporal } from 'temporal-polyfill';

/**
 * French public holidays (Code du travail L3133-1), and the two extra days of Alsace-Moselle (Bas-Rhin, Haut-Rhin,
 * Moselle: Good Friday and 26 December, Code du travail L3134-13), a per-practice option.
 */
export interface HolidayOptions {
  alsaceMoselle: boolean;
  /** An overseas territory: its day of the abolition of slavery is a public holiday (C. trav. L3422-2). */
  overseasTerritory?: OverseasTerritory | null;
}

export type OverseasTerritory =
  'guadeloupe' | 'martinique' | 'guyane' | 'reunion' | 'mayotte' | 'saint_barthelemy' | 'saint_martin';

/**
 * The day of the abolition of slavery in each territory (C. trav. L3422-2; dates of décret 83-1003 and its later
 * amendments). A default the practice confirms: the dates are not in the project's legal reference yet.
 */
export const ABOLITION_DAYS: Record<OverseasTerritory, [month: number, day: number]> = {
  mayotte: [4, 27],
  martinique: [5, 22],
  guadeloupe: [5, 27],
  saint_martin: [5, 28],
  guyane: [6, 10],
  saint_barthelemy: [10, 9],
  reunion: [12, 20],
};

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

const cache = new Map<string, Map<string, string>>();

/** The holidays of a year: ISO date → name. */
export function frenchHolidays(year: number, opts: HolidayOptions): Map<string, string> {
  const key = `${year}:${opts.alsaceMoselle}:${opts.overseasTerritory ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const easter = easterSunday(year);
  const d = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day }).toString();
  const out = new Map<string, string>([
    [d(1, 1), 'Jour de l’an'],
    [easter.add({ days: 1 }).toString(), 'Lundi de Pâques'],
    [d(5, 1), 'Fête du Travail'],
    [d(5, 8), 'Victoire 1945'],
    [easter.add({ days: 39 }).toString(), 'Ascension'],
    [easter.add({ days: 50 }).toString(), 'Lundi de Pentecôte'],
    [d(7, 14), 'Fête nationale'],
    [d(8, 15), 'Assomption'],
    [d(11, 1), 'Toussaint'],
    [d(11, 11), 'Armistice 1918'],
    [d(12, 25), 'Noël'],
  ]);
  if (opts.alsaceMoselle) {
    out.set(easter.subtract({ days: 2 }).toString(), 'Vendredi saint');
    out.set(d(12, 26), 'Saint-Étienne');
  }
  if (opts.overseasTerritory) {
    const [month, day] = ABOLITION_DAYS[opts.overseasTerritory];
    out.set(d(month, day), 'Abolition de l’esclavage');
  }
  cache.set(key, out);
  return out;
}

export function isWorkingDay(date: Temporal.PlainDate, opts: HolidayOptions): boolean {
  return date.dayOfWeek <= 5 && !frenchHolidays(date.year, opts).has(date.toString());
}

/** Reg. 1182/71 art. 3(4): a period ending on a Saturday, Sunday or public holiday ends on the next working day. */
export function nextWorkingDayFrom(date: Temporal.PlainDate, opts: HolidayOptions): Temporal.PlainDate {
  let d = date;
  while (!isWorkingDay(d, opts)) d = d.add({ days: 1 });
  return d;
}
