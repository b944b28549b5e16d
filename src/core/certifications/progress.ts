import type { PracticeExam, StudySession } from '../model/logs';
import { sessionMs } from '../time/sessionTimes';
import { toMinutes } from '../time/durations';

export interface CertProgress {
  /** All logged study time, in whole minutes (summed in milliseconds first, so nothing is lost to rounding). */
  studyMinutes: number;
  /** Minutes per exam domain id; sessions without a domain are not in here. */
  minutesByDomain: ReadonlyMap<string, number>;
  /** Practice exams, oldest first. */
  practiceExams: readonly PracticeExam[];
}

const EMPTY: CertProgress = { studyMinutes: 0, minutesByDomain: new Map(), practiceExams: [] };

/** One pass over the logs, grouping by certification. */
export function progressByCertification(
  sessions: readonly StudySession[],
  practiceExams: readonly PracticeExam[],
): ReadonlyMap<string, CertProgress> {
  const ms = new Map<string, number>();
  const domainMs = new Map<string, Map<string, number>>();
  for (const s of sessions) {
    const d = sessionMs(s);
    ms.set(s.certKey, (ms.get(s.certKey) ?? 0) + d);
    if (s.domainId) {
      const byDomain = domainMs.get(s.certKey) ?? new Map<string, number>();
      byDomain.set(s.domainId, (byDomain.get(s.domainId) ?? 0) + d);
      domainMs.set(s.certKey, byDomain);
    }
  }
  const exams = new Map<string, PracticeExam[]>();
  for (const p of practiceExams) {
    const list = exams.get(p.certKey) ?? [];
    list.push(p);
    exams.set(p.certKey, list);
  }
  const keys = new Set([...ms.keys(), ...exams.keys()]);
  const result = new Map<string, CertProgress>();
  for (const key of keys) {
    const byDomain = new Map<string, number>();
    for (const [domain, m] of domainMs.get(key) ?? []) byDomain.set(domain, toMinutes(m));
    result.set(key, {
      studyMinutes: toMinutes(ms.get(key) ?? 0),
      minutesByDomain: byDomain,
      practiceExams: (exams.get(key) ?? []).sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt)),
    });
  }
  return result;
}

export function progressOf(map: ReadonlyMap<string, CertProgress>, key: string): CertProgress {
  return map.get(key) ?? EMPTY;
}
