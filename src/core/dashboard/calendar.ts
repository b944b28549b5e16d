import type { IsoDate } from '../model/primitives';
import { isoDay } from '../timer/days';

/**
 * Local calendar days as `YYYY-MM-DD`, and ISO weeks (Monday first). Days are built with the
 * local Date constructor, so adding a day across a daylight-saving change is still one day.
 */

function parts(day: IsoDate): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

export function addDays(day: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(day);
  return isoDay(new Date(y, m - 1, d + days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: IsoDate): number {
  const [y, m, d] = parts(day);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Monday of the ISO week `day` is in. */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, -weekdayIndex(day));
}

/** `2026-W48`: the ISO week-numbering year (the year of the week's Thursday) and week. */
export function isoWeekLabel(day: IsoDate): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Minutes (from minutesByLocalDay) to hours with one decimal, as the tree shows them. */
export function toHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
