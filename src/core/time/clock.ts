import { format } from 'date-fns';
import type { OffsetInstant } from '../model/primitives';

/**
 * Instants. Nothing here reads the clock: `now` is always passed in, so tests can stand in
 * Denver on the night clocks change and the code cannot tell the difference. Calendar days are
 * localDays.ts's.
 */

/** The instant with the machine's current UTC offset and milliseconds, e.g. 2026-11-26T08:15:00.000-07:00. */
export function toOffsetInstant(date: Date): OffsetInstant {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** Exact milliseconds between two stored instants (offsets make this independent of DST). */
export function millisBetween(start: OffsetInstant, end: OffsetInstant): number {
  return Date.parse(end) - Date.parse(start);
}

/** The exact instant of an ISO 8601 timestamp with offset, in ms; any number of fraction digits. */
export function instantMs(instant: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|([+-])(\d\d):(\d\d))$/.exec(instant);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac = '', zone, sign, oh, om] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offset * 60_000;
}
