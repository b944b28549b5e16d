import type { Catalog } from '../catalog/catalog';
import { effectiveStatus, expiresOn } from '../certifications/certifications';
import type { PracticeExam, StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { TrackedCertification } from '../model/tracking';
import { firstSessionDays, nextPracticeDue } from '../practice/cadence';
import { addDays, dayOfWeek, localToday } from '../time/localDays';
import { parseClockTime, WEEKDAYS, type BlockSettings, type Weekday } from '../timer/blockSchedule';
import type { Localize } from '../util/localize';

/**
 * What the calendar export puts in the file, as plain data: exam dates, the morning study block,
 * practice exams falling due and renewal deadlines. Writing it as iCalendar text is ics.ts's job
 * (a bundle of its own, loaded when the export runs). Pure; `now` is passed in.
 *
 * Every event's UID is made of what it is about (`exam`, `practice`, `renewal` + the
 * certification key, or `morning-block`) and the export's own id, never of a date: a file
 * exported after the exam moved carries the same UID with the new date, so importing it updates
 * the event instead of adding a second one.
 */
export interface AllDayEvent {
  kind: 'allDay';
  uid: string;
  summary: string;
  description: string;
  category: 'exam' | 'practice' | 'renewal';
  /** First day, local calendar. */
  start: IsoDate;
  /** The day after the last day (iCalendar's DTEND of an all-day event is exclusive). */
  endExclusive: IsoDate;
  /** A reminder this many days before the start, if any. */
  alarmDaysBefore: number | null;
}

export interface WeeklyEvent {
  kind: 'weekly';
  uid: string;
  summary: string;
  description: string;
  category: 'study';
  /** The first occurrence's day. */
  firstDay: IsoDate;
  /** Wall-clock start `HH:mm` in `timeZone`, on every occurrence. */
  start: string;
  durationMinutes: number;
  days: Weekday[];
  /** IANA name, e.g. America/Denver. */
  timeZone: string;
}

export type CalendarEvent = AllDayEvent | WeeklyEvent;

export interface CalendarInput {
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  practiceExams: readonly PracticeExam[];
  catalog: Catalog;
  block: BlockSettings;
  practiceIntervalDays: number;
  /** Days before an expiry the renewal deadline's reminder fires (certStudy.renewal.warnDays); 0 for none. */
  renewalWarnDays: number;
  /** The export's id: part of every UID. */
  calendarId: string;
  timeZone: string;
  now: Date;
  t: Localize;
}

const UID_DOMAIN = 'cert-study-tracker';

export function eventUid(what: string, calendarId: string): string {
  return `${what}.${calendarId}@${UID_DOMAIN}`;
}

export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  const { catalog, t, calendarId } = input;
  const today = localToday(input.now);
  const name = (key: string) => catalog.get(key)?.shortName ?? key;
  const fullName = (key: string) => catalog.get(key)?.name ?? key;
  const events: CalendarEvent[] = [];
  const firstSession = firstSessionDays(input.sessions);

  for (const cert of input.certifications) {
    const entry = catalog.get(cert.key);
    if (cert.examDate) {
      events.push({
        kind: 'allDay',
        uid: eventUid(`exam.${cert.key}`, calendarId),
        summary: t('Exam: {0}', name(cert.key)),
        description: t('{0} exam day.', fullName(cert.key)),
        category: 'exam',
        start: cert.examDate,
        endExclusive: addDays(cert.examDate, 1),
        alarmDaysBefore: null,
      });
    }
    const due = nextPracticeDue({
      cert,
      exams: input.practiceExams.filter((p) => p.certKey === cert.key),
      firstSessionDay: firstSession.get(cert.key),
      intervalDays: input.practiceIntervalDays,
      now: input.now,
    });
    if (due.kind !== 'none') {
      // An overdue one is due today: a calendar entry in the past would remind of nothing.
      const overdue = due.state === 'overdue';
      events.push({
        kind: 'allDay',
        uid: eventUid(`practice.${cert.key}`, calendarId),
        summary: overdue
          ? t('Practice exam overdue: {0}', name(cert.key))
          : due.kind === 'diagnostic'
            ? t('Diagnostic practice exam: {0}', name(cert.key))
            : t('Practice exam due: {0}', name(cert.key)),
        description:
          due.kind === 'diagnostic'
            ? t('A diagnostic practice exam in the first week of studying {0}, to find the gaps.', name(cert.key))
            : t('A practice exam for {0}, {1} days after the last one.', name(cert.key), input.practiceIntervalDays),
        category: 'practice',
        start: overdue ? today : due.dueFrom,
        endExclusive: addDays(overdue ? today : due.dueBy, 1),
        alarmDaysBefore: null,
      });
    }
    const status = effectiveStatus(cert, entry, input.now);
    const expiry = status === 'passed' || status === 'expired' ? expiresOn(cert, entry) : null;
    if (expiry) {
      events.push({
        kind: 'allDay',
        uid: eventUid(`renewal.${cert.key}`, calendarId),
        summary: t('Renewal deadline: {0} expires', name(cert.key)),
        description: entry?.validity.renewal
          ? t('{0}, earned {1}, expires on {2}. {3}', fullName(cert.key), cert.earnedOn ?? '?', expiry, entry.validity.renewal)
          : t('{0}, earned {1}, expires on {2}.', fullName(cert.key), cert.earnedOn ?? '?', expiry),
        category: 'renewal',
        start: expiry,
        endExclusive: addDays(expiry, 1),
        alarmDaysBefore: input.renewalWarnDays > 0 ? input.renewalWarnDays : null,
      });
    }
  }

  const block = morningBlockEvent(input, today);
  if (block) events.push(block);
  return events;
}

/** The morning block as one weekly event from its first block day on or after today. */
function morningBlockEvent(input: CalendarInput, today: IsoDate): WeeklyEvent | null {
  const { block, t } = input;
  const time = parseClockTime(block.start);
  if (!block.enabled || !time || block.days.length === 0 || block.durationMinutes <= 0) return null;
  let firstDay = today;
  for (let i = 0; i < 7; i++) {
    const day = addDays(today, i);
    if (block.days.includes(WEEKDAYS[dayOfWeek(day)])) {
      firstDay = day;
      break;
    }
  }
  return {
    kind: 'weekly',
    uid: eventUid('morning-block', input.calendarId),
    summary: t('Morning study block'),
    description: t('One hour before the workday keeps certification study steady without touching billable hours (the source article). Start the study timer in VS Code when it begins.'),
    category: 'study',
    firstDay,
    start: block.start,
    durationMinutes: block.durationMinutes,
    // In week order, Monday first.
    days: [...WEEKDAYS.slice(1), WEEKDAYS[0]].filter((d) => block.days.includes(d)),
    timeZone: input.timeZone,
  };
}
