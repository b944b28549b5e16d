import type { IsoDate } from '../model/primitives';
import type { Week, TargetProgress } from '../../webviews/dashboard/protocol';
import type { Localize } from '../util/localize';
import { runSteps, type Steps } from '../util/slices';
import { formatHours, toHours } from '../time/durations';
import type { MinutesByDay } from './studyIndex';
import { minutesPerWeek } from './weeklyHours';

export interface TargetCert {
  key: string;
  name: string;
  targetMinutes: number | null;
}

/**
 * Cumulative study hours per certification at the end of each week of the range (today, for this
 * week), counting everything studied before the range too, beside the certification's target.
 * Certifications with neither a target nor any study are left out.
 */
export function targetProgress(input: TargetProgressInput, t: Localize): TargetProgress {
  return runSteps(targetProgressSteps(input, t));
}

export interface TargetProgressInput {
  byCert: ReadonlyMap<string, MinutesByDay>;
  certs: readonly TargetCert[];
  weeks: readonly Week[];
  today: IsoDate;
}

/** targetProgress a certification at a time. */
export function* targetProgressSteps(input: TargetProgressInput, t: Localize): Steps<TargetProgress> {
  const { weeks, today } = input;
  const series: TargetProgress['series'] = [];
  const sentences: string[] = [];
  for (const cert of input.certs) {
    const days = input.byCert.get(cert.key) ?? new Map<IsoDate, number>();
    let before = 0;
    let total = 0;
    for (const [day, m] of days) {
      if (day > today) continue;
      total += m;
      if (weeks.length && day < weeks[0].start) before += m;
    }
    if (total === 0 && cert.targetMinutes === null) continue;
    let running = before;
    const hours = minutesPerWeek(days, weeks, today).map((m) => toHours((running += m)));
    const targetHours = cert.targetMinutes === null ? null : toHours(cert.targetMinutes);
    series.push({ key: cert.key, name: cert.name, hours, targetHours });
    sentences.push(
      cert.targetMinutes
        ? t('{0} {1} of {2} h ({3} %)', cert.name, formatHours(total), formatHours(cert.targetMinutes), Math.floor((total / cert.targetMinutes) * 100))
        : t('{0} {1} h, no target', cert.name, formatHours(total)),
    );
    yield 'target';
  }
  return { series, summary: sentences.length ? `${sentences.join('; ')}.` : '' };
}
