import type { IsoDate, OffsetInstant } from '../model/primitives';

/**
 * Local calendar days, the one place for day arithmetic: days as `YYYY-MM-DD` strings, and the
 * local midnights of `Date`s. Imports nothing at run time (the type import is erased) on purpose:
 * the startup shell's morning alarm (core/timer/blockSchedule.ts) and exam countdown
 * (core/exam/statusCountdown.ts) use it without loading the rest of the extension.
 *
 * Arithmetic on `YYYY-MM-DD` runs on UTC midnights, so no time zone or daylight-saving change can
 * shift a day: in Denver, the day clocks go forward is still one day. Nothing here reads the
 * clock: `now` is always passed in.
 */

const DAY_MS = 86_400_000;

/** The UTC midnight of a calendar day, in ms (any year 0000-9999; NaN when `day` is not a date). */
function utcMidnight(day: IsoDate): number {
  // The usual shape first, without a Date and a split per call (the dashboard counts ten years day by day).
  const y = digits(day, 0, 4);
  if (y >= 100 && day.length === 10 && day.charCodeAt(4) === DASH && day.charCodeAt(7) === DASH) {
    const m = digits(day, 5, 2);
    const d = digits(day, 8, 2);
    if (m >= 0 && d >= 0) return Date.UTC(y, m - 1, d);
  }
  const [year, month, date] = day.split('-').map(Number);
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  at.setUTCFullYear(year, month - 1, date);
  return at.getTime();
}

const DASH = 45;

/** The number written in `length` ASCII digits from `start`, or -1 when one is not a digit. */
function digits(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** 0000-01-01 and 9999-12-31 as days since 1970-01-01: the years toISOString writes with four digits. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/** The calendar day of a UTC midnight; throws a RangeError for NaN, as Date.toISOString does. */
function dayOfUtc(ms: number): IsoDate {
  // A Date truncates its time value towards zero (TimeClip): so does this.
  const n = Math.floor(Math.trunc(ms) / DAY_MS);
  if (!(n >= FIRST_DAY && n <= LAST_DAY)) return new Date(ms).toISOString().slice(0, 10);
  // Days to the proleptic Gregorian calendar without a Date (H. Hinnant's civil_from_days).
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m)}-${pad(d)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The local calendar day an instant fell on for the user at that moment: the wall-clock date
 * written in the instant itself. A session at 08:00 in Denver stays on that day even when the
 * engineer later opens VS Code in another time zone.
 */
export function localDayOf(instant: OffsetInstant): IsoDate {
  return instant.slice(0, 10);
}

/** The day of `now` in the machine's local calendar (of any Date: `localToday(block.start)`). */
export function localToday(now: Date): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `day` plus whole days (minus, when negative). */
export function addDays(day: IsoDate, days: number): IsoDate {
  return dayOfUtc(utcMidnight(day) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Whole calendar days from today to `date` (negative when past), in the local calendar. */
export function calendarDaysUntil(date: IsoDate, now: Date): number {
  return daysBetween(localToday(now), date);
}

/** 0 for Sunday … 6 for Saturday, as Date.getDay() and WEEKDAYS (core/model/weekdays.ts) count. */
export function dayOfWeek(day: IsoDate): number {
  // NaN for a day that is not a date, as getUTCDay gives.
  return weekdayOfEpochDay(epochDay(day));
}

/** 1 for Monday … 7 for Sunday, as ISO 8601 numbers them. */
export function isoWeekday(day: IsoDate): number {
  return ((dayOfWeek(day) + 6) % 7) + 1;
}

/** The Monday that starts the ISO week `day` is in. */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
}

/** `2026-W48`: the ISO week-numbering year (the year of the week's Thursday) and week. */
export function isoWeekLabel(day: IsoDate): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The days in a month, `month` 1-12 (29 for February in a leap year). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Adds whole months to a calendar date (used for expiry from a validity rule). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  // Clamp the day so 31 January + 1 month is 28/29 February, not early March.
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/**
 * The local midnight starting the day `days` after `date`'s local day (0: its own). Built with the
 * local Date constructor, which reads the machine's time zone on that very day, so a day across a
 * daylight-saving change (23 or 25 hours) is still one day.
 */
export function startOfLocalDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The local midnight starting the Monday of `date`'s week (ISO weeks: Monday first). */
export function startOfLocalWeek(date: Date): Date {
  return startOfLocalDay(date, -((date.getDay() + 6) % 7));
}

/**
 * A calendar day as a whole number of days since 1970-01-01 (negative before it; NaN when `day`
 * is not a date): loops over many days (a ten-year streak) count in these, not in strings.
 */
export function epochDay(day: IsoDate): number {
  return Math.round(utcMidnight(day) / DAY_MS);
}

/** 0 for Sunday … 6 for Saturday of an epoch day, as dayOfWeek counts (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}
