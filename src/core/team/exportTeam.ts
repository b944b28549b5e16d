import { expiresOn } from '../certifications/certifications';
import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam, StudySession } from '../model/logs';
import type { CostItem } from '../model/plans';
import type { Profile, TrackedCertification } from '../model/tracking';
import { progressByCertification, progressOf } from '../certifications/progress';
import { costTotal } from '../roi/roi';
import { toOffsetInstant } from '../time/clock';
import { addDays, localDayOf, localToday, mondayOf } from '../time/localDays';
import { minutesByLocalDay } from '../timer/days';
import { TEAM_FORMAT, TEAM_FORMAT_VERSION, WEEKS_IN_FILE, type TeamCertification, type TeamFile, type WeekEntry } from './schema';

export interface TeamExportInput {
  profile: Profile;
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  practiceExams: readonly PracticeExam[];
  catalog: { get(key: string): CatalogEntry | undefined };
  /** Cost items per certification (globalState `costs`, Edit Costs): a certification's cost is their total. */
  costs?: Readonly<Record<string, readonly CostItem[]>>;
  now: Date;
  generator: { name: string; version: string };
}

/**
 * The engineer's team file from their stored data. Only what the format names leaves: no notes
 * (of a certification, a session or a practice exam), no session-by-session log, no domain
 * scores; study time goes out as totals per certification and per week.
 */
export function buildTeamFile(input: TeamExportInput): TeamFile {
  const { profile, certifications, catalog, now } = input;
  const tracked = new Set(certifications.map((c) => c.key));
  const sessions = input.sessions.filter((s) => tracked.has(s.certKey));
  const progress = progressByCertification(sessions, input.practiceExams.filter((p) => tracked.has(p.certKey)));
  return {
    format: TEAM_FORMAT,
    version: TEAM_FORMAT_VERSION,
    exportedAt: toOffsetInstant(now),
    generator: { name: input.generator.name, version: input.generator.version },
    engineer: {
      id: profile.engineerId,
      name: profile.name,
      email: profile.email,
      role: profile.role,
      billingRateUsd: { baseline: profile.billingRateUsd.baseline, current: profile.billingRateUsd.current },
    },
    certifications: certifications.map((cert) => teamCertification(cert, catalog.get(cert.key), progressOf(progress, cert.key), input.costs?.[cert.key])),
    weeklyStudy: weeklyStudy(sessions, localToday(now)),
  };
}

/**
 * What the certification cost: the total of its cost items (exam fee, vouchers, courses,
 * retakes) when it has any, else its own cost field (a total entered with Edit Certification, or
 * none). The items win: the cost field can be edited apart from them.
 */
export function teamCostUsd(cert: TrackedCertification, items: readonly CostItem[] | undefined): number | null {
  return items && items.length ? costTotal(items) : cert.costUsd;
}

function teamCertification(cert: TrackedCertification, entry: CatalogEntry | undefined, progress: ReturnType<typeof progressOf>, costItems: readonly CostItem[] | undefined): TeamCertification {
  return {
    key: cert.key,
    name: entry?.name ?? cert.key,
    provider: entry?.provider ?? '',
    status: cert.status,
    examDate: cert.examDate,
    earnedOn: cert.earnedOn,
    expiresOn: expiresOn(cert, entry),
    studyMinutes: progress.studyMinutes,
    targetMinutes: cert.targetMinutes,
    practiceExams: progress.practiceExams.map((p) => ({ takenOn: localDayOf(p.takenAt), scorePercent: p.scorePercent, source: p.source })),
    attempts: cert.attempts.map((a) => ({ takenOn: a.takenOn, passed: a.passed, score: a.score, scale: a.scale })),
    costUsd: teamCostUsd(cert, costItems),
  };
}

/**
 * Minutes per ISO week for the last 26 weeks, this week included, oldest first. A session over
 * midnight counts to each day by its overlap, on the wall clock it was stored with.
 */
export function weeklyStudy(sessions: readonly StudySession[], today: string): WeekEntry[] {
  const thisWeek = mondayOf(today);
  const first = addDays(thisWeek, -7 * (WEEKS_IN_FILE - 1));
  const byWeek = new Map<string, number>();
  for (const [day, minutes] of minutesByLocalDay(sessions)) {
    const week = mondayOf(day);
    if (week >= first && week <= thisWeek) byWeek.set(week, (byWeek.get(week) ?? 0) + minutes);
  }
  return Array.from({ length: WEEKS_IN_FILE }, (_, i) => {
    const weekStart = addDays(first, 7 * i);
    return { weekStart, minutes: Math.round(byWeek.get(weekStart) ?? 0) };
  });
}
