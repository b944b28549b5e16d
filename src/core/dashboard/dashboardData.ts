import type { Catalog } from '../catalog/catalog';
import type { IsoDate } from '../model/primitives';
import type { PracticeSettings } from '../practice/settings';
import type { StudySnapshot } from '../store/studyStore';
import { localDayOf } from '../time/clock';
import type { Weekday } from '../timer/blockSchedule';
import { isoDay } from '../timer/days';
import type { Localize } from '../tree/localize';
import type { CertOption, DashboardData, DashboardFilter } from '../../shared/dashboardProtocol';
import { domainTime } from './domainTime';
import { dashboardLabels } from './labels';
import { paceForecast, sortForecasts } from './pace';
import { practiceTrend } from './practiceTrend';
import { rangeWeeks } from './range';
import { mergeDays, minutesBetween, minutesByCertAndDay } from './studyIndex';
import { studyDays } from './studyDays';
import { targetProgress } from './targetProgress';
import { weeklyHours } from './weeklyHours';

export interface DashboardSettings {
  /** certStudy.weeklyGoalHours: the line on the weekly chart. */
  weeklyGoalHours: number;
  practice: PracticeSettings;
  dailyMinimumMinutes: number;
  restDays: readonly Weekday[];
}

/** Statuses of a certification someone is working towards: these get a pace forecast. */
const WORKING_ON = new Set(['planned', 'studying', 'scheduled', 'failed', 'expired']);

/**
 * Every figure the dashboard shows, from the stored data, for one filter. Pure: `now` is passed
 * in. The certifications are the tracked ones, in their stored order; study time logged for a
 * certification no longer tracked still counts in the weekly hours and the study days of "all".
 */
export function dashboardData(
  input: {
    snapshot: Pick<StudySnapshot, 'certifications' | 'sessions' | 'practiceExams'>;
    catalog: Catalog;
    filter: DashboardFilter;
    settings: DashboardSettings;
    now: Date;
  },
  t: Localize,
): DashboardData {
  const { snapshot, catalog, settings } = input;
  const today = isoDay(input.now);
  const nameOf = (key: string) => catalog.get(key)?.shortName ?? key;
  const tracked = snapshot.certifications;
  const options: CertOption[] = tracked.map((c) => ({ key: c.key, name: nameOf(c.key) }));
  // A certification removed since the filter was chosen: back to all of them.
  const cert = input.filter.cert !== null && tracked.some((c) => c.key === input.filter.cert) ? input.filter.cert : null;
  const filter: DashboardFilter = { range: input.filter.range, cert };
  const inFilter = (key: string) => cert === null || key === cert;

  const sessions = snapshot.sessions.filter((s) => inFilter(s.certKey));
  const exams = snapshot.practiceExams.filter((e) => inFilter(e.certKey));
  const byCert = minutesByCertAndDay(sessions);
  // Tracked first, in their order; then keys only the logs know, by name.
  const trackedKeys = new Set(tracked.map((c) => c.key));
  const others = [...new Set([...byCert.keys(), ...exams.map((e) => e.certKey)])].filter((k) => !trackedKeys.has(k));
  const certs: CertOption[] = [...options.filter((o) => inFilter(o.key)), ...others.map((key) => ({ key, name: nameOf(key) })).sort((a, b) => (a.name < b.name ? -1 : 1))];
  const trackedInFilter = tracked.filter((c) => inFilter(c.key));

  let earliest: IsoDate | undefined;
  for (const days of byCert.values()) for (const day of days.keys()) if (earliest === undefined || day < earliest) earliest = day;
  for (const e of exams) {
    const day = localDayOf(e.takenAt);
    if (earliest === undefined || day < earliest) earliest = day;
  }
  const weeks = rangeWeeks(filter.range, today, earliest);
  const from = weeks[0].start;

  const forecast = sortForecasts(
    trackedInFilter
      .filter((c) => WORKING_ON.has(c.status))
      .map((c) => paceForecast({ key: c.key, name: nameOf(c.key), targetMinutes: c.targetMinutes, examDate: c.examDate, days: byCert.get(c.key) ?? new Map(), today }, t)),
  );

  return {
    filter,
    today,
    certifications: options,
    labels: dashboardLabels(t),
    forecast,
    weeks,
    weekly: weeklyHours({ byCert, certs, weeks, today, goalHours: settings.weeklyGoalHours }, t),
    target: targetProgress(
      {
        byCert,
        // Held certifications only when studied in the range: the chart is about targets still ahead.
        certs: trackedInFilter
          .filter((c) => WORKING_ON.has(c.status) || minutesBetween(byCert.get(c.key) ?? new Map(), from, today) > 0)
          .map((c) => ({ key: c.key, name: nameOf(c.key), targetMinutes: c.targetMinutes })),
        weeks,
        today,
      },
      t,
    ),
    practice: practiceTrend({ exams, certs, catalog, settings: settings.practice, from, today }, t),
    domains: domainTime(
      { sessions, certs: trackedInFilter.map((c) => ({ key: c.key, name: nameOf(c.key), active: c.status === 'studying' || c.status === 'scheduled' })), catalog, from, today },
      t,
    ),
    days: studyDays({ byDay: mergeDays(byCert.values()), today, dailyMinimumMinutes: settings.dailyMinimumMinutes, restDays: settings.restDays }, t),
  };
}
