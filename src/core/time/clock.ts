import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate, OffsetInstant } from '../model/primitives';

/**
 * Time helpers. Nothing here reads the clock: `now` is always passed in, so tests can stand in
 * Denver on the night clocks change and the code cannot tell the difference.
 */

/** The instant with the machine's current UTC offset and milliseconds, e.g. 2026-11-26T08:15:00.000-07:00. */
export function toOffsetInstant(date: Date): OffsetInstant {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** Exact milliseconds between two stored instants (offsets make this independent of DST). */
export function millisBetween(start: OffsetInstant, end: OffsetInstant): number {
  return Date.parse(end) - Date.parse(start);
}

/**
 * The local calendar day an instant fell on for the user at that moment: the wall-clock date
 * written in the instant itself. A session at 08:00 in Denver stays on that day even when the
 * engineer later opens VS Code in another time zone.
 */
export function localDayOf(instant: OffsetInstant): IsoDate {
  return instant.slice(0, 10);
}

/** Today in the machine's local calendar. */
export function localToday(now: Date): IsoDate {
  return format(now, 'yyyy-MM-dd');
}

/** Whole calendar days from today to `date` (negative when past), in the local calendar. */
export function calendarDaysUntil(date: IsoDate, now: Date): number {
  return differenceInCalendarDays(parseISO(date), now);
}

/** Adds whole months to a calendar date (used for expiry from a validity rule). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const d = parseISO(date);
  const result = new Date(d.getFullYear(), d.getMonth() + months, 1);
  // Clamp the day so 31 January + 1 month is 28/29 February, not early March.
  const lastDay = new Date(result.getFullYear(), result.getMonth() + 1, 0).getDate();
  result.setDate(Math.min(d.getDate(), lastDay));
  return format(result, 'yyyy-MM-dd');
}
