import type { IsoDate } from '../model/primitives';
import type { StudySession } from '../model/logs';
import { addDays, dayOfWeek, startOfLocalDay, startOfLocalWeek } from '../time/localDays';
import { blockOn, WEEKDAYS, type BlockSettings, type Weekday } from './blockSchedule';

/**
 * Study time per local calendar day. A session counts on the wall-clock days it was studied,
 * in the UTC offset it was stored with (the engineer's own time then, even after travel), and
 * a session over midnight counts to each day by its overlap.
 */
export function minutesByLocalDay(sessions: readonly StudySession[]): Map<IsoDate, number> {
  const ms = new Map<IsoDate, number>();
  for (const s of sessions) {
    const offsetMs = offsetMinutesOf(s.start) * 60_000;
    // Work on the wall clock of the start's offset: "UTC" fields of a shifted Date are local fields.
    let from = Date.parse(s.start) + offsetMs;
    const to = Date.parse(s.end) + offsetMs;
    while (from < to) {
      const day = new Date(from);
      const nextMidnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
      const sliceEnd = Math.min(to, nextMidnight);
      const key = day.toISOString().slice(0, 10);
      ms.set(key, (ms.get(key) ?? 0) + (sliceEnd - from));
      from = sliceEnd;
    }
  }
  const minutes = new Map<IsoDate, number>();
  for (const [day, m] of ms) minutes.set(day, m / 60_000);
  return minutes;
}

/** `-07:00` → -420; `Z` → 0. */
export function offsetMinutesOf(instant: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(instant);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export interface Streaks {
  /** Study days in a row up to today (today counts once it reaches the minimum; until then the streak runs to yesterday). */
  current: number;
  best: number;
}

/**
 * A day counts when it reaches the daily minimum; a configured rest day neither breaks a streak
 * nor is needed for one (studying on it still counts).
 */
export function streaks(byDay: ReadonlyMap<IsoDate, number>, today: IsoDate, dailyMinimumMinutes: number, restDays: readonly Weekday[]): Streaks {
  const counts = (day: IsoDate) => (byDay.get(day) ?? 0) >= dailyMinimumMinutes;
  const isRest = (day: IsoDate) => restDays.includes(WEEKDAYS[dayOfWeek(day)]);

  let current = 0;
  let day = counts(today) ? today : addDays(today, -1);
  const earliest = [...byDay.keys()].sort()[0] ?? today;
  while (day >= earliest) {
    if (counts(day)) current++;
    else if (!isRest(day)) break;
    day = addDays(day, -1);
  }

  let best = 0;
  let run = 0;
  const days = [...byDay.keys()].sort();
  if (days.length) {
    for (let d = days[0]; d <= today; d = addDays(d, 1)) {
      if (counts(d)) best = Math.max(best, ++run);
      else if (!isRest(d)) run = 0;
    }
  }
  return { current, best: Math.max(best, current) };
}

export interface BlocksThisWeek {
  /** Blocks that have started so far this ISO week (Monday first). */
  scheduled: number;
  /** Of those, the ones with enough study inside them. */
  kept: number;
}

/**
 * "4 of 5 morning blocks": a block counts as kept when the sessions inside its window add up to
 * the daily minimum (or the whole block, when the block is shorter than that).
 */
export function morningBlocksThisWeek(sessions: readonly StudySession[], settings: BlockSettings, now: Date, dailyMinimumMinutes: number): BlocksThisWeek {
  const monday = startOfLocalWeek(now);
  let scheduled = 0;
  let kept = 0;
  for (let i = 0; i < 7; i++) {
    const block = blockOn(startOfLocalDay(monday, i), settings);
    if (!block || block.start > now) continue;
    scheduled++;
    const needed = Math.min(dailyMinimumMinutes, (block.end.getTime() - block.start.getTime()) / 60_000) * 60_000;
    let inside = 0;
    for (const s of sessions) {
      const overlap = Math.min(Date.parse(s.end), block.end.getTime()) - Math.max(Date.parse(s.start), block.start.getTime());
      if (overlap > 0) inside += overlap;
    }
    if (inside >= needed) kept++;
  }
  return { scheduled, kept };
}
