import type { IsoDate } from '../model/primitives';
import type { Forecast, Verdict } from '../../webviews/dashboard/protocol';
import type { Localize } from '../util/localize';
import { formatHours, toHours, toHoursTwoDecimals } from '../time/durations';
import { addDays, daysBetween } from '../time/localDays';
import { minutesBetween, type MinutesByDay } from './studyIndex';

/** The pace is what was studied over the last 28 days (today included), per day. */
export const PACE_WINDOW_DAYS = 28;

export interface PaceInput {
  key: string;
  name: string;
  targetMinutes: number | null;
  examDate: IsoDate | null;
  /** This certification's study minutes per local day. */
  days: MinutesByDay;
  today: IsoDate;
}

/** Hours per day with one decimal, and "< 0.1" rather than a misleading 0 for a little study. */
function perDay(minutesPerDay: number, round: 'nearest' | 'up'): string {
  if (minutesPerDay > 0 && minutesPerDay < 3 && round === 'nearest') return '< 0.1';
  const tenths = round === 'up' ? Math.ceil(minutesPerDay / 6 - 1e-9) : Math.round(minutesPerDay / 6);
  return formatHours(tenths * 6);
}

/**
 * When the target is reached at the pace of the last 28 days, beside the exam date, in plain
 * words. The days left before the exam are counted from today (included) to the day before the
 * exam; at pace p (minutes a day) the target is reached on the day the running total gets there:
 * today + ceil(remaining / p) − 1. On track when that day is before the exam; otherwise behind
 * by remaining − p × days left, with remaining / days left needed a day from now on.
 */
export function paceForecast(input: PaceInput, t: Localize): Forecast {
  const { today, examDate } = input;
  const target = input.targetMinutes;
  let studied = 0;
  for (const [day, m] of input.days) if (day <= today) studied += m;
  const pace = minutesBetween(input.days, addDays(today, -(PACE_WINDOW_DAYS - 1)), today) / PACE_WINDOW_DAYS;
  const base = {
    key: input.key,
    name: input.name,
    studiedHours: toHours(studied),
    targetHours: target === null ? null : toHours(target),
    paceHoursPerDay: toHoursTwoDecimals(pace),
    examDate,
  };
  const result = (verdict: Verdict, headline: string, detail: string, reachOn: IsoDate | null = null): Forecast => ({ ...base, verdict, headline, detail, reachOn });
  const h = formatHours;
  const atPace = t('At {0} h/day (your pace over the last 28 days)', perDay(pace, 'nearest'));

  if (target === null || target === 0) {
    return result('no-target', t('No study target'), t('{0} h studied. Set a study target (Edit Certification) to see when you reach it.', h(studied)));
  }
  const remaining = target - studied;
  if (remaining <= 0) return result('reached', t('Target reached'), t('{0} of {1} h studied.', h(studied), h(target)));

  const daysNeeded = pace > 0 ? Math.max(1, Math.ceil(remaining / pace - 1e-9)) : null;
  const reachOn = daysNeeded === null ? null : addDays(today, daysNeeded - 1);
  if (examDate === null) {
    if (reachOn === null) {
      return result('no-pace', t('No study in the last 28 days'), t('At this pace the {0} h target is never reached: {1} h to go. No exam date booked.', h(target), h(remaining)));
    }
    return result('no-exam', t('Target reached on {0} at this pace', reachOn), t('{0}: {1} h to go of {2} h. No exam date booked.', atPace, h(remaining), h(target)), reachOn);
  }
  const daysLeft = daysBetween(today, examDate);
  if (daysLeft < 0) {
    return result('exam-past', t('The exam date {0} has passed', examDate), t('{0} of {1} h studied. Record the result with Set Status, or book a new date.', h(studied), h(target)), reachOn);
  }
  if (daysLeft === 0) {
    const short = h(remaining) === '1' ? t('Exam today, 1 hour short of the target') : t('Exam today, {0} hours short of the target', h(remaining));
    return result('exam-today', short, t('{0} of {1} h studied.', h(studied), h(target)), reachOn);
  }
  const examIn = daysLeft === 1 ? t('the exam on {0} (tomorrow)', examDate) : t('the exam on {0} (in {1} d)', examDate, daysLeft);
  if (reachOn !== null && reachOn < examDate) {
    const early = daysBetween(reachOn, examDate);
    return result('on-track', t('On track'), t('{0} the {1} h target is reached on {2}, {3} d before {4}.', atPace, h(target), reachOn, early, examIn), reachOn);
  }
  const behind = remaining - pace * daysLeft;
  const needed = perDay(remaining / daysLeft, 'up');
  const headline = h(behind) === '1' ? t('1 hour behind, {0} h/day needed', needed) : t('{0} hours behind, {1} h/day needed', h(behind), needed);
  if (reachOn === null) {
    return result('behind', headline, t('No study in the last 28 days, so at this pace the {0} h target is never reached; {1} h to go before {2}.', h(target), h(remaining), examIn));
  }
  const late = daysBetween(examDate, reachOn);
  const when = late === 0 ? t('on the day of the exam') : t('{0} d after the exam', late);
  return result('behind', headline, t('{0} the {1} h target is reached on {2}, {3}; {4} h to go before {5}.', atPace, h(target), reachOn, when, h(remaining), examIn), reachOn);
}

const SEVERITY: Record<Verdict, number> = { behind: 0, 'exam-today': 1, 'exam-past': 2, 'no-pace': 3, 'on-track': 4, 'no-exam': 5, 'no-target': 6, reached: 7 };

/** Booked exams first, soonest on top; then the most urgent verdict. */
export function sortForecasts(list: readonly Forecast[]): Forecast[] {
  return [...list].sort((a, b) => {
    if (a.examDate !== b.examDate) return a.examDate === null ? 1 : b.examDate === null ? -1 : a.examDate < b.examDate ? -1 : 1;
    return SEVERITY[a.verdict] - SEVERITY[b.verdict] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
}
