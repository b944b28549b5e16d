import assert from 'node:assert/strict';
import type { StudySession } from '../../src/core/model/logs';
import { blockAt, blockOn, nextBlockAfter, type BlockSettings } from '../../src/core/timer/blockSchedule';
import { minutesByLocalDay, morningBlocksThisWeek, streaks } from '../../src/core/timer/days';
import { checkManualSession, parseLocalDateTime, SessionInputError } from '../../src/core/timer/manualSession';
import {
  adjustForClockSetBack,
  autoStopAt,
  awayMs,
  dropAwayTime,
  elapsedMs,
  formatElapsed,
  isStale,
  pauseTimer,
  resumeTimer,
  sessionsAt,
  startTimer,
  withHeartbeat,
} from '../../src/core/timer/timerMachine';
import { TimerRecordSchema } from '../../src/core/model/timerRecord';
import { formatPlaceholders } from '../../src/core/util/localize';

// All in America/Denver (test/unit/support/timezone.ts): UTC-7, UTC-6 from 2026-03-08 to 2026-11-01.
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s);
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const WEEKDAYS_8_TO_9: BlockSettings = { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] };

function session(start: string, end: string, certKey = 'aws-mla-c01'): StudySession {
  return { id: newId(), certKey, start, end, domainId: null, activity: 'reading', source: 'manual', note: '' };
}

describe('timer state machine (Denver clock)', () => {
  it('counts only running stretches: start, pause, resume, stop saves one session per stretch with exact instants', () => {
    let timer = startTimer({ certKey: 'aws-mla-c01', domainId: 'ml-model-development', activity: 'lab' }, local(2026, 10, 5, 8, 0), 'window-a', newId);
    timer = pauseTimer(timer, local(2026, 10, 5, 8, 20));
    assert.equal(elapsedMs(timer, local(2026, 10, 5, 8, 50)), 20 * 60_000, 'a paused timer does not count');
    timer = resumeTimer(timer, local(2026, 10, 5, 8, 30), newId);
    assert.equal(elapsedMs(timer, local(2026, 10, 5, 8, 45)), 35 * 60_000);
    const sessions = sessionsAt(timer, local(2026, 10, 5, 8, 45, 7));
    assert.deepEqual(
      sessions.map((s) => [s.start, s.end]),
      [
        ['2026-10-05T08:00:00.000-06:00', '2026-10-05T08:20:00.000-06:00'],
        ['2026-10-05T08:30:00.000-06:00', '2026-10-05T08:45:07.000-06:00'],
      ],
    );
    assert.ok(sessions.every((s) => s.source === 'timer' && s.domainId === 'ml-model-development' && s.activity === 'lab'));
    assert.equal(new Set(sessions.map((s) => s.id)).size, 2);
    assert.ok(TimerRecordSchema.safeParse(timer).success, 'the record is what the file schema accepts');
  });

  it('keeps a few seconds, and saves the same ids however often the stop is retried', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 10, 5, 8, 0, 0), 'w', newId);
    const once = sessionsAt(timer, local(2026, 10, 5, 8, 0, 4));
    assert.equal(once.length, 1);
    assert.equal(Date.parse(once[0].end) - Date.parse(once[0].start), 4000);
    assert.deepEqual(sessionsAt(timer, local(2026, 10, 5, 8, 0, 4)).map((s) => s.id), once.map((s) => s.id));
  });

  it('measures across the spring-forward night by instants: 01:30 to 03:30 local is one hour', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 3, 8, 1, 30), 'w', newId);
    assert.equal(elapsedMs(timer, local(2026, 3, 8, 3, 30)), 60 * 60_000);
    const [s] = sessionsAt(timer, local(2026, 3, 8, 3, 30));
    assert.equal(s.start, '2026-03-08T01:30:00.000-07:00');
    assert.equal(s.end, '2026-03-08T03:30:00.000-06:00');
  });

  it('never counts negative time when the clock is set back, and restores the lost part when told how far it moved', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 10, 5, 9, 0), 'w', newId);
    assert.equal(elapsedMs(timer, local(2026, 10, 5, 8, 0)), 0);
    assert.deepEqual(sessionsAt(timer, local(2026, 10, 5, 8, 0)), [], 'nothing is invented either');
    // 40 minutes studied by the monotonic clock, but the wall clock moved 20 minutes back.
    const adjusted = adjustForClockSetBack(timer, -20 * 60_000, 40 * 60_000);
    assert.equal(elapsedMs(adjusted, local(2026, 10, 5, 8, 40)), 40 * 60_000);
    assert.equal(adjustForClockSetBack(timer, 40 * 60_000, 40 * 60_000), timer, 'an honest clock changes nothing');
  });

  it('knows a window is gone when its heartbeat is older than three beats', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 10, 5, 8, 0), 'w', newId);
    assert.equal(isStale(timer, local(2026, 10, 5, 8, 1, 30)), false);
    assert.equal(isStale(timer, local(2026, 10, 5, 8, 1, 31)), true);
    assert.equal(isStale(withHeartbeat(timer, local(2026, 10, 5, 8, 1), 'w', true), local(2026, 10, 5, 8, 2)), false);
  });

  it('drops only the away time when asked, and keeps what came before it', () => {
    let timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 10, 5, 8, 0), 'w', newId);
    timer = withHeartbeat(timer, local(2026, 10, 5, 8, 10), 'w', true);
    assert.equal(awayMs(timer, local(2026, 10, 5, 8, 55)), 45 * 60_000);
    const dropped = dropAwayTime(timer, local(2026, 10, 5, 8, 55), newId);
    assert.equal(elapsedMs(dropped, local(2026, 10, 5, 9, 0)), 15 * 60_000);
  });

  it('drops the away time from when the question was asked, even if the record moved on since', () => {
    let timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, local(2026, 10, 5, 8, 0), 'w', newId);
    timer = withHeartbeat(timer, local(2026, 10, 5, 8, 10), 'w', true);
    const askedAbout = local(2026, 10, 5, 8, 10);
    // A window marked itself active at 08:56, while the question was on screen.
    const moved = withHeartbeat(timer, local(2026, 10, 5, 8, 56), 'w', true);
    const dropped = dropAwayTime(moved, local(2026, 10, 5, 8, 57), newId, askedAbout);
    assert.equal(elapsedMs(dropped, local(2026, 10, 5, 8, 57)), 10 * 60_000);
  });

  it('stops a block timer at the block end, not when the editor noticed', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading', block: { end: local(2026, 10, 5, 9, 0), autoStop: true } }, local(2026, 10, 5, 8, 1), 'w', newId);
    assert.equal(autoStopAt(timer, local(2026, 10, 5, 8, 59)), null);
    const end = autoStopAt(timer, local(2026, 10, 5, 11, 30));
    assert.deepEqual(end, local(2026, 10, 5, 9, 0));
    assert.equal(sessionsAt(timer, end!)[0].end, '2026-10-05T09:00:00.000-06:00');
  });

  it('formats the running time for the status bar', () => {
    assert.equal(formatElapsed(23 * 60_000 + 41_000), '23:41');
    assert.equal(formatElapsed(3_723_000), '1:02:03');
  });
});

describe('morning block schedule (Denver clock)', () => {
  it('starts at 08:00 local on both sides of the daylight-saving changes', () => {
    // 2026-03-06 is a Friday before spring forward, 2026-03-09 the Monday after.
    assert.equal(blockOn(local(2026, 3, 6), WEEKDAYS_8_TO_9)!.start.toISOString(), '2026-03-06T15:00:00.000Z');
    assert.equal(blockOn(local(2026, 3, 9), WEEKDAYS_8_TO_9)!.start.toISOString(), '2026-03-09T14:00:00.000Z');
    assert.equal(blockOn(local(2026, 11, 2), WEEKDAYS_8_TO_9)!.start.toISOString(), '2026-11-02T15:00:00.000Z');
    assert.equal(blockOn(local(2026, 3, 8), WEEKDAYS_8_TO_9), null, 'Sunday is not a block day');
  });

  it('finds the next block after the weekend, and the block running now', () => {
    const saturday = local(2026, 10, 31, 12, 0);
    assert.deepEqual(nextBlockAfter(saturday, WEEKDAYS_8_TO_9)!.start, local(2026, 11, 2, 8, 0));
    assert.deepEqual(blockAt(local(2026, 11, 2, 8, 30), WEEKDAYS_8_TO_9)!.end, local(2026, 11, 2, 9, 0));
    assert.equal(blockAt(local(2026, 11, 2, 9, 0), WEEKDAYS_8_TO_9), null);
    assert.equal(nextBlockAfter(saturday, { ...WEEKDAYS_8_TO_9, enabled: false }), null);
  });

  it('counts the blocks kept this ISO week, Monday first', () => {
    const sessions = [
      session('2026-11-02T08:00:00.000-07:00', '2026-11-02T08:45:00.000-07:00'), // Mon: kept
      session('2026-11-03T08:50:00.000-07:00', '2026-11-03T09:30:00.000-07:00'), // Tue: 10 min inside, not kept
      session('2026-11-04T07:30:00.000-07:00', '2026-11-04T08:25:00.000-07:00'), // Wed: 25 min inside, kept
    ];
    assert.deepEqual(morningBlocksThisWeek(sessions, WEEKDAYS_8_TO_9, local(2026, 11, 5, 8, 30), 20), { scheduled: 4, kept: 2 });
  });
});

describe('local days and streaks (Denver clock)', () => {
  it('splits a session over midnight between the two days it touched', () => {
    const byDay = minutesByLocalDay([session('2026-10-05T23:30:00.000-06:00', '2026-10-06T00:45:00.000-06:00')]);
    assert.deepEqual([...byDay], [['2026-10-05', 30], ['2026-10-06', 45]]);
  });

  it('counts a session over a leap day on 29 February', () => {
    const byDay = minutesByLocalDay([session('2028-02-28T23:00:00.000-07:00', '2028-03-01T01:00:00.000-07:00')]);
    assert.deepEqual([...byDay], [['2028-02-28', 60], ['2028-02-29', 1440], ['2028-03-01', 60]]);
  });

  it('splits a session over midnight on a night the clocks change by the start’s offset: every minute studied counts once', () => {
    // Denver springs forward at 02:00: 23:00 MST to 03:30 MDT is 3.5 hours, 2.5 of them after midnight.
    const spring = minutesByLocalDay([session('2026-03-07T23:00:00.000-07:00', '2026-03-08T03:30:00.000-06:00')]);
    assert.deepEqual([...spring], [['2026-03-07', 60], ['2026-03-08', 150]]);
    // Denver falls back at 02:00: 23:30 MDT to the second 01:30 (MST) is 3 hours.
    const fall = minutesByLocalDay([session('2026-10-31T23:30:00.000-06:00', '2026-11-01T01:30:00.000-07:00')]);
    assert.deepEqual([...fall], [['2026-10-31', 30], ['2026-11-01', 150]]);
    // Santiago's clocks go from midnight to 01:00 (2026-09-06): 23:30 to 01:30 on the clock is one hour.
    const atMidnight = minutesByLocalDay([session('2026-09-05T23:30:00.000-04:00', '2026-09-06T01:30:00.000-03:00')]);
    assert.deepEqual([...atMidnight], [['2026-09-05', 30], ['2026-09-06', 30]]);
  });

  it('keeps a session on the day it was studied, in the offset it was stored with', () => {
    // Studied at 23:30 in Kolkata; the engineer now sits in Denver: still the 5th.
    const byDay = minutesByLocalDay([session('2026-10-05T23:00:00.000+05:30', '2026-10-05T23:40:00.000+05:30')]);
    assert.deepEqual([...byDay], [['2026-10-05', 40]]);
  });

  it('counts a day only at the daily minimum; rest days do not break the streak', () => {
    const byDay = new Map([
      ['2026-11-02', 25], // Mon
      ['2026-11-03', 30],
      ['2026-11-04', 10], // below the minimum: breaks
      ['2026-11-05', 20],
      ['2026-11-06', 60], // Fri
      // Sat and Sun rest days, nothing studied
      ['2026-11-09', 40], // Mon
    ]);
    assert.deepEqual(streaks(byDay, '2026-11-09', 20, ['sat', 'sun']), { current: 3, best: 3 });
    assert.deepEqual(streaks(byDay, '2026-11-09', 20, []), { current: 1, best: 2 });
    // Today not yet studied: the streak still runs to yesterday.
    assert.deepEqual(streaks(byDay, '2026-11-10', 20, ['sat', 'sun']).current, 3);
  });
});

describe('Log Study Time input', () => {
  const t = formatPlaceholders;
  const now = local(2026, 10, 5, 12, 0);

  it('reads local wall-clock times and refuses one the clocks skipped', () => {
    assert.deepEqual(parseLocalDateTime('2026-10-05T10:00', 'start', t), local(2026, 10, 5, 10, 0));
    assert.throws(() => parseLocalDateTime('2026-03-08T02:30', 'start', t), /does not exist in your time zone/);
    assert.throws(() => parseLocalDateTime('2026-02-30T10:00', 'start', t), /not a real date/);
    assert.throws(() => parseLocalDateTime('10:00', 'start', t), /expected a local date and time/);
  });

  it('refuses an end before the start instead of reading it as the next day', () => {
    assert.throws(() => checkManualSession({ start: local(2026, 10, 5, 10, 0), end: local(2026, 10, 5, 9, 0) }, now, [], t), (err: unknown) => err instanceof SessionInputError && err.field === 'end' && /not after the start/.test(err.message));
  });

  it('refuses more than 24 hours, the future and an overlap, and takes minutes instead of an end', () => {
    assert.throws(() => checkManualSession({ start: local(2026, 10, 3, 10, 0), end: local(2026, 10, 4, 10, 1) }, now, [], t), /at most 24 hours/);
    assert.throws(() => checkManualSession({ start: local(2026, 10, 5, 11, 30), minutes: 60 }, now, [], t), /in the future/);
    const existing = [session('2026-10-05T09:30:00.000-06:00', '2026-10-05T10:30:00.000-06:00')];
    assert.throws(() => checkManualSession({ start: local(2026, 10, 5, 10, 0), minutes: 60 }, now, existing, t), /overlaps the session from 2026-10-05 09:30 to 2026-10-05 10:30/);
    assert.deepEqual(checkManualSession({ start: local(2026, 10, 5, 10, 30), minutes: 60 }, now, existing, t), { start: local(2026, 10, 5, 10, 30), end: local(2026, 10, 5, 11, 30) });
    assert.doesNotThrow(() => checkManualSession({ start: local(2026, 10, 5, 10, 0), minutes: 60 }, now, existing, t, existing[0].id), 'an edit does not overlap itself');
  });
});

describe('the fall-back night (Denver, 2026-11-01)', () => {
  it('counts the repeated hour: 00:30 to 02:30 local is three hours of study', () => {
    const timer = startTimer({ certKey: 'aws-mla-c01', domainId: null, activity: 'reading' }, new Date(2026, 10, 1, 0, 30), 'w', () => '00000000-0000-4000-8000-00000000ffff');
    const end = new Date(Date.parse('2026-11-01T02:30:00-07:00'));
    assert.equal(elapsedMs(timer, end), 3 * 60 * 60_000);
    const [s] = sessionsAt(timer, end);
    assert.equal(s.start, '2026-11-01T00:30:00.000-06:00');
    assert.equal(s.end, '2026-11-01T02:30:00.000-07:00');
    assert.deepEqual([...minutesByLocalDay([s])], [['2026-11-01', 180]]);
  });
});
