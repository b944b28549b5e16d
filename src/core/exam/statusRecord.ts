import type { Catalog } from '../catalog/catalog';
import { expiresOn } from '../certifications/certifications';
import type { StudySession } from '../model/logs';
import { formatPercent } from '../catalog/percent';
import { passMarkOf, shortPassMark } from '../practice/passMark';
import { progressByCertification, progressOf } from '../certifications/progress';
import type { StudySnapshot } from '../store/studyStore';
import type { Localize } from '../util/localize';
import { calendarDaysUntil, startOfLocalDay } from '../time/localDays';
import { STATUS_RECORD_VERSION, type ExamItem, type RenewalItem, type StatusRecord } from './statusCountdown';

export const PACE_WINDOW_DAYS = 28;

/** Average study minutes per day over the last `days` days (today included), for one certification. */
export function paceMinutesPerDay(sessions: readonly StudySession[], certKey: string, now: Date, days = PACE_WINDOW_DAYS): number {
  const from = startOfLocalDay(now, -(days - 1)).getTime();
  let ms = 0;
  for (const s of sessions) {
    if (s.certKey !== certKey) continue;
    const start = Math.max(Date.parse(s.start), from);
    const end = Math.min(Date.parse(s.end), now.getTime());
    if (end > start) ms += end - start;
  }
  return ms / 60_000 / days;
}

/**
 * The small record the status bar reads at window start (see statusCountdown.ts): every booked
 * exam ahead, and every held certification's expiry, with the few figures the tooltip shows.
 * Written by the app whenever the data behind it changes; a few hundred bytes.
 */
export function buildStatusRecord(
  snapshot: StudySnapshot,
  catalog: Catalog,
  now: Date,
  defaultPassPercent: number,
  reminded: Readonly<Record<string, number[]>>,
  t: Localize,
): StatusRecord {
  const progress = progressByCertification(snapshot.sessions, snapshot.practiceExams);
  const items: Array<ExamItem | RenewalItem> = [];
  for (const cert of snapshot.certifications) {
    const entry = catalog.get(cert.key);
    // The name as typed: the countdown escapes it for the status bar (which renders $(icons))
    // and for its Markdown hover, and the renewal reminder for its notification.
    const label = entry?.shortName ?? cert.key;
    const held = cert.status === 'passed' || cert.status === 'expired';
    if (!held && cert.examDate && calendarDaysUntil(cert.examDate, now) >= 0) {
      const p = progressOf(progress, cert.key);
      const latest = p.practiceExams.at(-1);
      const pass = passMarkOf(entry, defaultPassPercent);
      items.push({
        kind: 'exam',
        key: cert.key,
        label,
        date: cert.examDate,
        loggedMinutes: p.studyMinutes,
        targetMinutes: cert.targetMinutes,
        paceMinutesPerDay: Math.round(paceMinutesPerDay(snapshot.sessions, cert.key, now) * 10) / 10,
        practice: latest ? t('Latest practice score {0} % ({1})', formatPercent(latest.scorePercent), shortPassMark(pass, t)) : null,
      });
    }
    const expiry = held ? expiresOn(cert, entry) : null;
    if (expiry) items.push({ kind: 'renewal', key: cert.key, label, date: expiry, reminded: reminded[renewalId(cert.key, expiry)] ?? [] });
  }
  return { v: STATUS_RECORD_VERSION, items };
}

/** Reminders are per expiry: a renewal (a new pass, a new expiry) gets its own three. */
export function renewalId(key: string, expiry: string): string {
  return `${key}@${expiry}`;
}
