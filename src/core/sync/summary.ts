import { addMinutes, parseISO } from 'date-fns';
import type { PracticeExam, StudySession } from '../model/logs';
import { toOffsetInstant } from '../time/clock';
import { sessionMs } from '../time/sessionTimes';
import { runSteps, type Steps } from '../util/slices';
import { localDayOf } from '../time/localDays';
import { stableUuid } from '../util/hash';
import type { PracticeDay, PracticeSeries, SyncSummary, TimeSeries } from './machineRecord';

/**
 * This machine's study, small enough for Settings Sync: the raw logs stay here, and other
 * machines see exact totals per certification, domain and local day (the day a session
 * started, in the offset it was stored with), rolled up into months further back.
 */

/** How much detail a summary keeps; the first level that fits the budget is used. */
export interface SummaryLimits {
  /** Months kept day by day, counting back from the newest session's month (it included); older days become months. */
  dailyMonths: number;
  /** The most recent practice days kept (older practice exams are not synced). */
  practiceDays: number;
  /** Of those, the most recent ones that keep the last exam's scores per domain. */
  domainScoreDays: number;
  /** Whether month buckets keep the domain; without it, old time counts as untagged. */
  monthDomains: boolean;
}

/**
 * Level 0 keeps 14 months day by day (396 to 426 days) and 400 practice days: ten years of
 * daily study is about 15 KB. The coarser levels exist for the engineer whose logs would not
 * fit (many certifications and domains over many years); every level keeps exact totals.
 */
export const SUMMARY_LEVELS: readonly SummaryLimits[] = [
  { dailyMonths: 14, practiceDays: 400, domainScoreDays: 400, monthDomains: true },
  { dailyMonths: 14, practiceDays: 400, domainScoreDays: 30, monthDomains: true },
  { dailyMonths: 6, practiceDays: 200, domainScoreDays: 30, monthDomains: false },
  { dailyMonths: 2, practiceDays: 60, domainScoreDays: 10, monthDomains: false },
  { dailyMonths: 0, practiceDays: 20, domainScoreDays: 5, monthDomains: false },
];

/** Well under Settings Sync's comfort, leaving room in the record for the shared state beside it. */
export const SUMMARY_BUDGET_CHARS = 48 * 1024;

/** The summary of this machine's own logs, at the finest level that fits `budgetChars` of JSON. */
export function summarizeLogs(sessions: readonly StudySession[], practiceExams: readonly PracticeExam[], budgetChars = SUMMARY_BUDGET_CHARS): SyncSummary {
  return runSteps(summarySteps(sessions, practiceExams, budgetChars));
}

/** The same summary a part at a time (core/util/slices.ts): at ten years it was 20 ms in one go in the host. */
export function* summarySteps(sessions: readonly StudySession[], practiceExams: readonly PracticeExam[], budgetChars = SUMMARY_BUDGET_CHARS): Steps<SyncSummary> {
  const days = yield* msByCertDomainDay(sessions);
  const practice = practiceByDay(practiceExams);
  yield 'practice by day';
  let summary: SyncSummary = { time: [], practice: [] };
  for (const limits of SUMMARY_LEVELS) {
    summary = { time: timeSeries(days, limits), practice: practiceSeries(practice, limits) };
    yield 'a level';
    if (JSON.stringify(summary).length <= budgetChars) break;
  }
  return summary;
}

/** A map key for a (certification, domain) pair; JSON, so no domain text can collide with another. */
const groupKey = (certKey: string, domainId: string | null) => JSON.stringify([certKey, domainId]);
const fromGroupKey = (key: string) => JSON.parse(key) as [string, string | null];

/** Sessions per step of msByCertDomainDay: 3,000 sessions in one go were 10-17 ms in the host. */
const SESSIONS_PER_STEP = 500;

/** Exact milliseconds per certification, domain and local start day: summing milliseconds keeps totals exact. */
function* msByCertDomainDay(sessions: readonly StudySession[]): Steps<Map<string, Map<string, number>>> {
  const byGroup = new Map<string, Map<string, number>>();
  for (let i = 0; i < sessions.length; i++) {
    if (i > 0 && i % SESSIONS_PER_STEP === 0) yield 'time by day';
    const s = sessions[i]!;
    const ms = sessionMs(s);
    if (ms <= 0) continue;
    const group = groupKey(s.certKey, s.domainId);
    const days = byGroup.get(group) ?? new Map<string, number>();
    const day = localDayOf(s.start);
    days.set(day, (days.get(day) ?? 0) + ms);
    byGroup.set(group, days);
  }
  return byGroup;
}

/** The first day kept day by day: the first of the month `dailyMonths - 1` before the newest day's month. */
function dailyCut(newestDay: string, dailyMonths: number): string {
  if (dailyMonths <= 0) return '9999-12-31';
  const [y, m] = newestDay.split('-').map(Number);
  const index = y * 12 + (m - 1) - (dailyMonths - 1);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function timeSeries(byGroup: Map<string, Map<string, number>>, limits: SummaryLimits): TimeSeries[] {
  let newest = '';
  for (const days of byGroup.values()) for (const day of days.keys()) if (day > newest) newest = day;
  const cut = dailyCut(newest, limits.dailyMonths);
  const series = new Map<string, Map<string, number>>();
  const add = (group: string, bucket: string, ms: number) => {
    const buckets = series.get(group) ?? new Map<string, number>();
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms);
    series.set(group, buckets);
  };
  for (const [group, days] of byGroup) {
    const certOnly = groupKey(fromGroupKey(group)[0], null);
    for (const [day, ms] of days) {
      if (day >= cut) add(group, day, ms);
      else add(limits.monthDomains ? group : certOnly, day.slice(0, 7), ms);
    }
  }
  // Sorted, so the same logs always give the same JSON and an unchanged summary is never rewritten.
  return [...series.keys()].sort().map((group) => {
    const [certKey, domainId] = fromGroupKey(group);
    const buckets = [...series.get(group)!].sort(([a], [b]) => (a < b ? -1 : 1));
    return [certKey, domainId, buckets] satisfies TimeSeries;
  });
}

interface PracticeDayGroup {
  certKey: string;
  day: string;
  /** The day's exams, oldest first. */
  exams: PracticeExam[];
}

function practiceByDay(practiceExams: readonly PracticeExam[]): PracticeDayGroup[] {
  const ordered = practiceExams.map((e, i) => ({ e, i, at: Date.parse(e.takenAt) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const groups = new Map<string, PracticeDayGroup>();
  for (const { e } of ordered) {
    const day = localDayOf(e.takenAt);
    const id = `${e.certKey} ${day}`;
    const group = groups.get(id) ?? { certKey: e.certKey, day, exams: [] };
    group.exams.push(e);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** At most this many scores a day: more practice exams than that in one day is not a real pattern to keep. */
const SCORES_PER_DAY = 10;

function practiceSeries(groups: readonly PracticeDayGroup[], limits: SummaryLimits): PracticeSeries[] {
  const newestFirst = [...groups].sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.certKey < b.certKey ? -1 : 1)).slice(0, limits.practiceDays);
  const byCert = new Map<string, PracticeDay[]>();
  newestFirst.forEach((g, rank) => {
    const last = g.exams[g.exams.length - 1];
    const domains =
      rank < limits.domainScoreDays ? Object.entries(last.domainScores).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, p]): [string, number] => [id, p]) : [];
    const day: PracticeDay = [g.day, g.exams.slice(-SCORES_PER_DAY).map((e) => e.scorePercent), domains];
    byCert.set(g.certKey, [day, ...(byCert.get(g.certKey) ?? [])]);
  });
  return [...byCert.keys()].sort().map((certKey) => [certKey, byCert.get(certKey)!] satisfies PracticeSeries);
}

/**
 * Another machine's summary as records this machine's views already understand: one session
 * per bucket, from 00:00 of its local day (a month's on the 1st) in this machine's zone, lasting
 * exactly the bucket's time, so hours per certification match the other machine to the
 * millisecond; one practice exam per kept score, a minute apart in the order taken, the last
 * carrying the day's scores per domain. Ids derive from the machine and the bucket, so the
 * same summary always gives the same records (and a refresh fires only when it changed).
 *
 * These are views of another machine's logs, never data of this one: they are not written to
 * a log file or a personal backup (see StudyStore.setSyncedRecords).
 */
export function summaryRecords(machineId: string, summary: SyncSummary): { sessions: StudySession[]; practiceExams: PracticeExam[] } {
  const seen = new Set<string>();
  const sessions: StudySession[] = [];
  for (const [certKey, domainId, buckets] of summary.time) {
    for (const [bucket, ms] of buckets) {
      const id = stableUuid(`session\n${machineId}\n${certKey}\n${domainId ?? ''}\n${bucket}`);
      // A hand-made record may repeat a bucket: the first one counts, as a log keeps the first of a repeated id.
      if (seen.has(id)) continue;
      seen.add(id);
      const start = parseISO(bucket.length === 7 ? `${bucket}-01` : bucket);
      sessions.push({
        id,
        certKey,
        start: toOffsetInstant(start),
        end: toOffsetInstant(new Date(start.getTime() + ms)),
        domainId,
        activity: 'other',
        source: 'manual',
        note: '',
      });
    }
  }
  const practiceExams: PracticeExam[] = [];
  for (const [certKey, days] of summary.practice) {
    for (const [day, scores, domains] of days) {
      const midnight = parseISO(day);
      scores.forEach((scorePercent, i) => {
        const id = stableUuid(`practice\n${machineId}\n${certKey}\n${day}\n${i}`);
        if (seen.has(id)) return;
        seen.add(id);
        practiceExams.push({
          id,
          certKey,
          takenAt: toOffsetInstant(addMinutes(midnight, i)),
          scorePercent,
          entered: null,
          domainScores: i === scores.length - 1 ? Object.fromEntries(domains) : {},
          source: null,
          note: '',
        });
      });
    }
  }
  return { sessions, practiceExams };
}
