import type { PracticeExam } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import { addDays, daysBetween, localDayOf, localToday } from '../time/localDays';
import type { Localize } from '../util/localize';
import type { PassMark } from './passMark';
import { formatPercent, roundPercent } from '../catalog/percent';
import type { Scale } from '../catalog/scale';

/*
 * Pass forecast: the practice score to expect on exam day, with an 80 % prediction interval,
 * from the engineer's own practice scores and the local days they were taken. The method, its
 * parameters and what it cannot know are in docs/forecast.md; in short:
 *
 * - a weighted least-squares line of score percent (0-100) against the local calendar day
 *   (days since the first score), each score weighing 0.5^(age / half-life) with its age in days
 *   before the latest score (half-life 30 days by default);
 * - projected to the exam day, but never further past the latest score than the scores span:
 *   beyond that horizon the projection is held flat;
 * - interval: expected ± t(0.90, n − 2) · s · √(1 + 1/n_eff + (x0 − x̄_w)² / Sxx_w);
 * - everything clamped to 0-100 and rounded to one decimal, like every percent in the app.
 *
 * Pure and vscode-free: `now` is passed in, nothing reads the clock.
 */

/** Days after which a score weighs half as much as the latest one. */
export const DEFAULT_HALF_LIFE_DAYS = 30;
/** Fewer scores leave no degrees of freedom for the residual scatter (df = n − 2 ≥ 1). */
export const MIN_SCORES = 3;
/** A line through scores all from one day has no slope to find. */
export const MIN_DAYS = 2;
/** The interval's two-sided coverage: 80 %, i.e. the 10th to the 90th percentile. */
export const INTERVAL_LEVEL = 0.8;
/** The chart series has a point per day up to this many days ahead, per week beyond. */
export const DAILY_POINTS_UP_TO = 56;

export type ForecastVerdict = 'likely pass' | 'likely fail' | 'uncertain';

/** One point of the projected series, for a chart. Percents, clamped to 0-100, one decimal. */
export interface ForecastPoint {
  date: IsoDate;
  /** Local calendar days since the first score. */
  day: number;
  expected: number;
  low: number;
  high: number;
}

/** A forecast: what to expect on the target day, and how far it may fall either side. */
export interface PassForecast {
  kind: 'forecast';
  /** `exam`: the booked exam day; `today`: no exam date, or it has passed (a note says which). */
  target: 'exam' | 'today';
  targetDate: IsoDate;
  /** Percents 0-100, one decimal; low and high bound the 80 % prediction interval. */
  expected: number;
  low: number;
  high: number;
  passPercent: number;
  /** Without probabilities: pass when even `low` clears the pass mark, fail when even `high` does not. */
  verdict: ForecastVerdict;
  /** The trend, in percentage points per week (one decimal). */
  slopePerWeek: number;
  /** Scores used. */
  n: number;
  /** The sum of the recency weights (the latest score weighs 1): n when all weigh alike. */
  nEff: number;
  halfLifeDays: number;
  lastScoreDate: IsoDate;
  /** The last day the trend is extended to; the projection is flat after it. */
  horizonDate: IsoDate;
  /** True when the target lies past the horizon, so the projection there is held flat. */
  capped: boolean;
  /** From the latest score's day to the target day, daily or weekly (the target always last). */
  points: ForecastPoint[];
  /** Plain sentences on what was assumed: the target day, the horizon. */
  notes: string[];
  limits: string;
}

/** Too little data for a trend: `have` of `need` scores, or of distinct days. */
export interface InsufficientForecast {
  kind: 'insufficient';
  have: number;
  need: number;
  unit: 'scores' | 'days';
  reason: string;
  limits: string;
}

export type Forecast = PassForecast | InsufficientForecast;

export interface ForecastInput {
  /** This certification's practice exams, in any order. */
  exams: readonly PracticeExam[];
  /** The booked exam day in the local calendar, or null. */
  examDate: IsoDate | null;
  pass: PassMark;
  now: Date;
  /** Default 30; Infinity weighs every score alike (plain least squares). At least 1. */
  halfLifeDays?: number;
}

/** One score on the day axis: x in local days since the first score, y in percent. */
interface Observation {
  day: number;
  percent: number;
}

/** The weighted line and what the interval needs from it. */
interface Fit {
  intercept: number;
  slope: number;
  xBar: number;
  sxx: number;
  nEff: number;
  /** Residual standard deviation of a full-weight score. */
  s: number;
  df: number;
}

/**
 * The forecast for one certification. Returns `insufficient` below the stated minimum (3 scores
 * on at least 2 local days), with the reason in plain words.
 */
export function passForecast(input: ForecastInput, t: Localize): Forecast {
  const halfLifeDays = checkedHalfLife(input.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
  const limits = forecastLimits(t);
  const { firstDate, observations } = toObservations(input.exams);
  const short = insufficiency(observations, t);
  if (short) return { ...short, limits };
  const fit = weightedFit(observations, recencyWeights(observations, halfLifeDays));
  const lastDay = observations.at(-1)!.day;
  const lastScoreDate = addDays(firstDate, lastDay);
  const target = targetOf(input.examDate, input.now, t);
  // A target before the latest score (only after moving time zones) is read as that day.
  const targetDay = Math.max(daysBetween(firstDate, target.date), lastDay);
  const horizonDay = 2 * lastDay; // as far past the latest score as the scores span
  const at = (day: number) => projectAt(fit, Math.min(day, horizonDay));
  const end = at(targetDay);
  const capped = targetDay > horizonDay;
  const horizonDate = addDays(firstDate, horizonDay);
  return {
    kind: 'forecast',
    target: target.kind,
    targetDate: addDays(firstDate, targetDay),
    ...end,
    passPercent: input.pass.percent,
    verdict: verdictOf(end.low, end.high, input.pass.percent),
    slopePerWeek: roundPercent(fit.slope * 7) + 0, // + 0 turns −0 into 0
    n: observations.length,
    nEff: fit.nEff,
    halfLifeDays,
    lastScoreDate,
    horizonDate,
    capped,
    points: pointDays(lastDay, targetDay).map((day) => ({ date: addDays(firstDate, day), day, ...at(day) })),
    notes: [...(target.note ? [target.note] : []), ...(capped ? [horizonNote(lastDay, horizonDate, t)] : [])],
    limits,
  };
}

/** A half-life under a day would let older weights underflow to 0; NaN would poison every sum. */
function checkedHalfLife(days: number): number {
  if (!(days >= 1)) throw new RangeError(`halfLifeDays must be at least 1 (or Infinity), got ${days}`);
  return days;
}

/**
 * Scores on the local-day axis, oldest first. The local day is the wall-clock date written in the
 * stored instant (localDayOf), so a score at 23:30 in Denver stays on its day, and days are
 * counted in whole calendar days, so a DST change (a 23- or 25-hour day) changes nothing.
 */
function toObservations(exams: readonly PracticeExam[]): { firstDate: IsoDate; observations: Observation[] } {
  const dated = exams.map((e) => ({ date: localDayOf(e.takenAt), percent: e.scorePercent })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstDate = dated[0]?.date ?? '';
  return { firstDate, observations: dated.map((d) => ({ day: daysBetween(firstDate, d.date), percent: d.percent })) };
}

/** The stated minimum: MIN_SCORES scores on MIN_DAYS distinct days; null when it is met. */
function insufficiency(observations: readonly Observation[], t: Localize): Omit<InsufficientForecast, 'limits'> | null {
  const n = observations.length;
  if (n < MIN_SCORES) {
    const reason = n === 0 ? t('{0} scores needed, none so far', MIN_SCORES) : t('{0} scores needed, {1} so far', MIN_SCORES, n);
    return { kind: 'insufficient', have: n, need: MIN_SCORES, unit: 'scores', reason };
  }
  const days = new Set(observations.map((o) => o.day)).size;
  if (days < MIN_DAYS) {
    return { kind: 'insufficient', have: days, need: MIN_DAYS, unit: 'days', reason: t('all scores are from the same day: a trend needs at least two days') };
  }
  return null;
}

/**
 * Recency weights 0.5^(age / half-life), the age counted in days before the latest score, so the
 * latest weighs 1 and a new score (the one on exam day) is treated like it. Recent retrieval
 * practice reflects what is known now better than old scores (docs/forecast.md, citations).
 */
function recencyWeights(observations: readonly Observation[], halfLifeDays: number): number[] {
  const lastDay = observations.at(-1)!.day;
  return observations.map((o) => 0.5 ** ((lastDay - o.day) / halfLifeDays));
}

/**
 * Weighted least squares of percent on day. The weights are read as precisions (an old score is
 * a noisier measure of today's knowledge), so s² = Σw·r² / (n − 2) is the variance of a
 * full-weight score and the weighted mean's variance is s² / Σw: Σw plays n_eff. With equal
 * weights all of this is ordinary least squares.
 */
function weightedFit(observations: readonly Observation[], weights: readonly number[]): Fit {
  const nEff = sum(weights);
  const xBar = sum(observations.map((o, i) => weights[i] * o.day)) / nEff;
  const yBar = sum(observations.map((o, i) => weights[i] * o.percent)) / nEff;
  const sxx = sum(observations.map((o, i) => weights[i] * (o.day - xBar) ** 2));
  const sxy = sum(observations.map((o, i) => weights[i] * (o.day - xBar) * (o.percent - yBar)));
  const slope = sxx > 0 ? sxy / sxx : 0; // sxx is 0 only if older weights underflowed: no trend then
  const intercept = yBar - slope * xBar;
  const df = observations.length - 2;
  const ssr = sum(observations.map((o, i) => weights[i] * (o.percent - (intercept + slope * o.day)) ** 2));
  return { intercept, slope, xBar, sxx, nEff, s: Math.sqrt(ssr / df), df };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The expected score and its 80 % prediction interval on day x (already held at the horizon),
 * clamped to 0-100: no score goes past the top of the scale, however steep the trend.
 */
function projectAt(fit: Fit, x: number): { expected: number; low: number; high: number } {
  const expected = fit.intercept + fit.slope * x;
  const leverage = fit.sxx > 0 ? (x - fit.xBar) ** 2 / fit.sxx : 0;
  const halfWidth = tQuantile80(fit.df) * fit.s * Math.sqrt(1 + 1 / fit.nEff + leverage);
  return { expected: clampPercent(expected), low: clampPercent(expected - halfWidth), high: clampPercent(expected + halfWidth) };
}

function clampPercent(value: number): number {
  return roundPercent(Math.min(100, Math.max(0, value))) + 0;
}

/**
 * Student's t, 0.90 quantile (the upper end of a two-sided 80 % interval), df 1-30, to four
 * decimals (from scipy.stats.t.ppf(0.9, df)); the last entry is the normal limit (df = ∞).
 */
const T90 = [
  3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.383, 1.3722, 1.3634, 1.3562, 1.3502, 1.345, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277,
  1.3253, 1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.315, 1.3137, 1.3125, 1.3114, 1.3104,
];
const T90_INFINITY = 1.2816;

/**
 * The t quantile for a two-sided 80 % interval. Beyond df 30 it is interpolated linearly in
 * 1/df between df 30 and ∞ (the usual way to read a t table; off by less than 0.001).
 */
export function tQuantile80(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
  if (df === Infinity) return T90_INFINITY;
  if (df <= 30 && Number.isInteger(df)) return T90[df - 1];
  if (df <= 30) throw new RangeError(`degrees of freedom up to 30 must be whole, got ${df}`);
  return T90_INFINITY + (T90[29] - T90_INFINITY) * (30 / df);
}

/** Probability-free: pass or fail only when the whole interval is on one side of the pass mark. */
function verdictOf(low: number, high: number, passPercent: number): ForecastVerdict {
  if (low >= passPercent) return 'likely pass';
  if (high < passPercent) return 'likely fail';
  return 'uncertain';
}

/** Exam day when booked and not past (exam day itself counts); otherwise today, with a note saying why. */
function targetOf(examDate: IsoDate | null, now: Date, t: Localize): { kind: 'exam' | 'today'; date: IsoDate; note: string | null } {
  const today = localToday(now);
  if (examDate !== null && examDate >= today) return { kind: 'exam', date: examDate, note: null };
  const note = examDate === null ? t('no exam date is booked, so this forecasts today') : t('the exam date {0} has passed, so this forecasts today', examDate);
  return { kind: 'today', date: today, note };
}

/** Says that the trend stops at the horizon, since extrapolating far past the data is unreliable. */
function horizonNote(lastDay: number, horizonDate: IsoDate, t: Localize): string {
  return t(
    'the trend is extended at most {0} days past the latest score (as long as the scores span) and held flat from {1}: further out it would be a guess',
    lastDay,
    horizonDate,
  );
}

/** Chart days from the latest score to the target: every day up to 8 weeks ahead, else every week; the target always last. */
function pointDays(fromDay: number, toDay: number): number[] {
  const step = toDay - fromDay <= DAILY_POINTS_UP_TO ? 1 : 7;
  const days: number[] = [];
  for (let day = fromDay; day < toDay; day += step) days.push(day);
  days.push(toDay);
  return days;
}

/** A percent as a score on the exam's scale: the inverse of scaledToPercent (820 for 80 % on 100-1000). */
export function percentToScaled(percent: number, scale: Scale): number {
  return scale.scaleMin + (percent / 100) * (scale.scaleMax - scale.scaleMin);
}

/**
 * The forecast in a line, on the exam's own scale where its pass mark has one:
 * "expected 78 % (70–86 %) against a pass mark of 72 %", or on AWS
 * "expected 790 (730–850) on a 100–1000 scale, pass 720". Scaled figures are whole numbers,
 * converted from the one-decimal percents.
 */
export function formatForecast(forecast: PassForecast, pass: PassMark, t: Localize): string {
  const { expected, low, high } = forecast;
  if (pass.scaled) {
    const s = pass.scaled;
    const on = (p: number) => Math.round(percentToScaled(p, s));
    return t('expected {0} ({1}–{2}) on a {3}–{4} scale, pass {5}', on(expected), on(low), on(high), s.scaleMin, s.scaleMax, s.score);
  }
  const args = [formatPercent(expected), formatPercent(low), formatPercent(high), formatPercent(pass.percent)] as const;
  if (pass.source === 'default') return t('expected {0} % ({1}–{2} %) against your default pass mark of {3} %', ...args);
  return t('expected {0} % ({1}–{2} %) against a pass mark of {3} %', ...args);
}

/** What the forecast cannot know, in plain words: shown beside it wherever it is shown. */
export function forecastLimits(t: Localize): string {
  return t(
    'This only extends your own practice scores. It cannot know the real exam form: the exam draws on its own question pool, which differs from practice sets in questions, difficulty and weighting. It cannot know test-day conditions (sleep, nerves, time pressure, the test centre or online proctoring). A practice provider\'s scores may run high or low against the real exam, and scores rise when a repeated set\'s questions are remembered. The range covers only how your scores scatter around their trend: it is not a probability of passing.',
  );
}
