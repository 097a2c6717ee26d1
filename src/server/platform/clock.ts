import { Temporal } from 'temporal-polyfill';

/** The only source of "now" for use cases, so tests can move time (idle lock, lifetimes, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-15T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

/** Instants are stored and sent as ISO-8601 UTC strings with millisecond precision (`…Z`). */
export const toInstant = (d: Date): string => d.toISOString();

/** Today in France (the practice's calendar), from an instant. */
export function parisDate(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO('Europe/Paris')
    .toPlainDate()
    .toString();
}

const endOfDayCache = new Map<string, string>();

/**
 * The last moment of a due day in Paris, as an ISO instant (the worklist sorts instants). Remembered per day: the
 * time-zone arithmetic was a quarter of a to-do list of 700 open requests (bench/README.md); a day's end never changes.
 */
export function endOfParisDay(date: string): string {
  const known = endOfDayCache.get(date);
  if (known !== undefined) return known;
  const next = Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone: 'Europe/Paris' });
  const end = new Date(next.epochMilliseconds - 1000).toISOString();
  if (endOfDayCache.size >= 4096) endOfDayCache.clear();
  endOfDayCache.set(date, end);
  return end;
}
