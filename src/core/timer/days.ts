import type { IsoDate } from '../model/primitives';
import type { StudySession } from '../model/logs';
import { addDays, epochDay, localDayOf, startOfLocalDay, startOfLocalWeek, weekdayOfEpochDay } from '../time/localDays';
import { sessionTimes } from '../time/sessionTimes';
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
    const { startMs, endMs } = sessionTimes(s);
    let from = startMs + offsetMs;
    const to = endMs + offsetMs;
    // The start's wall-clock day is written in the instant itself. The offset is the start's
    // throughout, so every midnight crossed is 24 hours after the one before, daylight saving or
    // not: each crossing is the next calendar day.
    let key: IsoDate = localDayOf(s.start);
    while (from < to) {
      const nextMidnight = (Math.floor(from / DAY_MS) + 1) * DAY_MS;
      const sliceEnd = Math.min(to, nextMidnight);
      ms.set(key, (ms.get(key) ?? 0) + (sliceEnd - from));
      from = sliceEnd;
      if (from < to) key = addDays(key, 1);
    }
  }
  const minutes = new Map<IsoDate, number>();
  for (const [day, m] of ms) minutes.set(day, m / 60_000);
  return minutes;
}

const DAY_MS = 86_400_000;

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
  // Days as whole numbers (epochDay), not strings: ten years is 3,650 days to walk, twice.
  const todayN = epochDay(today);
  const reached = new Set<number>();
  let earliest = Number.POSITIVE_INFINITY;
  for (const [day, minutes] of byDay) {
    const n = epochDay(day);
    if (n < earliest) earliest = n;
    if (minutes >= dailyMinimumMinutes) reached.add(n);
  }
  // A day without study reaches a minimum of 0.
  const emptyDayCounts = 0 >= dailyMinimumMinutes;
  const counts = (n: number) => reached.has(n) || emptyDayCounts;
  const restWeekdays = new Set(restDays.map((d) => WEEKDAYS.indexOf(d)));
  const isRest = (n: number) => restWeekdays.has(weekdayOfEpochDay(n));

  let current = 0;
  const from = byDay.size ? earliest : todayN;
  for (let n = counts(todayN) ? todayN : todayN - 1; n >= from; n--) {
    if (counts(n)) current++;
    else if (!isRest(n)) break;
  }

  let best = 0;
  let run = 0;
  if (byDay.size) {
    for (let n = earliest; n <= todayN; n++) {
      if (counts(n)) best = Math.max(best, ++run);
      else if (!isRest(n)) run = 0;
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
  const blocks: { start: number; end: number }[] = [];
  for (let i = 0; i < 7; i++) {
    const block = blockOn(startOfLocalDay(monday, i), settings);
    if (block && block.start <= now) blocks.push({ start: block.start.getTime(), end: block.end.getTime() });
  }
  if (blocks.length === 0) return { scheduled: 0, kept: 0 };
  // Only sessions that overlap the blocks' span can be inside one: each is read once, not once a block.
  const spanStart = Math.min(...blocks.map((b) => b.start));
  const spanEnd = Math.max(...blocks.map((b) => b.end));
  const near: { start: number; end: number }[] = [];
  for (const s of sessions) {
    const { startMs, endMs } = sessionTimes(s);
    if (startMs < spanEnd && endMs > spanStart) near.push({ start: startMs, end: endMs });
  }
  let kept = 0;
  for (const block of blocks) {
    const needed = Math.min(dailyMinimumMinutes, (block.end - block.start) / 60_000) * 60_000;
    let inside = 0;
    for (const s of near) {
      const overlap = Math.min(s.end, block.end) - Math.max(s.start, block.start);
      if (overlap > 0) inside += overlap;
    }
    if (inside >= needed) kept++;
  }
  return { scheduled: blocks.length, kept };
}
