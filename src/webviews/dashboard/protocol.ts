import * as z from 'zod/mini';
import { CERT_KEY_MAX, CHART_IDS, RANGES, TABLE_IDS, type DashboardFilter, type ViewState } from './pageProtocol';

/**
 * The messages between the dashboard panel (extension host) and its page (the webview), as zod
 * schemas and the types they infer. The host validates what the page sends: a message that does
 * not parse is logged and ignored. What the host sends is checked against HostMessageSchema by
 * the unit tests, not in the page (./pageProtocol.ts says why); the page imports only types from
 * here. zod/mini, not classic zod: it stays small where it is bundled.
 */

export const DASHBOARD_VIEW_TYPE = 'certStudy.dashboard';

export { CHART_IDS, DEFAULT_VIEW_STATE, RANGES, savedViewState, TABLE_IDS, viewStateOrDefault } from './pageProtocol';
export type { ChartId, DashboardFilter, Range, TableId, ViewState } from './pageProtocol';

const text = (max = 500) => z.string().check(z.maxLength(max));
/** A chart's summary names every certification shown: room for all of them. */
const SUMMARY_MAX = 20_000;
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** A certification key (`aws-mla-c01`, `custom:…`); loose here, looked up by the host. */
const certKey = text(CERT_KEY_MAX);
/** Finite numbers only (zod 4 refuses NaN and Infinity); counts are integers. */
const count = z.int().check(z.minimum(0));

export const RangeSchema = z.enum(RANGES);
export const ChartIdSchema = z.enum(CHART_IDS);
export const TableIdSchema = z.enum(TABLE_IDS);

export const FilterSchema: z.ZodMiniType<DashboardFilter> = z.strictObject({
  range: RangeSchema,
  /** One certification, or null for all of them. */
  cert: z.nullable(certKey),
});

/** The view state (./pageProtocol.ts), as the host checks it in `ready`. */
export const ViewStateSchema: z.ZodMiniType<ViewState> = z.strictObject({
  filter: FilterSchema,
  /** The charts whose data table is shown. */
  tables: z.array(TableIdSchema).check(z.maxLength(TABLE_IDS.length)),
});

// ---- page → host -----------------------------------------------------------------------------

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  /** The page has loaded and listens: only now does the host post data. */
  z.strictObject({ type: z.literal('ready'), state: z.nullable(ViewStateSchema) }),
  /** The user changed a filter. */
  z.strictObject({ type: z.literal('filter'), filter: FilterSchema }),
  /** Every chart is drawn: after new data, or again after a theme change. */
  z.strictObject({ type: z.literal('drawn'), reason: z.enum(['data', 'theme']), charts: count, ms: z.number().check(z.minimum(0)) }),
  /** Something went wrong in the page (an error, a CSP violation), for the extension's log. */
  z.strictObject({ type: z.literal('problem'), message: text(2000) }),
]);

// ---- host → page -----------------------------------------------------------------------------

/** Every piece of text the page shows that is not user data, translated by the host. */
export const LABEL_KEYS = [
  'title',
  'range',
  'range4w',
  'range12w',
  'range26w',
  'rangeAll',
  'certification',
  'allCertifications',
  'forecastTitle',
  'forecastNone',
  'empty',
  'noData',
  'showTable',
  'hideTable',
  'weeklyTitle',
  'targetTitle',
  'practiceTitle',
  'domainsTitle',
  'daysTitle',
  'week',
  'weekOf',
  'total',
  'goal',
  'hours',
  'target',
  'date',
  'score',
  'passMark',
  'readyAt',
  'passLine',
  'readyLine',
  'source',
  'domain',
  'share',
  'weight',
  'weightUnknown',
  'untagged',
  'minutes',
  'day',
  'studyDaysOnly',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'less',
  'more',
  'keyboardHint',
  'plansTitle',
  'plansEmpty',
  'month',
  'planned',
  'studied',
  'passed',
  'state',
  'plan',
  'roiTitle',
  'roiEmpty',
  'figure',
  'value',
  'invested',
  'baselineRate',
  'currentRate',
  'rateChange',
  'rateChangedOn',
  'weeksSinceChange',
  'billableHours',
  'extraRevenue',
  'returnMultiple',
  'withoutCosts',
  'passForecast',
  'forecastLine',
  'forecastBand',
  'targetDay',
  'expected',
  'forecastRange',
  'forecastWords',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export const LabelsSchema = z.strictObject(Object.fromEntries(LABEL_KEYS.map((k) => [k, text(300)])) as Record<LabelKey, ReturnType<typeof text>>);

export const CertOptionSchema = z.strictObject({ key: certKey, name: text(200) });

export const VERDICTS = ['on-track', 'behind', 'reached', 'no-pace', 'no-exam', 'no-target', 'exam-today', 'exam-past'] as const;

export const ForecastSchema = z.strictObject({
  key: certKey,
  name: text(200),
  verdict: z.enum(VERDICTS),
  /** The answer in plain words: "On track", "12.5 hours behind, 2.1 h/day needed". */
  headline: text(),
  /** How it was worked out: the pace, the date the target is reached, the exam date. */
  detail: text(1000),
  studiedHours: z.number(),
  targetHours: z.nullable(z.number()),
  paceHoursPerDay: z.number(),
  reachOn: z.nullable(isoDate),
  examDate: z.nullable(isoDate),
});

export const WeekSchema = z.strictObject({ start: isoDate, label: text(20) });

export const WeeklySchema = z.strictObject({
  series: z.array(z.strictObject({ key: certKey, name: text(200), hours: z.array(z.number()) })),
  totals: z.array(z.number()),
  goalHours: z.number(),
  summary: text(SUMMARY_MAX),
});

export const TargetSchema = z.strictObject({
  /** Cumulative hours at the end of each week (today for the current one). */
  series: z.array(z.strictObject({ key: certKey, name: text(200), hours: z.array(z.number()), targetHours: z.nullable(z.number()) })),
  summary: text(SUMMARY_MAX),
});

const percent = z.number().check(z.minimum(0), z.maximum(100));

/**
 * The pass forecast as the chart draws it: percents like the scores, from the latest score's day
 * to the target day (the exam day, or today with no exam ahead). `text` says it in a sentence, on
 * the exam's own scale where its pass mark has one; `insufficient` carries the reason instead.
 */
export const PracticeForecastSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('forecast'),
    target: z.enum(['exam', 'today']),
    targetDate: isoDate,
    expected: percent,
    low: percent,
    high: percent,
    verdict: z.enum(['likely pass', 'likely fail', 'uncertain']),
    points: z.array(z.strictObject({ day: isoDate, expected: percent, low: percent, high: percent })).check(z.maxLength(2000)),
    text: text(2000),
  }),
  z.strictObject({ kind: z.literal('insufficient'), reason: text(500), text: text(2000) }),
]);

export const PracticeSeriesSchema = z.strictObject({
  key: certKey,
  name: text(200),
  /** The pass mark as a percent, and the readiness line: pass mark + margin. */
  pass: z.number(),
  threshold: z.number(),
  ready: z.boolean(),
  /** "Ready · last 3 scores 81, 84, 86 ≥ 73.9 …": the verdict with its reasons. */
  readiness: text(2000),
  points: z.array(z.strictObject({ day: isoDate, percent: z.number(), source: z.nullable(text(200)) })),
  /** The pass forecast (core/practice/forecast.ts) over every practice exam of the certification. */
  forecast: PracticeForecastSchema,
});

export const PracticeSchema = z.strictObject({
  series: z.array(PracticeSeriesSchema),
  summary: text(SUMMARY_MAX),
  /** What the pass forecast cannot know (forecastLimits), shown under the chart; empty without a forecast. */
  forecastLimits: text(2000),
});

export const DomainsSchema = z.strictObject({
  certs: z.array(
    z.strictObject({
      key: certKey,
      name: text(200),
      untaggedHours: z.number(),
      rows: z.array(
        z.strictObject({ id: text(100), name: text(300), hours: z.number(), sharePercent: z.number(), weightPercent: z.number(), weightKnown: z.boolean() }),
      ),
    }),
  ),
  summary: text(SUMMARY_MAX),
});

export const StudyDaysSchema = z.strictObject({
  /** A Monday, 25 weeks before this week's: six months of days, today last. */
  from: isoDate,
  to: isoDate,
  /** Every day from `from` to `to`; level 0 (none) to 4 (two hours or more). */
  days: z.array(z.strictObject({ day: isoDate, minutes: count, level: z.int().check(z.minimum(0), z.maximum(4)) })),
  current: count,
  best: count,
  /** "Current streak: 4 days · best 9 days". */
  streaks: text(300),
  summary: text(SUMMARY_MAX),
});

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
export const PLAN_ROW_STATES = ['passed-on-time', 'passed-late', 'overdue', 'current', 'upcoming', 'not-tracked'] as const;

/** One plan: its certifications' planned months against the months studied and the pass day. */
export const PlanTimelineSchema = z.strictObject({
  id: text(60),
  name: text(200),
  /** Every month the timeline spans, oldest first. */
  months: z.array(month).check(z.maxLength(600)),
  thisMonth: month,
  passed: count,
  rows: z.array(
    z.strictObject({
      key: certKey,
      name: text(200),
      plannedFrom: month,
      plannedTo: month,
      /** The months with study logged, oldest first, and the minutes in each. */
      study: z.array(z.strictObject({ month, minutes: count })).check(z.maxLength(600)),
      passedOn: z.nullable(isoDate),
      state: z.enum(PLAN_ROW_STATES),
      /** The state in words, translated. */
      stateText: text(200),
    }),
  ),
});

export const PlansSchema = z.strictObject({ timelines: z.array(PlanTimelineSchema).check(z.maxLength(10)), summary: text(SUMMARY_MAX) });

const usd = z.number().check(z.minimum(0));
export const RoiSchema = z.strictObject({
  investedUsd: usd,
  baselineRateUsd: z.nullable(usd),
  currentRateUsd: z.nullable(usd),
  rateChangeUsd: z.nullable(z.number()),
  rateChangedOn: z.nullable(isoDate),
  weeksSinceChange: z.nullable(count),
  billableHoursPerWeek: z.number().check(z.minimum(0)),
  extraRevenueUsd: z.nullable(z.number()),
  returnMultiple: z.nullable(z.number()),
  /** Tracked certifications with no cost entered (the invested sum leaves them out). */
  withoutCosts: z.array(CertOptionSchema),
  /** "Invested 18,000 USD · rate 175 → 260 USD/h (+85) · about 141,440 USD extra over 52 weeks at 32 h a week". */
  headline: text(1000),
  /** What is still missing, and which command sets it; empty when nothing is. */
  hint: text(1000),
});

export const DashboardDataSchema = z.strictObject({
  /** The filter the data was computed for (a removed certification falls back to all). */
  filter: FilterSchema,
  today: isoDate,
  certifications: z.array(CertOptionSchema),
  labels: LabelsSchema,
  forecast: z.array(ForecastSchema),
  weeks: z.array(WeekSchema),
  weekly: WeeklySchema,
  target: TargetSchema,
  practice: PracticeSchema,
  domains: DomainsSchema,
  days: StudyDaysSchema,
  /** The certification plans' timelines; null when there is no plan. */
  plans: z.nullable(PlansSchema),
  /** Money invested, the rate change and the extra revenue; null when no cost and no rate is set. */
  roi: z.nullable(RoiSchema),
});

export const HostMessageSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('data'), data: DashboardDataSchema })]);

export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;
export type HostMessage = z.infer<typeof HostMessageSchema>;
export type Labels = z.infer<typeof LabelsSchema>;
export type CertOption = z.infer<typeof CertOptionSchema>;
export type Verdict = (typeof VERDICTS)[number];
export type Forecast = z.infer<typeof ForecastSchema>;
export type Week = z.infer<typeof WeekSchema>;
export type WeeklyHours = z.infer<typeof WeeklySchema>;
export type TargetProgress = z.infer<typeof TargetSchema>;
export type PracticeSeries = z.infer<typeof PracticeSeriesSchema>;
export type PracticeForecast = z.infer<typeof PracticeForecastSchema>;
export type PracticeTrend = z.infer<typeof PracticeSchema>;
export type DomainTime = z.infer<typeof DomainsSchema>;
export type StudyDays = z.infer<typeof StudyDaysSchema>;
export type PlanTimelineData = z.infer<typeof PlanTimelineSchema>;
export type PlansData = z.infer<typeof PlansSchema>;
export type RoiData = z.infer<typeof RoiSchema>;
export type DashboardData = z.infer<typeof DashboardDataSchema>;

/** A message that arrived, checked: the message, or why it was refused (short, for a log line). */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

function check<T>(schema: z.ZodMiniType<T>, raw: unknown): Checked<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'message';
  return { ok: false, reason: `${where}: ${issue?.message ?? 'invalid'} (got ${preview(raw)})` };
}

/** A message from the page, validated. */
export function checkWebviewMessage(raw: unknown): Checked<WebviewMessage> {
  return check(WebviewMessageSchema, raw);
}

/** A message from the host, validated. */
export function checkHostMessage(raw: unknown): Checked<HostMessage> {
  return check(HostMessageSchema, raw);
}

/** At most 120 characters of what arrived, for a log line. */
function preview(raw: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(raw) ?? String(raw);
  } catch {
    s = String(raw);
  }
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}
