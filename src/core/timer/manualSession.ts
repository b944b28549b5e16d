import type { StudySession } from '../model/logs';
import { toOffsetInstant } from '../time/clock';
import type { Localize } from '../util/localize';

/**
 * Log Study Time's rules for a session entered after the fact, in the engineer's local time.
 * Every refusal says what is wrong, so the input box (or the command) can show it and save nothing.
 */

export const MAX_SESSION_MS = 24 * 60 * 60_000;

export class SessionInputError extends Error {
  constructor(
    message: string,
    readonly field: 'start' | 'end' | 'minutes',
  ) {
    super(message);
    this.name = 'SessionInputError';
  }
}

/**
 * `2026-10-05T10:00` (or with seconds) on the local wall clock → the instant. A time that does
 * not exist on that day (skipped when clocks went forward) is refused; a time that happens
 * twice (when clocks go back) is the first of the two, as JavaScript reads it.
 */
export function parseLocalDateTime(text: string, field: 'start' | 'end', t: Localize): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) throw new SessionInputError(t('{0}: expected a local date and time such as 2026-10-05T08:00, got {1}', field, text), field);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(y, mo - 1, d, h, mi, s);
  const sameWallClock =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && date.getHours() === h && date.getMinutes() === mi;
  if (!sameWallClock) {
    const realDay = new Date(y, mo - 1, d).getDate() === d && mo >= 1 && mo <= 12 && h < 24 && mi < 60;
    throw new SessionInputError(
      realDay
        ? t('{0}: {1} does not exist in your time zone (the clocks skipped it)', field, text)
        : t('{0}: {1} is not a real date and time', field, text),
      field,
    );
  }
  return date;
}

export interface ManualSessionInput {
  start: Date;
  /** Either the end, or the duration in minutes. */
  end?: Date;
  minutes?: number;
}

/** The session's end, with the rules: not before the start, at most 24 h, not in the future, no overlap. */
export function checkManualSession(
  input: ManualSessionInput,
  now: Date,
  existing: readonly StudySession[],
  t: Localize,
  ignoreId?: string,
): { start: Date; end: Date } {
  let end: Date;
  if (input.end) {
    end = input.end;
    if (end <= input.start) throw new SessionInputError(t('end: {0} is not after the start; a session never runs into the next day by itself', toLocalText(end)), 'end');
  } else {
    const minutes = input.minutes ?? 0;
    if (!(minutes > 0) || !Number.isFinite(minutes)) throw new SessionInputError(t('minutes: expected a number of minutes above 0, got {0}', String(input.minutes)), 'minutes');
    end = new Date(input.start.getTime() + minutes * 60_000);
  }
  if (end.getTime() - input.start.getTime() > MAX_SESSION_MS) throw new SessionInputError(t('end: a session can be at most 24 hours long'), 'end');
  if (end > now) throw new SessionInputError(t('end: {0} is in the future; log time you have studied', toLocalText(end)), 'end');
  const clash = existing.find((s) => s.id !== ignoreId && Date.parse(s.start) < end.getTime() && input.start.getTime() < Date.parse(s.end));
  if (clash) {
    throw new SessionInputError(t('start: overlaps the session from {0} to {1}; study time is never counted twice', localText(clash.start), localText(clash.end)), 'start');
  }
  return { start: input.start, end };
}

/** `2026-10-05 08:03` from a stored instant, on the wall clock it was written in. */
export function localText(instant: string): string {
  return instant.slice(0, 16).replace('T', ' ');
}

function toLocalText(date: Date): string {
  return localText(toOffsetInstant(date));
}
