import type { Catalog } from '../catalog/catalog';
import type { StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { Month, Plan } from '../model/plans';
import type { CertStatus, TrackedCertification } from '../model/tracking';
import { toMinutes } from '../time/durations';
import { millisBetween } from '../time/clock';
import { localDayOf } from '../time/localDays';
import type { Localize } from '../util/localize';
import { currentMonth, monthOf, monthRange } from './months';
import { planName, planSpan } from './plan';

/**
 * The dashboard's plan timeline as data: for each planned certification, the months planned
 * against the months study really happened in and the day the exam was passed. Pure; `now` is
 * passed in.
 */
export type PlanRowState =
  /** Passed within (or before the end of) its planned months. */
  | 'passed-on-time'
  /** Passed after its last planned month. */
  | 'passed-late'
  /** Its planned months are over and it is not passed. */
  | 'overdue'
  /** This month is one of its planned months. */
  | 'current'
  /** Its planned months are ahead. */
  | 'upcoming'
  /** Planned, but no longer among the tracked certifications. */
  | 'not-tracked';

export interface PlanTimelineRow {
  key: string;
  name: string;
  plannedFrom: Month;
  plannedTo: Month;
  /** Study minutes per month, for the months with any study logged. */
  studyMinutesByMonth: Record<Month, number>;
  /** The first and last month with study, or null when none is logged. */
  studiedFrom: Month | null;
  studiedTo: Month | null;
  /** The day the exam was passed (the current pass). */
  passedOn: IsoDate | null;
  status: CertStatus | null;
  state: PlanRowState;
}

export interface PlanTimeline {
  planId: string;
  name: string;
  /** Every month from the earliest planned or studied month to the latest planned month or this month. */
  months: Month[];
  thisMonth: Month;
  rows: PlanTimelineRow[];
  /** Passed certifications out of the planned ones. */
  passed: number;
}

export function planTimeline(input: {
  plan: Plan;
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  catalog: Catalog;
  now: Date;
  t: Localize;
}): PlanTimeline {
  const { plan, catalog, t } = input;
  const thisMonth = currentMonth(input.now);
  const keys = new Set(plan.items.map((i) => i.key));
  const ms = new Map<string, Map<Month, number>>();
  for (const s of input.sessions) {
    if (!keys.has(s.certKey)) continue;
    const byMonth = ms.get(s.certKey) ?? new Map<Month, number>();
    const month = monthOf(localDayOf(s.start));
    byMonth.set(month, (byMonth.get(month) ?? 0) + millisBetween(s.start, s.end));
    ms.set(s.certKey, byMonth);
  }
  const rows = plan.items.map((item): PlanTimelineRow => {
    const cert = input.certifications.find((c) => c.key === item.key);
    const byMonth = [...(ms.get(item.key) ?? new Map<Month, number>())].sort(([a], [b]) => (a < b ? -1 : 1));
    const passedOn = cert && (cert.status === 'passed' || cert.status === 'expired') ? cert.earnedOn : null;
    return {
      key: item.key,
      name: catalog.get(item.key)?.shortName ?? item.key,
      plannedFrom: item.startMonth,
      plannedTo: item.endMonth,
      studyMinutesByMonth: Object.fromEntries(byMonth.map(([m, v]) => [m, toMinutes(v)])),
      studiedFrom: byMonth.length ? byMonth[0][0] : null,
      studiedTo: byMonth.length ? byMonth[byMonth.length - 1][0] : null,
      passedOn,
      status: cert?.status ?? null,
      state: rowState(item, cert, passedOn, thisMonth),
    };
  });
  const span = planSpan(plan);
  const earliest = [span.from, ...rows.flatMap((r) => (r.studiedFrom ? [r.studiedFrom] : []))].reduce((a, b) => (b < a ? b : a));
  const latest = [span.to, thisMonth, ...rows.flatMap((r) => (r.passedOn ? [monthOf(r.passedOn)] : []))].reduce((a, b) => (b > a ? b : a));
  return {
    planId: plan.id,
    name: planName(plan, t),
    months: monthRange(earliest, latest),
    thisMonth,
    rows,
    passed: rows.filter((r) => r.passedOn !== null).length,
  };
}

function rowState(item: { startMonth: Month; endMonth: Month }, cert: TrackedCertification | undefined, passedOn: IsoDate | null, thisMonth: Month): PlanRowState {
  if (!cert) return 'not-tracked';
  if (passedOn) return monthOf(passedOn) <= item.endMonth ? 'passed-on-time' : 'passed-late';
  if (thisMonth > item.endMonth) return 'overdue';
  return thisMonth >= item.startMonth ? 'current' : 'upcoming';
}
