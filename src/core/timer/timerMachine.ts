import type { ActivityKind, StudySession } from '../model/logs';
import { toOffsetInstant } from '../time/clock';
import { TIMER_RECORD_VERSION, type Stretch, type TimerRecord } from '../model/timerRecord';

/**
 * The timer as pure transitions over its record: every function takes `now` and returns a new
 * record, so the rules are tested with an injected clock and time zone.
 */

/** The owner beats every 30 s while a timer exists; a beat older than this means its window is gone. */
export const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

export interface TimerStart {
  certKey: string;
  domainId: string | null;
  activity: ActivityKind;
  note?: string;
  block?: { end: Date; autoStop: boolean } | null;
}

const at = (date: Date) => toOffsetInstant(date);
const ms = (instant: string) => Date.parse(instant);

export function startTimer(start: TimerStart, now: Date, owner: string, newId: () => string): TimerRecord {
  return {
    v: TIMER_RECORD_VERSION,
    certKey: start.certKey,
    domainId: start.domainId,
    activity: start.activity,
    note: start.note ?? '',
    startedAt: at(now),
    stretches: [],
    running: { id: newId(), start: at(now) },
    owner,
    heartbeatAt: at(now),
    lastActiveAt: at(now),
    block: start.block ? { end: at(start.block.end), autoStop: start.block.autoStop } : null,
  };
}

export const isPaused = (timer: TimerRecord) => timer.running === null;

/** Closes the running stretch at `end` (never before its start: a clock set back cannot make it negative). */
function closeRunning(timer: TimerRecord, end: Date): Stretch[] {
  if (!timer.running) return timer.stretches;
  const endMs = Math.max(end.getTime(), ms(timer.running.start));
  if (endMs === ms(timer.running.start)) return timer.stretches;
  return [...timer.stretches, { id: timer.running.id, start: timer.running.start, end: at(new Date(endMs)) }];
}

export function pauseTimer(timer: TimerRecord, now: Date): TimerRecord {
  if (!timer.running) return timer;
  return { ...timer, stretches: closeRunning(timer, now), running: null };
}

export function resumeTimer(timer: TimerRecord, now: Date, newId: () => string): TimerRecord {
  if (timer.running) return timer;
  return { ...timer, running: { id: newId(), start: at(now) }, lastActiveAt: at(now) };
}

/** Study time so far: the finished stretches plus the running one, from instants. */
export function elapsedMs(timer: TimerRecord, now: Date): number {
  let total = 0;
  for (const s of timer.stretches) total += ms(s.end) - ms(s.start);
  if (timer.running) total += Math.max(0, now.getTime() - ms(timer.running.start));
  return total;
}

/**
 * The sessions a stop at `end` saves: one per running stretch (a paused stretch is not study
 * time), each with the exact instants it ran, ids fixed when the stretch began (so saving the
 * same timer twice after a crash cannot count it twice).
 */
export function sessionsAt(timer: TimerRecord, end: Date): StudySession[] {
  return closeRunning(timer, end).map((s) => ({
    id: s.id,
    certKey: timer.certKey,
    start: s.start,
    end: s.end,
    domainId: timer.domainId,
    activity: timer.activity,
    source: 'timer' as const,
    note: timer.note,
  }));
}

/** When a timer started from a morning block should stop by itself: the block's end, if that has come. */
export function autoStopAt(timer: TimerRecord, now: Date): Date | null {
  if (!timer.block?.autoStop) return null;
  const end = new Date(ms(timer.block.end));
  return end <= now ? end : null;
}

export function withHeartbeat(timer: TimerRecord, now: Date, owner: string, windowActive: boolean): TimerRecord {
  return { ...timer, owner, heartbeatAt: at(now), lastActiveAt: windowActive ? at(now) : timer.lastActiveAt };
}

export function markActive(timer: TimerRecord, now: Date): TimerRecord {
  return ms(timer.lastActiveAt) >= now.getTime() ? timer : { ...timer, lastActiveAt: at(now) };
}

/** True when the owning window stopped beating: it was closed, crashed or killed. */
export function isStale(timer: TimerRecord, now: Date): boolean {
  return now.getTime() - ms(timer.heartbeatAt) > STALE_AFTER_MS;
}

/** How long no window has been active while the timer ran; 0 when paused. */
export function awayMs(timer: TimerRecord, now: Date): number {
  if (!timer.running) return 0;
  return Math.max(0, now.getTime() - Math.max(ms(timer.lastActiveAt), ms(timer.running.start)));
}

/**
 * Drops the away time: the running stretch ends where the engineer was last seen, and a new one
 * starts now, so the time in between is not counted and nothing else is lost.
 */
export function dropAwayTime(timer: TimerRecord, now: Date, newId: () => string, awaySince?: Date): TimerRecord {
  if (!timer.running) return timer;
  // `awaySince` is when the engineer was last seen as the question was asked: windows mark
  // themselves active while it is on screen, so the record's own `lastActiveAt` moves on.
  const lastSeen = new Date(Math.max(awaySince?.getTime() ?? ms(timer.lastActiveAt), ms(timer.running.start)));
  return { ...timer, stretches: closeRunning(timer, lastSeen), running: { id: newId(), start: at(now) }, lastActiveAt: at(now) };
}

/**
 * The wall clock was set back (by hand, or a large NTP step) while the timer ran: shifts the
 * running stretch back by the same amount, so the time already studied is kept, not lost. A
 * clock set forward is indistinguishable from sleep and is left to the away question.
 * `wallMs` and `monotonicMs` are how far each clock moved since the last check.
 */
export function adjustForClockSetBack(timer: TimerRecord, wallMs: number, monotonicMs: number): TimerRecord {
  const setBackBy = monotonicMs - wallMs;
  if (!timer.running || setBackBy < 60_000) return timer;
  return { ...timer, running: { ...timer.running, start: at(new Date(ms(timer.running.start) - setBackBy)) } };
}

/** `1:02:03` or `23:41`: the status bar's running time. */
export function formatElapsed(elapsed: number): string {
  const total = Math.floor(elapsed / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
