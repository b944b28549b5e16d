import type { StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import { minutesByLocalDay } from '../timer/days';
import { runSteps, type Steps } from '../util/slices';

/** Minutes per local day (minutesByLocalDay: a session over midnight counts to both days), per certification. */
export type MinutesByDay = ReadonlyMap<IsoDate, number>;

export function minutesByCertAndDay(sessions: readonly StudySession[]): Map<string, MinutesByDay> {
  return runSteps(minutesByCertAndDaySteps(sessions));
}

/** minutesByCertAndDay a certification at a time (a step each: runSteps, runInSlices). */
export function* minutesByCertAndDaySteps(sessions: readonly StudySession[]): Steps<Map<string, MinutesByDay>> {
  const byCert = new Map<string, StudySession[]>();
  for (const s of sessions) {
    const list = byCert.get(s.certKey);
    if (list) list.push(s);
    else byCert.set(s.certKey, [s]);
  }
  const result = new Map<string, MinutesByDay>();
  for (const [key, list] of byCert) {
    result.set(key, minutesByLocalDay(list));
    yield 'study index';
  }
  return result;
}

/** The days of several certifications added up (the study-day calendar and the streak). */
export function mergeDays(maps: Iterable<MinutesByDay>): Map<IsoDate, number> {
  const merged = new Map<IsoDate, number>();
  for (const map of maps) for (const [day, minutes] of map) merged.set(day, (merged.get(day) ?? 0) + minutes);
  return merged;
}

/** Minutes on the days from `from` to `to`, both included. */
export function minutesBetween(map: MinutesByDay, from: IsoDate, to: IsoDate): number {
  let sum = 0;
  for (const [day, minutes] of map) if (day >= from && day <= to) sum += minutes;
  return sum;
}
