import type { PracticeExam, StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { TrackedCertification } from '../model/tracking';
import { addDays, localToday } from '../time/localDays';
import { firstSessionDays, nextPracticeDue } from './cadence';

/** A practice exam that fell due, to remind of once. */
export interface PracticeReminder {
  certKey: string;
  kind: 'diagnostic' | 'regular';
  dueFrom: IsoDate;
  dueBy: IsoDate;
  state: 'due' | 'overdue';
}

/**
 * What was reminded of, kept in globalState: per certification, the day the practice exam it
 * reminded of fell due. One entry per certification, so it stays a few bytes.
 */
export type RemindersShown = Readonly<Record<string, IsoDate>>;

/**
 * The reminders to show now: one per practice exam that is due or overdue, not shown before,
 * and that fell due today or yesterday. One that fell due earlier fell due while VS Code was
 * closed (the check runs when the window loads and gets focus), and is left to the tree, which
 * shows it as overdue. One pass over the logs; cheap enough for every focus.
 */
export function remindersToShow(input: {
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  practiceExams: readonly PracticeExam[];
  intervalDays: number;
  shown: RemindersShown;
  now: Date;
}): PracticeReminder[] {
  const { now } = input;
  const earliest = addDays(localToday(now), -1);
  const firstSession = firstSessionDays(input.sessions);
  const examsByCert = new Map<string, PracticeExam[]>();
  for (const e of input.practiceExams) {
    const list = examsByCert.get(e.certKey);
    if (list) list.push(e);
    else examsByCert.set(e.certKey, [e]);
  }
  const reminders: PracticeReminder[] = [];
  for (const cert of input.certifications) {
    const due = nextPracticeDue({ cert, exams: examsByCert.get(cert.key) ?? [], firstSessionDay: firstSession.get(cert.key), intervalDays: input.intervalDays, now });
    if (due.kind === 'none' || due.state === 'upcoming') continue;
    if (input.shown[cert.key] === due.dueFrom || due.dueFrom < earliest) continue;
    reminders.push({ certKey: cert.key, kind: due.kind, dueFrom: due.dueFrom, dueBy: due.dueBy, state: due.state });
  }
  return reminders;
}

/** `shown` with these reminders added, keeping only certifications still tracked. */
export function withRemindersShown(shown: RemindersShown, reminders: readonly PracticeReminder[], tracked: readonly TrackedCertification[]): Record<string, IsoDate> {
  const keys = new Set(tracked.map((c) => c.key));
  const next: Record<string, IsoDate> = {};
  for (const [key, day] of Object.entries(shown)) if (keys.has(key)) next[key] = day;
  for (const r of reminders) next[r.certKey] = r.dueFrom;
  return next;
}
