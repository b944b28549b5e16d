import type { IsoDate } from '../model/primitives';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings, done on UTC midnights so no time zone or
 * daylight-saving change can shift a day.
 */
function toUtc(day: IsoDate): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(day) + days * 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** 1 for Monday … 7 for Sunday, as ISO 8601 numbers them. */
export function isoWeekday(day: IsoDate): number {
  return ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday that starts the ISO week `day` is in. */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
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
