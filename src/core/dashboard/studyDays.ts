import type { IsoDate } from '../model/primitives';
import type { StudyDays } from '../../webviews/dashboard/protocol';
import type { Weekday } from '../timer/blockSchedule';
import { streaks } from '../timer/days';
import type { Localize } from '../util/localize';
import { addDays, mondayOf } from '../time/localDays';

/** The calendar shows 26 ISO weeks: this one and the 25 before it (six months). */
export const STUDY_DAY_WEEKS = 26;

/** 0 none; 1 below the daily minimum; 2 from the minimum to under an hour; 3 one to two hours; 4 two hours or more. */
export function dayLevel(minutes: number, dailyMinimumMinutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes < dailyMinimumMinutes) return 1;
  if (minutes < 60) return 2;
  return minutes < 120 ? 3 : 4;
}

/**
 * Study days of the last six months, for a calendar heatmap (every day from a Monday to today),
 * with the current and best streak over everything logged (core/timer/days: a day counts from
 * the daily minimum; rest days neither break a streak nor are needed).
 */
export function studyDays(
  input: { byDay: ReadonlyMap<IsoDate, number>; today: IsoDate; dailyMinimumMinutes: number; restDays: readonly Weekday[] },
  t: Localize,
): StudyDays {
  const { byDay, today, dailyMinimumMinutes } = input;
  const from = addDays(mondayOf(today), -7 * (STUDY_DAY_WEEKS - 1));
  const days: StudyDays['days'] = [];
  let studied = 0;
  for (let day = from; day <= today; day = addDays(day, 1)) {
    const minutes = byDay.get(day) ?? 0;
    if (minutes >= dailyMinimumMinutes) studied++;
    days.push({ day, minutes: Math.round(minutes), level: dayLevel(minutes, dailyMinimumMinutes) });
  }
  const { current, best } = streaks(byDay, today, dailyMinimumMinutes, input.restDays);
  const dayCount = (n: number) => (n === 1 ? t('1 day') : t('{0} days', n));
  const streakLine = t('Current streak: {0} · best: {1}', dayCount(current), dayCount(best));
  const summary = t('{0} of {1} days studied since {2} (a day counts from {3} min); current streak {4}, best {5}.', studied, days.length, from, dailyMinimumMinutes, dayCount(current), dayCount(best));
  return { from, to: today, days, current, best, streaks: streakLine, summary };
}
