import type { IsoDate } from '../model/primitives';
import type { CertOption, Week, WeeklyHours } from '../../webviews/dashboard/protocol';
import type { Localize } from '../util/localize';
import { runSteps, type Steps } from '../util/slices';
import { formatHours, toHours } from '../time/durations';
import { weekIndex } from './range';
import type { MinutesByDay } from './studyIndex';

/** Minutes per week of `weeks`, days after `today` left out. */
export function minutesPerWeek(days: MinutesByDay, weeks: readonly Week[], today: IsoDate): number[] {
  const minutes = new Array<number>(weeks.length).fill(0);
  const first = weeks[0]?.start;
  for (const [day, m] of days) {
    // Days before the range are most of ten years: compared as text, not counted in days.
    if (day > today || first === undefined || day < first) continue;
    const i = weekIndex(weeks, day);
    if (i >= 0) minutes[i] += m;
  }
  return minutes;
}

/**
 * Study hours per ISO week (Monday to Sunday, local days), stacked by certification: one series
 * per certification with study in the range, in `certs` order, and the week's total (added up in
 * minutes, rounded once) against the weekly goal.
 */
export function weeklyHours(input: WeeklyHoursInput, t: Localize): WeeklyHours {
  return runSteps(weeklyHoursSteps(input, t));
}

export interface WeeklyHoursInput {
  byCert: ReadonlyMap<string, MinutesByDay>;
  certs: readonly CertOption[];
  weeks: readonly Week[];
  today: IsoDate;
  goalHours: number;
}

/** weeklyHours a certification at a time (ten years are 522 weeks to add up for each). */
export function* weeklyHoursSteps(input: WeeklyHoursInput, t: Localize): Steps<WeeklyHours> {
  const { weeks, goalHours } = input;
  const totals = new Array<number>(weeks.length).fill(0);
  const series: WeeklyHours['series'] = [];
  for (const cert of input.certs) {
    const days = input.byCert.get(cert.key);
    if (!days) continue;
    const minutes = minutesPerWeek(days, weeks, input.today);
    if (!minutes.some((m) => m > 0)) continue;
    minutes.forEach((m, i) => (totals[i] += m));
    series.push({ key: cert.key, name: cert.name, hours: minutes.map(toHours) });
    yield 'weekly';
  }
  const sum = totals.reduce((a, b) => a + b, 0);
  const parts = [
    t('{0} h in {1} weeks, {2} h a week on average', formatHours(sum), weeks.length, formatHours(weeks.length ? sum / weeks.length : 0)),
  ];
  if (goalHours > 0) {
    const reached = totals.filter((m) => m >= goalHours * 60).length;
    parts.push(t('the {0} h goal reached in {1} of {2} weeks', formatHours(goalHours * 60), reached, weeks.length));
  }
  return { series, totals: totals.map(toHours), goalHours, summary: `${parts.join('; ')}.` };
}
