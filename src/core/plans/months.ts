import { format } from 'date-fns';
import type { IsoDate } from '../model/primitives';
import { MonthSchema, type Month } from '../model/plans';
import { daysInMonth } from '../time/localDays';

/** Month arithmetic on `YYYY-MM` strings: no time zone, no day, nothing to go wrong across DST. */

function toIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function isMonth(text: string): boolean {
  return MonthSchema.safeParse(text).success;
}

/** `2027-11` + 3 = `2028-02`. */
export function addMonths(month: Month, months: number): Month {
  return fromIndex(toIndex(month) + months);
}

/** Whole months from `from` to `to`: `2027-01` → `2027-04` is 3. */
export function monthsBetween(from: Month, to: Month): number {
  return toIndex(to) - toIndex(from);
}

/** The months from `from` to `to`, both included (empty when `to` comes first). */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** The month of a local calendar day. */
export function monthOf(day: IsoDate): Month {
  return day.slice(0, 7);
}

/** This month in the machine's local calendar. */
export function currentMonth(now: Date): Month {
  return format(now, 'yyyy-MM');
}

/** The first and the last day of a month. */
export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
