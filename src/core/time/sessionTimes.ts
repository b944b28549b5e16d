/**
 * A study session's start and end as exact instants in ms, parsed once per session. The rows, the
 * status record and Settings Sync's summary each walk every session after a change; at ten years
 * (3,000 sessions) parsing the same 6,000 timestamps again each time cost 1-2 ms a walk.
 * Stored sessions are never changed in place (an edit stores a new record), so a session
 * object's times never go stale; the cache holds them weakly, for as long as the session lives.
 */
export interface SessionTimes {
  readonly startMs: number;
  readonly endMs: number;
}

interface Timed {
  readonly start: string;
  readonly end: string;
}

const parsed = new WeakMap<Timed, SessionTimes>();

export function sessionTimes(session: Timed): SessionTimes {
  let times = parsed.get(session);
  if (!times) {
    times = { startMs: Date.parse(session.start), endMs: Date.parse(session.end) };
    parsed.set(session, times);
  }
  return times;
}

/** Exact milliseconds studied in a session (its offsets make this independent of DST). */
export function sessionMs(session: Timed): number {
  const { startMs, endMs } = sessionTimes(session);
  return endMs - startMs;
}
