import { TZDate } from '@date-fns/tz';
import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalEventTransparency, ICalWeekday } from 'ical-generator';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { Weekday } from '../timer/blockSchedule';
import type { CalendarEvent } from './events';

/**
 * Writes the calendar export's events as an iCalendar (RFC 5545) file, with ical-generator and
 * the VTIMEZONE data of timezones-ical-library. This file is the entry of its own bundle
 * (dist/calendar.js, about 70 KB), loaded the first time Export Calendar runs, so app.js never
 * pays for the libraries.
 *
 * Times of the weekly study block are wall-clock times in the engineer's zone, written with a
 * TZID and that zone's VTIMEZONE, so calendars keep 08:00 at 08:00 on both sides of a
 * daylight-saving change. They are given to ical-generator as TZDate values of that zone, which
 * it formats in the zone whatever zone this process runs in. All-day events are dates (VALUE=DATE).
 */

const BYDAY: Record<Weekday, ICalWeekday> = {
  mon: ICalWeekday.MO,
  tue: ICalWeekday.TU,
  wed: ICalWeekday.WE,
  thu: ICalWeekday.TH,
  fri: ICalWeekday.FR,
  sat: ICalWeekday.SA,
  sun: ICalWeekday.SU,
};

/** The zone's VTIMEZONE block, or null when the library does not know the zone. */
let knownZones: ReadonlySet<string> | undefined;

export function vtimezone(timeZone: string): string | null {
  // Asked first: the library prints to the console for a zone it does not know.
  knownZones ??= new Set(tzlib_get_timezones() as string[]);
  if (!knownZones.has(timeZone)) return null;
  try {
    const block = tzlib_get_ical_block(timeZone);
    return Array.isArray(block) && typeof block[0] === 'string' && block[0].startsWith('BEGIN:VTIMEZONE') ? block[0] : null;
  } catch {
    return null;
  }
}

/** `2027-03-01` at UTC midnight: ical-generator writes an all-day date from the UTC fields when no zone is set. */
function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export interface IcsOptions {
  /** When the file is written: each event's DTSTAMP. */
  now: Date;
  /** The extension's version, for PRODID. */
  version: string;
  calendarName: string;
  /**
   * Each event's SEQUENCE by UID (see sequence.ts: it rises when the event changed since the
   * last export); 0 for an event not named.
   */
  sequences?: Readonly<Record<string, number>>;
}

export function writeIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  const calendar = ical({
    prodId: { company: 'cert-study', product: 'cert-study-tracker', language: 'EN' },
    name: options.calendarName,
  });
  // A generator without a calendar-wide zone: each zone an event uses gets its VTIMEZONE, and
  // DTSTAMP stays in UTC as RFC 5545 requires (a calendar-wide zone would write it as local time).
  calendar.timezone({ name: '', generator: (zone) => vtimezone(zone) });
  // Revisions of the same event are told apart by SEQUENCE, which calendars that compare it
  // (Outlook) need higher to take the newer file as an update: worked out per event by the caller.
  const sequenceOf = (uid: string) => options.sequences?.[uid] ?? 0;
  for (const e of events) {
    const sequence = sequenceOf(e.uid);
    if (e.kind === 'allDay') {
      const event = calendar.createEvent({
        id: e.uid,
        sequence,
        stamp: options.now,
        allDay: true,
        start: utcDate(e.start),
        end: utcDate(e.endExclusive),
        summary: e.summary,
        description: e.description,
        categories: [{ name: e.category }],
        // A day marker, not a meeting: it does not make the day busy.
        transparency: ICalEventTransparency.TRANSPARENT,
      });
      if (e.alarmDaysBefore !== null) {
        event.createAlarm({ type: ICalAlarmType.display, trigger: e.alarmDaysBefore * 24 * 60 * 60, description: e.summary });
      }
      continue;
    }
    const [y, m, d] = e.firstDay.split('-').map(Number);
    const [hh, mm] = e.start.split(':').map(Number);
    const known = vtimezone(e.timeZone) !== null;
    // A zone the library does not know (rare: a custom TZ string) falls back to floating local time.
    const zone = known ? e.timeZone : undefined;
    const start = known ? new TZDate(y, m - 1, d, hh, mm, e.timeZone) : new Date(Date.UTC(y, m - 1, d, hh, mm));
    const end = known ? new TZDate(y, m - 1, d, hh, mm + e.durationMinutes, e.timeZone) : new Date(Date.UTC(y, m - 1, d, hh, mm + e.durationMinutes));
    calendar.createEvent({
      id: e.uid,
      sequence,
      stamp: options.now,
      start,
      end,
      timezone: zone,
      floating: !known,
      summary: e.summary,
      description: e.description,
      categories: [{ name: e.category }],
      repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: e.days.map((day) => BYDAY[day]), startOfWeek: ICalWeekday.MO },
    });
  }
  // RFC 5545 3.1: every content line ends with CRLF, the last one (END:VCALENDAR) included;
  // ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
