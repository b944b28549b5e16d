import { strict as assert } from 'node:assert';
import { minutesByLocalDay, morningBlocksThisWeek, streaks } from '../../src/core/timer/days';
import { blockOn, WEEKDAYS, type BlockSettings, type Weekday } from '../../src/core/timer/blockSchedule';
import { addDays, dayOfWeek, startOfLocalDay, startOfLocalWeek } from '../../src/core/time/localDays';
import type { IsoDate } from '../../src/core/model/primitives';
import type { StudySession } from '../../src/core/model/logs';
import { sampleSession } from './support/samples';

/**
 * The day figures were rewritten for speed (day numbers instead of date strings, each session's
 * times parsed once). These are the plain readings of the rules they replaced, day by day and
 * block by block; the fast versions must agree with them on every seeded case.
 */
function referenceMinutesByLocalDay(sessions: readonly StudySession[]): Map<IsoDate, number> {
  const ms = new Map<IsoDate, number>();
  for (const s of sessions) {
    const m = /([+-])(\d\d):(\d\d)$/.exec(s.start);
    const offsetMs = (m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0) * 60_000;
    let from = Date.parse(s.start) + offsetMs;
    const to = Date.parse(s.end) + offsetMs;
    while (from < to) {
      const day = new Date(from);
      const next = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
      const end = Math.min(to, next);
      const key = day.toISOString().slice(0, 10);
      ms.set(key, (ms.get(key) ?? 0) + (end - from));
      from = end;
    }
  }
  return new Map([...ms].map(([d, v]) => [d, v / 60_000]));
}

function referenceStreaks(byDay: ReadonlyMap<IsoDate, number>, today: IsoDate, min: number, restDays: readonly Weekday[]) {
  const counts = (day: IsoDate) => (byDay.get(day) ?? 0) >= min;
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

function referenceBlocks(sessions: readonly StudySession[], settings: BlockSettings, now: Date, min: number) {
  const monday = startOfLocalWeek(now);
  let scheduled = 0;
  let kept = 0;
  for (let i = 0; i < 7; i++) {
    const block = blockOn(startOfLocalDay(monday, i), settings);
    if (!block || block.start > now) continue;
    scheduled++;
    const needed = Math.min(min, (block.end.getTime() - block.start.getTime()) / 60_000) * 60_000;
    let inside = 0;
    for (const s of sessions) {
      const overlap = Math.min(Date.parse(s.end), block.end.getTime()) - Math.max(Date.parse(s.start), block.start.getTime());
      if (overlap > 0) inside += overlap;
    }
    if (inside >= needed) kept++;
  }
  return { scheduled, kept };
}

/** A small seeded generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
/** An instant written with a whole-hour offset, as the store writes them. */
function instant(ms: number, offsetHours: number): string {
  const wall = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 23);
  return `${wall}${offsetHours < 0 ? '-' : '+'}${pad(offsetHours)}:00`;
}

function sessionsFor(seed: number, now: Date): StudySession[] {
  const rnd = random(seed);
  return Array.from({ length: 120 }, () => {
    // Within the last 60 days, some over midnight, some in the future, offsets from Denver to Tokyo.
    const start = now.getTime() - Math.floor(rnd() * 60 * 86_400_000) + (rnd() < 0.05 ? 3 * 86_400_000 : 0);
    const minutes = rnd() < 0.1 ? 200 + Math.floor(rnd() * 1_500) : 5 + Math.floor(rnd() * 90);
    const offset = [-7, -6, 0, 1, 5, 9][Math.floor(rnd() * 6)];
    return sampleSession({ start: instant(start, offset), end: instant(start + minutes * 60_000, offset) });
  });
}

describe('day figures agree with the plain reading of their rules', () => {
  const now = new Date('2026-11-26T09:30:00.000Z');
  const block: BlockSettings = { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] };

  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: minutes per local day, streaks and the week's morning blocks`, () => {
      const sessions = sessionsFor(seed, now);
      const byDay = minutesByLocalDay(sessions);
      const reference = referenceMinutesByLocalDay(sessions);
      assert.deepEqual([...byDay].sort(), [...reference].sort());
      const rnd = random(seed * 7);
      const rest = WEEKDAYS.filter(() => rnd() < 0.2);
      for (const min of [0, 1, 20, 45]) {
        for (const today of ['2026-11-26', '2026-11-30', '2026-09-01', '2027-01-10']) {
          assert.deepEqual(streaks(byDay, today, min, rest), referenceStreaks(byDay, today, min, rest), `min ${min}, today ${today}, rest ${rest.join(',')}`);
        }
        assert.deepEqual(morningBlocksThisWeek(sessions, block, now, min), referenceBlocks(sessions, block, now, min));
      }
    });
  }

  it('streaks of an empty log are zero, whatever the minimum', () => {
    for (const min of [0, 20]) assert.deepEqual(streaks(new Map(), '2026-11-26', min, []), referenceStreaks(new Map(), '2026-11-26', min, []));
  });
});
