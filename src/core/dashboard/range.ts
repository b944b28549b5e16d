import type { IsoDate } from '../model/primitives';
import type { Range, Week } from '../../webviews/dashboard/protocol';
import { addDays, daysBetween, isoWeekLabel, mondayOf } from '../time/localDays';

/** Weeks per range; `all` starts with the week of the first thing logged. */
export const RANGE_WEEKS: Record<Range, number | null> = { '4w': 4, '12w': 12, '26w': 26, all: null };

/**
 * The ISO weeks a range covers, oldest first, this week (which holds `today`) last. `all` starts
 * with the week of `earliest` (this week when nothing is logged, or when `earliest` is later).
 */
export function rangeWeeks(range: Range, today: IsoDate, earliest: IsoDate | undefined): Week[] {
  const thisMonday = mondayOf(today);
  const n = RANGE_WEEKS[range];
  const first = n !== null ? addDays(thisMonday, -7 * (n - 1)) : earliest && earliest < thisMonday ? mondayOf(earliest) : thisMonday;
  const count = daysBetween(first, thisMonday) / 7 + 1;
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(first, 7 * i);
    return { start, label: isoWeekLabel(start) };
  });
}

/** Which week of `weeks` (consecutive, from a Monday) `day` falls in, or -1 outside them. */
export function weekIndex(weeks: readonly Week[], day: IsoDate): number {
  if (weeks.length === 0) return -1;
  const i = Math.floor(daysBetween(weeks[0].start, day) / 7);
  return i >= 0 && i < weeks.length ? i : -1;
}
