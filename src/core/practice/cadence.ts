import type { PracticeExam, StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { CertStatus, TrackedCertification } from '../model/tracking';
import { addDays, calendarDaysUntil, localDayOf, localToday } from '../time/localDays';

/**
 * When the next practice exam is due, after the source article: a diagnostic practice exam in
 * the first week of studying, then one every `intervalDays` after the latest.
 */
export type PracticeDue =
  | {
      kind: 'diagnostic' | 'regular';
      /** The first day it is due. */
      dueFrom: IsoDate;
      /** The last day it is on time; the diagnostic has a week, a regular one a day. */
      dueBy: IsoDate;
      state: 'upcoming' | 'due' | 'overdue';
      /** Calendar days from today to dueFrom (negative once it is due). */
      daysUntil: number;
      /** Calendar days past dueBy (0 unless overdue). */
      daysOverdue: number;
    }
  | { kind: 'none'; why: 'passed' | 'not-started' };

/** A week: the diagnostic is due from the first day of studying to the seventh. */
export const DIAGNOSTIC_DAYS = 7;

const DONE: readonly CertStatus[] = ['passed', 'expired'];
/** Statuses that mean studying has started even when nothing is logged yet. */
const STUDYING: readonly CertStatus[] = ['studying', 'scheduled', 'failed'];

/** The first local day of study per certification: its earliest session. One pass over the log. */
export function firstSessionDays(sessions: readonly StudySession[]): Map<string, IsoDate> {
  const first = new Map<string, IsoDate>();
  for (const s of sessions) {
    const day = localDayOf(s.start);
    const known = first.get(s.certKey);
    if (known === undefined || day < known) first.set(s.certKey, day);
  }
  return first;
}

/**
 * The day studying started: the first session or practice exam logged; with nothing logged, the
 * day the certification was added when its status says it is being studied (the status has no
 * history to say when it changed). Null for a planned certification with nothing logged.
 */
export function studyStartDay(cert: TrackedCertification, firstSessionDay: IsoDate | undefined, exams: readonly PracticeExam[]): IsoDate | null {
  const days = [firstSessionDay, ...exams.map((e) => localDayOf(e.takenAt))].filter((d): d is IsoDate => d !== undefined);
  if (days.length) return days.reduce((a, b) => (b < a ? b : a));
  return STUDYING.includes(cert.status) ? localDayOf(cert.addedAt) : null;
}

/**
 * The next practice exam for a certification. `exams` are its own, in any order. No cadence once
 * passed (or expired: renewing starts again with a status change and new study).
 */
export function nextPracticeDue(input: {
  cert: TrackedCertification;
  exams: readonly PracticeExam[];
  firstSessionDay: IsoDate | undefined;
  intervalDays: number;
  now: Date;
}): PracticeDue {
  const { cert, exams, intervalDays, now } = input;
  if (DONE.includes(cert.status)) return { kind: 'none', why: 'passed' };
  const start = studyStartDay(cert, input.firstSessionDay, exams);
  if (start === null) return { kind: 'none', why: 'not-started' };
  const latest = exams.reduce<IsoDate | null>((max, e) => {
    const day = localDayOf(e.takenAt);
    return max === null || day > max ? day : max;
  }, null);
  const kind = latest === null ? 'diagnostic' : 'regular';
  const dueFrom = latest === null ? start : addDays(latest, intervalDays);
  const dueBy = latest === null ? addDays(start, DIAGNOSTIC_DAYS - 1) : dueFrom;
  const today = localToday(now);
  const state = today < dueFrom ? 'upcoming' : today <= dueBy ? 'due' : 'overdue';
  return {
    kind,
    dueFrom,
    dueBy,
    state,
    daysUntil: calendarDaysUntil(dueFrom, now),
    daysOverdue: state === 'overdue' ? -calendarDaysUntil(dueBy, now) : 0,
  };
}
