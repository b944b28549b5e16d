/**
 * The daily morning study block on the local wall clock. Dependency-free on purpose but for
 * core/model/weekdays.ts and core/time/localDays.ts, which import nothing themselves: the startup
 * shell imports it to arm one timeout for the next block without loading the rest of the
 * extension. Local times come from `new Date(y, m, d, h, min)`, which reads the machine's time
 * zone on that very day, so 08:00 stays 08:00 across daylight-saving changes.
 */

import { WEEKDAYS, type Weekday } from '../model/weekdays';
import { startOfLocalDay } from '../time/localDays';

export { WEEKDAYS, type Weekday };

export interface BlockSettings {
  enabled: boolean;
  /** Local wall-clock start, `HH:mm`. */
  start: string;
  durationMinutes: number;
  days: readonly Weekday[];
}

export interface StudyBlock {
  start: Date;
  end: Date;
}

/** Parses `HH:mm` (00:00-23:59); null when malformed. */
export function parseClockTime(text: string): { hours: number; minutes: number } | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? { hours: Number(m[1]), minutes: Number(m[2]) } : null;
}

/** The block on the local calendar day of `day`, or null when there is none that day. */
export function blockOn(day: Date, settings: BlockSettings): StudyBlock | null {
  const time = parseClockTime(settings.start);
  if (!settings.enabled || !time || settings.durationMinutes <= 0) return null;
  if (!settings.days.includes(WEEKDAYS[day.getDay()])) return null;
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), time.hours, time.minutes);
  // The end is a wall-clock time too: a block from 01:30 for 60 minutes on the night clocks go
  // back ends at 02:30 local, as the engineer's calendar says.
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate(), time.hours, time.minutes + settings.durationMinutes);
  return { start, end };
}

/** The block running at `now`, if any. */
export function blockAt(now: Date, settings: BlockSettings): StudyBlock | null {
  for (const offset of [0, -1]) {
    const block = blockOn(startOfLocalDay(now, offset), settings);
    if (block && block.start <= now && now < block.end) return block;
  }
  return null;
}

/** The next block starting strictly after `now` (within the coming eight days), or null. */
export function nextBlockAfter(now: Date, settings: BlockSettings): StudyBlock | null {
  for (let offset = 0; offset <= 8; offset++) {
    const block = blockOn(startOfLocalDay(now, offset), settings);
    if (block && block.start > now) return block;
  }
  return null;
}
