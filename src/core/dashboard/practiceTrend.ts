import type { Catalog } from '../catalog/catalog';
import type { PracticeExam } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { CertOption, PracticeForecast, PracticeTrend } from '../../webviews/dashboard/protocol';
import { forecastLimits, passForecast, type Forecast } from '../practice/forecast';
import { passMarkOf, type PassMark } from '../practice/passMark';
import { forecastSentence } from '../practice/treeRows';
import { formatPercent } from '../catalog/percent';
import { readiness } from '../practice/readiness';
import type { PracticeSettings } from '../practice/settings';
import { localDayOf } from '../time/localDays';
import type { Localize } from '../util/localize';
import { runSteps, type Steps } from '../util/slices';

export interface PracticeTrendInput {
  exams: readonly PracticeExam[];
  certs: readonly CertOption[];
  catalog: Catalog;
  settings: PracticeSettings;
  from: IsoDate;
  today: IsoDate;
  /** The pass forecast's clock (passForecast reads none). */
  now: Date;
  /** The booked exam day of each tracked certification; a key left out has none. */
  examDates?: ReadonlyMap<string, IsoDate | null>;
}

/**
 * Practice-exam scores over time per certification, with the pass mark (as a percent, the way
 * the tree compares it) and the readiness line, pass mark + margin. The verdict and the pass
 * forecast use every practice exam of the certification, like the tree and its hover; the points
 * are the ones in the range. The forecast runs to the booked exam day (`examDates`), or today.
 */
export function practiceTrend(input: PracticeTrendInput, t: Localize): PracticeTrend {
  return runSteps(practiceTrendSteps(input, t));
}

/** practiceTrend a certification at a time (its pass forecast is most of the work). */
export function* practiceTrendSteps(input: PracticeTrendInput, t: Localize): Steps<PracticeTrend> {
  const byCert = new Map<string, PracticeExam[]>();
  for (const e of input.exams) {
    const list = byCert.get(e.certKey);
    if (list) list.push(e);
    else byCert.set(e.certKey, [e]);
  }
  const series: PracticeTrend['series'] = [];
  const sentences: string[] = [];
  for (const cert of input.certs) {
    const exams = (byCert.get(cert.key) ?? []).slice().sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
    const inRange = exams.filter((e) => {
      const day = localDayOf(e.takenAt);
      return day >= input.from && day <= input.today;
    });
    if (inRange.length === 0) continue;
    const entry = input.catalog.get(cert.key);
    const pass = passMarkOf(entry, input.settings.defaultPassPercent);
    const verdict = readiness({ entry, exams, pass, settings: input.settings }, t);
    const word = verdict.ready ? t('Ready') : t('Not yet');
    const forecast = passForecast({ exams, examDate: input.examDates?.get(cert.key) ?? null, pass, now: input.now }, t);
    series.push({
      key: cert.key,
      name: cert.name,
      pass: pass.percent,
      threshold: verdict.threshold,
      ready: verdict.ready,
      readiness: `${word} · ${verdict.reasons.map((r) => r.text).join('; ')}`,
      points: inRange.map((e) => ({ day: localDayOf(e.takenAt), percent: e.scorePercent, source: e.source })),
      forecast: forecastSeries(forecast, pass, t),
    });
    const latest = inRange[inRange.length - 1].scorePercent;
    sentences.push(t('{0}: {1} practice exams, latest {2} %, pass mark {3} %, ready at {4} %: {5}', cert.name, inRange.length, formatPercent(latest), formatPercent(pass.percent), formatPercent(verdict.threshold), word));
    yield 'practice';
  }
  const limits = series.some((s) => s.forecast.kind === 'forecast') ? forecastLimits(t) : '';
  return { series, summary: sentences.length ? `${sentences.join('; ')}.` : '', forecastLimits: limits };
}

/**
 * The forecast as the chart draws it: its series of expected, low and high (percents, like the
 * chart's scores) from the latest score's day to the target day, and the hover's sentence, which
 * is on the exam's own scale where the pass mark has one.
 */
export function forecastSeries(forecast: Forecast, pass: PassMark, t: Localize): PracticeForecast {
  const text = forecastSentence(forecast, pass, t);
  if (forecast.kind === 'insufficient') return { kind: 'insufficient', reason: forecast.reason, text };
  const { target, targetDate, expected, low, high, verdict } = forecast;
  const points = forecast.points.map((p) => ({ day: p.date, expected: p.expected, low: p.low, high: p.high }));
  return { kind: 'forecast', target, targetDate, expected, low, high, verdict, points, text };
}
