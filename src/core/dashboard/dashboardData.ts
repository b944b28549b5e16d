import type { Catalog } from '../catalog/catalog';
import type { IsoDate } from '../model/primitives';
import type { PracticeSettings } from '../practice/settings';
import type { StudySnapshot } from '../store/studyStore';
import { localDayOf, localToday } from '../time/localDays';
import type { Weekday } from '../timer/blockSchedule';
import type { Localize } from '../util/localize';
import { runSteps, type Steps } from '../util/slices';
import type { CertOption, DashboardData, DashboardFilter, PlansData, RoiData } from '../../webviews/dashboard/protocol';
import type { CostItem, Plan, RoiInputs } from '../model/plans';
import type { Profile } from '../model/tracking';
import type { PlanRowState } from '../plans/timeline';
import { planTimeline } from '../plans/timeline';
import { formatUsd, roiFigures } from '../roi/roi';
import { domainTime } from './domainTime';
import { dashboardLabels } from './labels';
import { paceForecast, sortForecasts } from './pace';
import { practiceTrendSteps } from './practiceTrend';
import { rangeWeeks } from './range';
import { mergeDays, minutesBetween, minutesByCertAndDaySteps } from './studyIndex';
import { studyDays } from './studyDays';
import { targetProgressSteps } from './targetProgress';
import { weeklyHoursSteps } from './weeklyHours';

export interface DashboardSettings {
  /** certStudy.weeklyGoalHours: the line on the weekly chart. */
  weeklyGoalHours: number;
  practice: PracticeSettings;
  dailyMinimumMinutes: number;
  restDays: readonly Weekday[];
  /** certStudy.billableHoursPerWeek: the hours the rate change is earned on (the setting's default, 32, when left out). */
  billableHoursPerWeek?: number;
}

/** The stored plans, costs and rates (STATE_SPECS `plans`, `costs`, `roi`, `profile`). */
export interface DashboardPlanning {
  plans: readonly Plan[];
  costs: Readonly<Record<string, readonly CostItem[]>>;
  roi: RoiInputs;
  profile: Profile | null;
}

/** Statuses of a certification someone is working towards: these get a pace forecast. */
const WORKING_ON = new Set(['planned', 'studying', 'scheduled', 'failed', 'expired']);

export interface DashboardInput {
  snapshot: Pick<StudySnapshot, 'certifications' | 'sessions' | 'practiceExams'>;
  /** Plans, costs and rates; without them there is no plan timeline and no ROI. */
  planning?: DashboardPlanning;
  catalog: Catalog;
  filter: DashboardFilter;
  settings: DashboardSettings;
  now: Date;
}

/**
 * Every figure the dashboard shows, from the stored data, for one filter. Pure: `now` is passed
 * in. The certifications are the tracked ones, in their stored order; study time logged for a
 * certification no longer tracked still counts in the weekly hours and the study days of "all".
 */
export function dashboardData(input: DashboardInput, t: Localize): DashboardData {
  return runSteps(dashboardSteps(input, t));
}

/**
 * dashboardData in steps of a few milliseconds on ten years of data (a certification's study
 * index, a chart, a certification's pass forecast), for runInSlices: the panel gives the
 * extension host's event loop a turn between slices.
 */
export function* dashboardSteps(input: DashboardInput, t: Localize): Steps<DashboardData> {
  const { snapshot, catalog, settings } = input;
  const today = localToday(input.now);
  const nameOf = (key: string) => catalog.get(key)?.shortName ?? key;
  const tracked = snapshot.certifications;
  const options: CertOption[] = tracked.map((c) => ({ key: c.key, name: nameOf(c.key) }));
  // A certification removed since the filter was chosen: back to all of them.
  const cert = input.filter.cert !== null && tracked.some((c) => c.key === input.filter.cert) ? input.filter.cert : null;
  const filter: DashboardFilter = { range: input.filter.range, cert };
  const inFilter = (key: string) => cert === null || key === cert;

  const sessions = snapshot.sessions.filter((s) => inFilter(s.certKey));
  const exams = snapshot.practiceExams.filter((e) => inFilter(e.certKey));
  const byCert = yield* minutesByCertAndDaySteps(sessions);
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
  yield 'weeks';

  const forecast = sortForecasts(
    trackedInFilter
      .filter((c) => WORKING_ON.has(c.status))
      .map((c) => paceForecast({ key: c.key, name: nameOf(c.key), targetMinutes: c.targetMinutes, examDate: c.examDate, days: byCert.get(c.key) ?? new Map(), today }, t)),
  );
  yield 'pace';
  const weekly = yield* weeklyHoursSteps({ byCert, certs, weeks, today, goalHours: settings.weeklyGoalHours }, t);
  const target = yield* targetProgressSteps(
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
  );
  const practice = yield* practiceTrendSteps(
    { exams, certs, catalog, settings: settings.practice, from, today, now: input.now, examDates: new Map(tracked.map((c) => [c.key, c.examDate])) },
    t,
  );
  const domains = domainTime(
    { sessions, certs: trackedInFilter.map((c) => ({ key: c.key, name: nameOf(c.key), active: c.status === 'studying' || c.status === 'scheduled' })), catalog, from, today },
    t,
  );
  yield 'domains';
  const byDay = mergeDays(byCert.values());
  yield 'days merged';
  const days = studyDays({ byDay, today, dailyMinimumMinutes: settings.dailyMinimumMinutes, restDays: settings.restDays }, t);
  yield 'study days';
  // Plans and ROI are about every certification: the filter leaves them alone.
  const plans = input.planning ? planTimelines(input.planning, snapshot, catalog, input.now, t) : null;
  yield 'plans';
  const roi = input.planning ? roiData(input.planning, tracked, catalog, settings.billableHoursPerWeek ?? 32, input.now, t) : null;
  return { filter, today, certifications: options, labels: dashboardLabels(t), forecast, weeks, weekly, target, practice, domains, days, plans, roi };
}

function stateText(state: PlanRowState, t: Localize): string {
  const texts: Record<PlanRowState, string> = {
    'passed-on-time': t('passed on time'),
    'passed-late': t('passed after its planned months'),
    overdue: t('planned months over, not passed'),
    current: t('in its planned months'),
    upcoming: t('upcoming'),
    'not-tracked': t('no longer tracked'),
  };
  return texts[state];
}

/** Every plan's timeline; null when there is no plan. */
export function planTimelines(
  planning: DashboardPlanning,
  snapshot: Pick<StudySnapshot, 'certifications' | 'sessions'>,
  catalog: Catalog,
  now: Date,
  t: Localize,
): PlansData | null {
  if (planning.plans.length === 0) return null;
  const timelines = planning.plans.map((plan) => {
    const tl = planTimeline({ plan, certifications: snapshot.certifications, sessions: snapshot.sessions, catalog, now, t });
    return {
      id: tl.planId,
      name: tl.name,
      months: tl.months,
      thisMonth: tl.thisMonth,
      passed: tl.passed,
      rows: tl.rows.map((r) => ({
        key: r.key,
        name: r.name,
        plannedFrom: r.plannedFrom,
        plannedTo: r.plannedTo,
        study: Object.entries(r.studyMinutesByMonth)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([month, minutes]) => ({ month, minutes: Math.round(minutes) })),
        passedOn: r.passedOn,
        state: r.state,
        stateText: stateText(r.state, t),
      })),
    };
  });
  const summary = timelines
    .map((tl) =>
      t(
        '{0}: {1} of {2} passed. {3}',
        tl.name,
        tl.passed,
        tl.rows.length,
        tl.rows
          .map((r) => t('{0} planned {1} to {2}, {3}{4}', r.name, r.plannedFrom, r.plannedTo, r.stateText, r.passedOn ? t(' ({0})', r.passedOn) : ''))
          .join('; '),
      ),
    )
    .join(' ');
  return { timelines, summary };
}

/** Money invested, the rate change and the extra revenue; null when no cost and no rate is set. */
export function roiData(
  planning: DashboardPlanning,
  certifications: StudySnapshot['certifications'],
  catalog: Catalog,
  billableHoursPerWeek: number,
  now: Date,
  t: Localize,
): RoiData | null {
  const f = roiFigures({
    certifications,
    costs: planning.costs,
    catalog,
    rates: planning.profile?.billingRateUsd ?? null,
    rateChangedOn: planning.roi.rateChangedOn,
    billableHoursPerWeek,
    now,
  });
  if (f.baselineRateUsd === null && f.currentRateUsd === null && f.certifications.every((c) => c.from === 'none')) return null;
  const parts = [t('Invested {0}', formatUsd(f.investedUsd))];
  if (f.baselineRateUsd !== null && f.currentRateUsd !== null && f.rateChangeUsd !== null) {
    const sign = f.rateChangeUsd >= 0 ? '+' : '−';
    parts.push(t('rate {0} → {1} USD/h ({2}{3})', f.baselineRateUsd, f.currentRateUsd, sign, Math.abs(f.rateChangeUsd)));
  }
  if (f.extraRevenueUsd !== null && f.weeksSinceChange !== null) {
    parts.push(t('about {0} extra over {1} weeks at {2} h a week', formatUsd(f.extraRevenueUsd), f.weeksSinceChange, f.billableHoursPerWeek));
  }
  const missing = {
    baselineRate: t('your baseline billing rate'),
    currentRate: t('your current billing rate'),
    rateChangedOn: t('the day the rate changed'),
  };
  const hints: string[] = [];
  if (f.missing.length) hints.push(t('For the extra revenue, set {0}: run "Set Billing Rates" (certStudy.setBillingRates).', f.missing.map((m) => missing[m]).join(', ')));
  const without = f.certifications.filter((c) => c.from === 'none');
  if (without.length) hints.push(t('No costs entered for {0}: run "Edit Costs" (certStudy.editCosts).', without.map((c) => c.name).join(', ')));
  return {
    investedUsd: f.investedUsd,
    baselineRateUsd: f.baselineRateUsd,
    currentRateUsd: f.currentRateUsd,
    rateChangeUsd: f.rateChangeUsd,
    rateChangedOn: f.rateChangedOn,
    weeksSinceChange: f.weeksSinceChange,
    billableHoursPerWeek: f.billableHoursPerWeek,
    extraRevenueUsd: f.extraRevenueUsd,
    returnMultiple: f.returnMultiple === null ? null : Math.round(f.returnMultiple * 10) / 10,
    withoutCosts: without.map((c) => ({ key: c.key, name: c.name })),
    headline: parts.join(' · '),
    hint: hints.join(' '),
  };
}
