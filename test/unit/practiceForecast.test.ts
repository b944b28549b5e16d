import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import type { PracticeExam } from '../../src/core/model/logs';
import { addDays as addDaysToDate } from '../../src/core/time/localDays';
import {
  formatForecast,
  passForecast,
  percentToScaled,
  tQuantile80,
  type Forecast,
  type ForecastInput,
  type PassForecast,
} from '../../src/core/practice/forecast';
import { passMarkOf, type PassMark } from '../../src/core/practice/passMark';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { samplePractice } from './support/samples';

// Every test runs in America/Denver (test/unit/support/timezone.ts). Unless a test says otherwise
// the scores are on 2026-10-01 (day 0), 10-08 (day 7) and 10-15 (day 14), the exam on 10-29
// (day 28), and today is 10-16. "H = ∞" weighs every score alike: plain least squares.
//
// t(0.90, df = 1) = 3.0777 (the table in forecast.ts), so with 3 scores the 80 % interval is
// expected ± 3.0777 · se.

const catalog = new Catalog();
const mla = catalog.get('aws-mla-c01')!; // pass 720 on 100-1000 ≈ 68.9 %
const NOW = new Date('2026-10-16T12:00:00-06:00');
const pass72: PassMark = { percent: 72, source: 'catalog', approximate: false, scaled: null };

/** Practice exams at 19:00 local time on the given days after `start`, oldest first. */
function exams(scores: number[], days: number[] = [0, 7, 14], start = '2026-10-01'): PracticeExam[] {
  return scores.map((scorePercent, i) => samplePractice({ takenAt: `${addDaysToDate(start, days[i])}T19:00:00.000-06:00`, scorePercent }));
}

function forecast(list: PracticeExam[], over: Partial<ForecastInput> = {}): Forecast {
  return passForecast({ exams: list, examDate: '2026-10-29', pass: pass72, now: NOW, halfLifeDays: Infinity, ...over }, t);
}

/** The forecast, asserting there is one. */
function made(list: PracticeExam[], over: Partial<ForecastInput> = {}): PassForecast {
  const f = forecast(list, over);
  assert.equal(f.kind, 'forecast', f.kind === 'insufficient' ? f.reason : '');
  return f as PassForecast;
}

function range(f: PassForecast): [number, number, number] {
  return [f.expected, f.low, f.high];
}

describe('practice pass forecast: weighted trend to exam day, with an 80 % interval', () => {
  it('projects a rising trend: 60, 65, 70 on days 0, 7, 14 → 80 on day 28', () => {
    // x̄ = 7, ȳ = 65; Sxx = 49 + 0 + 49 = 98; Sxy = (−7)(−5) + 0 + (7)(5) = 70
    // slope = 70 / 98 = 5/7 a day = 5 a week; intercept = 65 − 5/7 · 7 = 60
    // day 28: 60 + 5/7 · 28 = 80. Residuals all 0 → s = 0 → zero-width interval.
    const f = made(exams([60, 65, 70]));
    assert.deepEqual(range(f), [80, 80, 80]);
    assert.equal(f.slopePerWeek, 5);
    assert.equal(f.target, 'exam');
    assert.equal(f.targetDate, '2026-10-29');
    assert.equal(f.verdict, 'likely pass'); // 80 ≥ 72
    assert.equal(f.n, 3);
    assert.equal(f.nEff, 3);
    assert.equal(f.capped, false); // horizon = 14 + 14 = day 28, the exam day itself
    assert.deepEqual(f.notes, []);
  });

  it('gives the interval from the residuals: 60, 68, 70 → 81 (62.8–99.2)', () => {
    // ȳ = 66; Sxy = (−7)(−6) + 0 + (7)(4) = 70 → slope 5/7 a day; intercept 66 − 5 = 61
    // fitted 61, 66, 71; residuals −1, 2, −1; SSR = 1 + 4 + 1 = 6; s² = 6 / (3 − 2) = 6
    // day 28: expected 61 + 20 = 81
    // se = √6 · √(1 + 1/3 + (28 − 7)² / 98) = √6 · √(1 + 1/3 + 4.5) = √(6 · 35/6) = √35 = 5.9161
    // half-width = 3.0777 · 5.9161 = 18.208 → 62.792 … 99.208 → 62.8 … 99.2
    const f = made(exams([60, 68, 70]));
    assert.deepEqual(range(f), [81, 62.8, 99.2]);
    assert.equal(f.verdict, 'uncertain'); // 62.8 < 72 ≤ 99.2
  });

  it('holds a flat history flat, with a zero-width interval', () => {
    // ȳ = 70, Sxy = 0 → slope 0, intercept 70; residuals 0 → s = 0
    const f = made(exams([70, 70, 70]));
    assert.deepEqual(range(f), [70, 70, 70]);
    assert.ok(Object.is(f.slopePerWeek, 0));
    assert.equal(made(exams([70, 70, 70]), { pass: { ...pass72, percent: 70 } }).verdict, 'likely pass'); // low 70 ≥ 70
    assert.equal(f.verdict, 'likely fail'); // high 70 < 72
  });

  it('projects a falling trend: 80, 72, 70 → 64 (50.2–77.8) on day 21', () => {
    // ȳ = 74; Sxy = (−7)(6) + 0 + (7)(−4) = −70 → slope −5/7 a day = −5 a week; intercept 74 + 5 = 79
    // fitted 79, 74, 69; residuals 1, −2, 1; SSR = 6; s = √6
    // day 21: 79 − 15 = 64; se = √6 · √(1 + 1/3 + 14² / 98) = √6 · √(10/3) = √20 = 4.4721
    // half-width = 3.0777 · 4.4721 = 13.764 → 50.236 … 77.764
    const f = made(exams([80, 72, 70]), { examDate: '2026-10-22', pass: passMarkOf(undefined, 80) });
    assert.deepEqual(range(f), [64, 50.2, 77.8]);
    assert.equal(f.slopePerWeek, -5);
    assert.equal(f.verdict, 'likely fail'); // 77.8 < 80
  });

  it('says "not enough data yet" below 3 scores', () => {
    assert.deepEqual(forecast(exams([60, 65], [0, 7])), {
      kind: 'insufficient',
      have: 2,
      need: 3,
      unit: 'scores',
      reason: '3 scores needed, 2 so far',
      limits: (forecast([]) as { limits: string }).limits,
    });
    const one = forecast(exams([60], [0]));
    assert.equal(one.kind === 'insufficient' && one.reason, '3 scores needed, 1 so far');
    const none = forecast([]);
    assert.equal(none.kind === 'insufficient' && none.reason, '3 scores needed, none so far');
  });

  it('needs at least two local days: three scores on one day have no trend', () => {
    // 08:00, 13:00 and 23:30 in Denver on 2026-10-01: one local day, even though 23:30 MDT is
    // already 10-02 in UTC.
    const sameDay = ['08:00', '13:00', '23:30'].map((time, i) =>
      samplePractice({ takenAt: `2026-10-01T${time}:00.000-06:00`, scorePercent: 60 + 5 * i }),
    );
    const f = forecast(sameDay);
    assert.equal(f.kind, 'insufficient');
    assert.deepEqual(f.kind === 'insufficient' && [f.have, f.need, f.unit, f.reason], [1, 2, 'days', 'all scores are from the same day: a trend needs at least two days']);
    assert.match(f.limits, /real exam form/);
  });

  it('converts back to the exam’s scale: AWS 640, 712, 730 on 100-1000 → expected 829 (665–993), pass 720', () => {
    // Stored percents: (640 − 100) / 900 = 60, (712 − 100) / 900 = 68, (730 − 100) / 900 = 70.
    // The same as the interval test: 81 (62.8–99.2) %. Back on the scale, 100 + p/100 · 900:
    // 100 + 729 = 829; 100 + 565.2 = 665.2 → 665; 100 + 892.8 = 992.8 → 993.
    const scaled = [640, 712, 730].map((score, i) =>
      samplePractice({
        takenAt: `${addDaysToDate('2026-10-01', 7 * i)}T19:00:00.000-06:00`,
        scorePercent: ((score - 100) / 900) * 100,
        entered: { kind: 'scaled', score, scaleMin: 100, scaleMax: 1000 },
      }),
    );
    const pass = passMarkOf(mla, 75);
    const f = made(scaled, { pass });
    assert.deepEqual(range(f), [81, 62.8, 99.2]);
    assert.equal(f.passPercent, 68.9);
    assert.equal(f.verdict, 'uncertain');
    assert.equal(formatForecast(f, pass, t), 'expected 829 (665–993) on a 100–1000 scale, pass 720');
    assert.equal(percentToScaled(68.9, { scaleMin: 100, scaleMax: 1000 }), 720.1);
  });

  it('formats a percent forecast, and says when the pass mark is the default', () => {
    const f = made(exams([60, 68, 70]));
    assert.equal(formatForecast(f, pass72, t), 'expected 81 % (62.8–99.2 %) against a pass mark of 72 %');
    assert.equal(formatForecast(f, passMarkOf(undefined, 75), t), 'expected 81 % (62.8–99.2 %) against your default pass mark of 75 %');
  });

  it('clamps at 100: no forecast goes past the top of the scale', () => {
    // 80, 90, 100: slope 10 a week, intercept 80 → day 28: 120 → 100 (s = 0).
    assert.deepEqual(range(made(exams([80, 90, 100]))), [100, 100, 100]);
    // 80, 88, 90: as the interval test shifted by +20 → 101 ± 18.208 → 100 (82.8–100).
    const f = made(exams([80, 88, 90]));
    assert.deepEqual(range(f), [100, 82.8, 100]);
    assert.equal(f.verdict, 'likely pass'); // 82.8 ≥ 72
  });

  it('extends the trend no further past the latest score than the scores span, then holds it flat', () => {
    // Scores span days 0-14, so the horizon is day 14 + 14 = 28 (2026-10-29), where the line
    // is at 80 (the rising test). The exam on day 56 (2026-11-26) gets 80, not 60 + 5/7 · 56 = 100.
    const f = made(exams([60, 65, 70]), { examDate: '2026-11-26' });
    assert.deepEqual(range(f), [80, 80, 80]);
    assert.equal(f.capped, true);
    assert.equal(f.horizonDate, '2026-10-29');
    assert.deepEqual(f.notes, [
      'the trend is extended at most 14 days past the latest score (as long as the scores span) and held flat from 2026-10-29: further out it would be a guess',
    ]);
    // 42 days ahead: a point a day, from the latest score (day 14) to the exam (day 56).
    assert.equal(f.points.length, 43);
    assert.deepEqual(f.points[0], { date: '2026-10-15', day: 14, expected: 70, low: 70, high: 70 });
    assert.deepEqual(f.points[7], { date: '2026-10-22', day: 21, expected: 75, low: 75, high: 75 });
    assert.deepEqual(f.points[14], { date: '2026-10-29', day: 28, expected: 80, low: 80, high: 80 });
    assert.deepEqual(f.points.at(-1), { date: '2026-11-26', day: 56, expected: 80, low: 80, high: 80 });
  });

  it('weighs recent scores more: a recent plateau lowers the forecast', () => {
    // 60, 74, 74 on days 0, 7, 14. Equal weights: ȳ = 69.33, Sxy = (−7)(−9.33) + 0 + 7(4.67) = 98
    // → slope 1 a day, intercept 69.33 − 7 = 62.33 → day 28: 90.33.
    assert.equal(made(exams([60, 74, 74])).expected, 90.3);
    // Half-life 7: ages 14, 7, 0 → weights 0.25, 0.5, 1; Σw = 1.75
    // x̄w = (0 + 3.5 + 14) / 1.75 = 10; ȳw = (15 + 37 + 74) / 1.75 = 72
    // Sxx = 0.25·100 + 0.5·9 + 1·16 = 45.5; Sxy = 0.25(−10)(−12) + 0.5(−3)(2) + 1(4)(2) = 30 − 3 + 8 = 35
    // slope = 35 / 45.5 = 10/13 a day (5.4 a week); day 28: 72 + 18 · 10/13 = 85.846
    // residuals −56/13, 56/13, −14/13; s² = (0.75 · 3136 + 196) / 169 / 1 = 15.077
    // se = √(15.077 · (1 + 1/1.75 + 18² / 45.5)) = √(15.077 · 8.6923) = 11.448; half-width 3.0777 · 11.448 = 35.233
    // → 50.613 … 121.08 → 50.6 … 100
    const f = made(exams([60, 74, 74]), { halfLifeDays: 7 });
    assert.deepEqual(range(f), [85.8, 50.6, 100]);
    assert.equal(f.slopePerWeek, 5.4);
    assert.equal(f.nEff, 1.75);
    // The default half-life (30 days) lies between: weights 0.72, 0.85, 1 → 89.2.
    const byDefault = made(exams([60, 74, 74]), { halfLifeDays: undefined });
    assert.equal(byDefault.halfLifeDays, 30);
    assert.equal(byDefault.expected, 89.2);
  });

  it('counts whole local days across Denver’s DST changes', () => {
    // Spring forward on 2026-03-08. 2026-03-07 12:00 MST and 2026-03-09 00:30 MDT are only 35.5
    // hours apart, but two local days: days 0, 2, 3. 60, 64, 66 lie on 60 + 2·day (s = 0);
    // span 3 → horizon day 6 = the exam on 2026-03-13 → 72.
    const spring = ['2026-03-07T12:00:00.000-07:00', '2026-03-09T00:30:00.000-06:00', '2026-03-10T00:30:00.000-06:00'].map((takenAt, i) =>
      samplePractice({ takenAt, scorePercent: [60, 64, 66][i] }),
    );
    const s = made(spring, { examDate: '2026-03-13', now: new Date('2026-03-10T12:00:00-06:00') });
    assert.deepEqual(range(s), [72, 72, 72]);
    assert.equal(s.slopePerWeek, 14);
    assert.deepEqual(
      s.points.map((p) => [p.date, p.day, p.expected]),
      [['2026-03-10', 3, 66], ['2026-03-11', 4, 68], ['2026-03-12', 5, 70], ['2026-03-13', 6, 72]],
    );
    // Fall back on 2026-11-01: 10-31 23:30 MDT to 11-01 23:30 MST is 25 hours but one day, and
    // 11-02 00:10 MST forty minutes later is the next day: days 0, 1, 2 (not 0, 1, 1 by hours).
    const fall = ['2026-10-31T23:30:00.000-06:00', '2026-11-01T23:30:00.000-07:00', '2026-11-02T00:10:00.000-07:00'].map((takenAt, i) =>
      samplePractice({ takenAt, scorePercent: [60, 62, 64][i] }),
    );
    const f = made(fall, { examDate: '2026-11-04', now: new Date('2026-11-02T12:00:00-07:00') });
    assert.equal(f.lastScoreDate, '2026-11-02');
    assert.deepEqual(range(f), [68, 68, 68]); // 60 + 2 · 4
  });

  it('forecasts today, and says so, without an exam date or once it has passed', () => {
    // Today 10-16 is day 15: 60 + 5/7 · 15 = 70.714 → 70.7.
    const none = made(exams([60, 65, 70]), { examDate: null });
    assert.equal(none.target, 'today');
    assert.equal(none.targetDate, '2026-10-16');
    assert.equal(none.expected, 70.7);
    assert.deepEqual(none.notes, ['no exam date is booked, so this forecasts today']);
    const past = made(exams([60, 65, 70]), { examDate: '2026-10-10' });
    assert.equal(past.target, 'today');
    assert.deepEqual(past.notes, ['the exam date 2026-10-10 has passed, so this forecasts today']);
    // The exam on today's date is exam day, not the past.
    assert.equal(made(exams([60, 65, 70]), { examDate: '2026-10-16' }).target, 'exam');
  });

  it('charts weekly beyond eight weeks ahead, ending on the exam day', () => {
    // Scores on days 0, 30, 60; exam on day 130 (70 days ahead): 60, 67, …, 123, then 130.
    const f = made(exams([60, 65, 70], [0, 30, 60]), { examDate: addDaysToDate('2026-10-01', 130) });
    assert.deepEqual(
      f.points.map((p) => p.day),
      [60, 67, 74, 81, 88, 95, 102, 109, 116, 123, 130],
    );
    assert.equal(f.capped, true); // horizon day 120
  });

  it('reads Student’s t for a two-sided 80 % interval', () => {
    assert.equal(tQuantile80(1), 3.0777);
    assert.equal(tQuantile80(10), 1.3722);
    assert.equal(tQuantile80(30), 1.3104);
    assert.equal(tQuantile80(Infinity), 1.2816);
    // df 60: 1.2816 + (1.3104 − 1.2816) · 30/60 = 1.296 (the exact value is 1.2958)
    assert.ok(Math.abs(tQuantile80(60) - 1.296) < 1e-9);
    assert.throws(() => tQuantile80(0), RangeError);
  });

  it('refuses a half-life under a day', () => {
    assert.throws(() => forecast(exams([60, 65, 70]), { halfLifeDays: 0 }), RangeError);
    assert.throws(() => forecast(exams([60, 65, 70]), { halfLifeDays: Number.NaN }), RangeError);
  });
});
