import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { addDays, daysBetween, isoWeekLabel, mondayOf } from '../../src/core/time/localDays';
import { domainTime } from '../../src/core/dashboard/domainTime';
import { practiceTrend } from '../../src/core/dashboard/practiceTrend';
import { rangeWeeks } from '../../src/core/dashboard/range';
import { dayLevel, studyDays } from '../../src/core/dashboard/studyDays';
import { mergeDays, minutesByCertAndDay } from '../../src/core/dashboard/studyIndex';
import { targetProgress } from '../../src/core/dashboard/targetProgress';
import { weeklyHours } from '../../src/core/dashboard/weeklyHours';
import type { StudySession } from '../../src/core/model/logs';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { samplePractice, sampleSession } from './support/samples';

// All in America/Denver (test/unit/support/timezone.ts): UTC-6 until 2026-11-01, UTC-7 after.
// "Today" is Tuesday 2026-12-01; its ISO week starts on Monday 2026-11-30 (2026-W49).
const TODAY = '2026-12-01';
const NOW = new Date('2026-12-01T12:00:00.000-07:00');
const MLA = 'aws-mla-c01';
const PMLE = 'google-pmle';
const CERTS = [
  { key: MLA, name: 'AWS MLA-C01' },
  { key: PMLE, name: 'Google PMLE' },
];

function session(start: string, end: string, certKey = MLA, domainId: string | null = null): StudySession {
  return sampleSession({ certKey, start, end, domainId });
}

/** The weekly fixture, checked by hand (minutes per local day, in each session's own offset):
 *  - Sun 11-22 23:30 → Mon 11-23 00:30 (MLA): 30 min on Sunday (week of 11-16), 30 on Monday (week of 11-23);
 *  - Mon 11-23 08:00–09:30 (MLA): 90 min, week of 11-23;
 *  - Wed 11-25 07:00–08:00 (PMLE): 60 min, week of 11-23;
 *  - Sun 11-29 23:00 → Mon 11-30 00:30 at UTC-5 (MLA, logged in New York): 60 min on Sunday
 *    (week of 11-23) and 30 on Monday (week of 11-30), by the offset it was recorded in;
 *  - Mon 10-05 08:00–10:00 at UTC-6 (MLA): 120 min, before the four weeks;
 *  - Wed 12-02 (tomorrow) 08:00–09:00 (MLA): after today, left out.
 */
const SESSIONS = [
  session('2026-11-22T23:30:00.000-07:00', '2026-11-23T00:30:00.000-07:00'),
  session('2026-11-23T08:00:00.000-07:00', '2026-11-23T09:30:00.000-07:00'),
  session('2026-11-25T07:00:00.000-07:00', '2026-11-25T08:00:00.000-07:00', PMLE),
  session('2026-11-29T23:00:00.000-05:00', '2026-11-30T00:30:00.000-05:00'),
  session('2026-10-05T08:00:00.000-06:00', '2026-10-05T10:00:00.000-06:00'),
  session('2026-12-02T08:00:00.000-07:00', '2026-12-02T09:00:00.000-07:00'),
];

describe('dashboard: local calendar and ISO weeks', () => {
  it('finds the Monday of a week, Monday itself and Sunday included', () => {
    assert.equal(mondayOf('2026-11-26'), '2026-11-23');
    assert.equal(mondayOf('2026-11-23'), '2026-11-23');
    assert.equal(mondayOf('2026-11-29'), '2026-11-23');
    assert.equal(mondayOf('2026-03-08'), '2026-03-02', 'the Sunday clocks spring forward');
  });

  it('numbers ISO weeks by the year of their Thursday (2026 has 53)', () => {
    assert.equal(isoWeekLabel('2026-11-23'), '2026-W48');
    assert.equal(isoWeekLabel('2026-01-01'), '2026-W01');
    assert.equal(isoWeekLabel('2025-12-29'), '2026-W01', 'Monday of the week with 2026-01-01 (a Thursday)');
    assert.equal(isoWeekLabel('2027-01-01'), '2026-W53', 'a Friday: still the last week of 2026');
    assert.equal(isoWeekLabel('2027-01-04'), '2027-W01');
  });

  it('adds days across daylight-saving changes as whole calendar days', () => {
    assert.equal(addDays('2026-03-07', 1), '2026-03-08');
    assert.equal(addDays('2026-03-08', 1), '2026-03-09');
    assert.equal(addDays('2026-11-01', 1), '2026-11-02');
    assert.equal(daysBetween('2026-03-01', '2026-04-01'), 31);
    assert.equal(daysBetween('2026-12-01', '2026-11-24'), -7);
  });

  it('gives 4, 12 and 26 weeks ending with this week, and everything from the first week logged', () => {
    const four = rangeWeeks('4w', TODAY, '2026-10-05');
    assert.deepEqual(four, [
      { start: '2026-11-09', label: '2026-W46' },
      { start: '2026-11-16', label: '2026-W47' },
      { start: '2026-11-23', label: '2026-W48' },
      { start: '2026-11-30', label: '2026-W49' },
    ]);
    assert.equal(rangeWeeks('12w', TODAY, undefined)[0].start, '2026-09-14');
    assert.equal(rangeWeeks('26w', TODAY, undefined).length, 26);
    const all = rangeWeeks('all', TODAY, '2026-10-07');
    assert.equal(all[0].start, '2026-10-05');
    assert.equal(all.length, 9);
    assert.deepEqual(rangeWeeks('all', TODAY, undefined), [{ start: '2026-11-30', label: '2026-W49' }], 'nothing logged: this week');
  });
});

describe('dashboard: weekly study hours', () => {
  const weeks = rangeWeeks('4w', TODAY, undefined);
  const byCert = minutesByCertAndDay(SESSIONS);

  it('buckets by local day into ISO weeks, a session over midnight into both days, stacked by certification', () => {
    const result = weeklyHours({ byCert, certs: CERTS, weeks, today: TODAY, goalHours: 5 }, t);
    assert.deepEqual(result.series, [
      { key: MLA, name: 'AWS MLA-C01', hours: [0, 0.5, 3, 0.5] },
      { key: PMLE, name: 'Google PMLE', hours: [0, 0, 1, 0] },
    ]);
    assert.deepEqual(result.totals, [0, 0.5, 4, 0.5]);
    assert.equal(result.goalHours, 5);
    assert.equal(result.summary, '5 h in 4 weeks, 1.3 h a week on average; the 5 h goal reached in 0 of 4 weeks.');
  });

  it('leaves out certifications with nothing in the range, and counts weeks at the goal', () => {
    const result = weeklyHours({ byCert, certs: [...CERTS, { key: 'azure-ai-103', name: 'Azure AI-103' }], weeks, today: TODAY, goalHours: 2 }, t);
    assert.deepEqual(result.series.map((s) => s.key), [MLA, PMLE]);
    assert.match(result.summary, /the 2 h goal reached in 1 of 4 weeks\.$/);
    assert.doesNotMatch(weeklyHours({ byCert, certs: CERTS, weeks, today: TODAY, goalHours: 0 }, t).summary, /goal/);
  });
});

describe('dashboard: hours against target (cumulative)', () => {
  it('adds up week by week, starting from everything studied before the range', () => {
    const weeks = rangeWeeks('4w', TODAY, undefined);
    const result = targetProgress(
      {
        byCert: minutesByCertAndDay(SESSIONS),
        certs: [
          { key: MLA, name: 'AWS MLA-C01', targetMinutes: 600 },
          { key: PMLE, name: 'Google PMLE', targetMinutes: null },
          { key: 'azure-ai-103', name: 'Azure AI-103', targetMinutes: null },
        ],
        weeks,
        today: TODAY,
      },
      t,
    );
    // MLA: 120 min before the range, then +0, +30, +180, +30 (tomorrow's session does not count).
    assert.deepEqual(result.series, [
      { key: MLA, name: 'AWS MLA-C01', hours: [2, 2.5, 5.5, 6], targetHours: 10 },
      { key: PMLE, name: 'Google PMLE', hours: [0, 0, 1, 1], targetHours: null },
    ]);
    assert.equal(result.summary, 'AWS MLA-C01 6 of 10 h (60 %); Google PMLE 1 h, no target.');
  });
});

describe('dashboard: practice-exam trend', () => {
  it('plots the range, with the pass mark as a percent, the readiness line and the verdict over all exams', () => {
    const exams = [
      samplePractice({ takenAt: '2026-10-01T19:00:00.000-06:00', scorePercent: 90 }),
      samplePractice({ takenAt: '2026-11-28T19:00:00.000-07:00', scorePercent: 81, source: 'Tutorials Dojo' }),
      samplePractice({ takenAt: '2026-11-10T19:00:00.000-07:00', scorePercent: 62 }),
      samplePractice({ takenAt: '2026-11-20T19:00:00.000-07:00', scorePercent: 75 }),
      samplePractice({ certKey: 'custom:acme', takenAt: '2026-11-21T19:00:00.000-07:00', scorePercent: 79, source: null }),
    ];
    const catalog = new Catalog(undefined, [{ key: 'custom:acme', name: 'Acme ML', provider: 'Acme', domains: [], passMarkPercent: null, validityMonths: null }]);
    const result = practiceTrend(
      { exams, certs: [...CERTS, { key: 'custom:acme', name: 'Acme ML' }], catalog, settings: DEFAULT_PRACTICE_SETTINGS, from: '2026-11-09', today: TODAY, now: NOW },
      t,
    );
    assert.equal(result.series.length, 2, 'PMLE has no practice exam');
    const [mla, acme] = result.series;
    // 720 on AWS's 100–1000 scale is (720 − 100) / 900 = 68.9 %; ready at 68.9 + 5.
    assert.equal(mla.pass, 68.9);
    assert.equal(mla.threshold, 73.9);
    assert.deepEqual(mla.points, [
      { day: '2026-11-10', percent: 62, source: 'Official practice question set' },
      { day: '2026-11-20', percent: 75, source: 'Official practice question set' },
      { day: '2026-11-28', percent: 81, source: 'Tutorials Dojo' },
    ]);
    assert.equal(mla.ready, false, 'the last three are 62, 75, 81: 62 is below 73.9');
    assert.match(mla.readiness, /^Not yet · last 3 scores 62, 75, 81, not all ≥ 73\.9/);
    // Unknown pass mark: the default 75 %, ready at 80.
    assert.deepEqual([acme.pass, acme.threshold, acme.points[0].percent], [75, 80, 79]);
    assert.match(acme.readiness, /pass mark unknown: your default 75 % is used/);
    assert.equal(result.summary, 'AWS MLA-C01: 3 practice exams, latest 81 %, pass mark 68.9 %, ready at 73.9 %: Not yet; Acme ML: 1 practice exams, latest 79 %, pass mark 75 %, ready at 80 %: Not yet.');
  });
});

describe('dashboard: the pass forecast on the practice chart', () => {
  /**
   * Scores 55, 65, 72 on 2026-09-02, 10-02 and 11-01 (days 0, 30, 60), so the default half-life
   * of 30 days weighs them 0.25, 0.5 and 1 (W = 1.75). By hand, in fractions:
   *   x̄ = 75 / 1.75 = 300/7, ȳ = 118.25 / 1.75 = 473/7;
   *   Sxx = (0.25·300² + 0.5·90² + 120²) / 49 = 40950/49, Sxy = (0.25·300·88 + 0.5·90·18 + 120·31) / 49 = 11130/49;
   *   b = 11130/40950 = 53/195 a day (1.9 a week), a = 473/7 − b·300/7 = 5089/91 = 55.92;
   *   residuals −84/91, 84/91, −21/91: s² = (0.75·84² + 21²) / 91² / (3 − 2) = 9/13, s = 0.8321.
   * Exam 2026-12-15 is day 104 (before the horizon, day 120):
   *   ŷ = 55.92 + 104·53/195 = 84.19; se = s·√(1 + 1/1.75 + (104 − 300/7)² / Sxx) = 0.8321·√6.0448 = 2.0457;
   *   t(0.90, 1) = 3.0777: 84.19 ± 6.30 = 84.2 (77.9–90.5).
   * On the latest score's day (60): ŷ = 6573/91 = 72.23, se = 0.8321·√(1 + 1/1.75 + (120/7)² / Sxx) = 1.1538:
   *   72.23 ± 3.55 = 72.2 (68.7–75.8).
   * MLA-C01's pass mark is 720 on 100–1000 (68.9 %): the band's low end clears it, a likely pass;
   * on that scale 84.2, 77.9 and 90.5 % are 100 + 9·p = 858, 801 and 915.
   */
  const exams = [
    samplePractice({ takenAt: '2026-09-02T19:00:00.000-06:00', scorePercent: 55 }),
    samplePractice({ takenAt: '2026-11-01T19:00:00.000-07:00', scorePercent: 72 }),
    samplePractice({ takenAt: '2026-10-02T19:00:00.000-06:00', scorePercent: 65 }),
    samplePractice({ certKey: PMLE, takenAt: '2026-11-20T19:00:00.000-07:00', scorePercent: 70 }),
    samplePractice({ certKey: PMLE, takenAt: '2026-11-27T19:00:00.000-07:00', scorePercent: 74 }),
  ];
  const trend = (examDates: Map<string, string | null>) =>
    practiceTrend({ exams, certs: CERTS, catalog: new Catalog(), settings: DEFAULT_PRACTICE_SETTINGS, from: '2026-06-01', today: TODAY, now: NOW, examDates }, t);

  it('projects to the exam day: the band ends on the forecast’s interval there, in percent like the scores', () => {
    const result = trend(new Map([[MLA, '2026-12-15']]));
    const f = result.series[0].forecast;
    assert.equal(f.kind, 'forecast');
    if (f.kind !== 'forecast') return;
    assert.deepEqual([f.target, f.targetDate, f.expected, f.low, f.high, f.verdict], ['exam', '2026-12-15', 84.2, 77.9, 90.5, 'likely pass']);
    // A point a day from the latest score (day 60) to the exam (day 104): 45 of them.
    assert.equal(f.points.length, 45);
    assert.deepEqual(f.points[0], { day: '2026-11-01', expected: 72.2, low: 68.7, high: 75.8 });
    assert.deepEqual(f.points.at(-1), { day: '2026-12-15', expected: 84.2, low: 77.9, high: 90.5 }, 'the band at the target day is the interval');
    assert.ok(f.points.every((p, i) => i === 0 || p.day === addDays(f.points[i - 1].day, 1)));
    assert.ok(f.points.every((p) => p.low <= p.expected && p.expected <= p.high));
    // The sentence is the hover's, on the exam's own scale.
    assert.equal(f.text, 'Pass forecast for exam day (2026-12-15): expected 858 (801–915) on a 100–1000 scale, pass 720: likely pass.');
    assert.match(result.forecastLimits, /cannot know the real exam form/);
  });

  it('forecasts today with no exam booked, and says why there is none with too few scores', () => {
    const result = trend(new Map([[MLA, null]]));
    const [mla, pmle] = result.series;
    assert.equal(mla.forecast.kind === 'forecast' && mla.forecast.target, 'today');
    assert.equal(mla.forecast.kind === 'forecast' && mla.forecast.points.at(-1)!.day, TODAY);
    assert.match(mla.forecast.text, /^Pass forecast for today \(2026-12-01, no exam date ahead\): .* No exam date is booked, so this forecasts today\.$/);
    assert.deepEqual(pmle.forecast, {
      kind: 'insufficient',
      reason: '3 scores needed, 2 so far',
      text: 'Pass forecast: not enough data yet (3 scores needed, 2 so far).',
    });
    const none = practiceTrend({ exams: exams.slice(3), certs: CERTS, catalog: new Catalog(), settings: DEFAULT_PRACTICE_SETTINGS, from: '2026-06-01', today: TODAY, now: NOW }, t);
    assert.equal(none.forecastLimits, '', 'no forecast, nothing to qualify');
  });
});

describe('dashboard: time by domain against exam weight', () => {
  it('shares of the tagged time beside the weights; untagged and unknown domains apart', () => {
    const sessions = [
      session('2026-11-23T08:00:00.000-07:00', '2026-11-23T09:30:00.000-07:00', MLA, 'data-preparation'),
      session('2026-11-24T08:00:00.000-07:00', '2026-11-24T08:30:00.000-07:00', MLA, 'ml-model-development'),
      session('2026-11-25T08:00:00.000-07:00', '2026-11-25T09:00:00.000-07:00', MLA, null),
      session('2026-11-26T08:00:00.000-07:00', '2026-11-26T08:30:00.000-07:00', MLA, 'a-domain-the-exam-dropped'),
      // Before the range: not counted.
      session('2026-10-05T08:00:00.000-06:00', '2026-10-05T10:00:00.000-06:00', MLA, 'data-preparation'),
    ];
    const result = domainTime({ sessions, certs: [{ key: MLA, name: 'AWS MLA-C01', active: true }], catalog: new Catalog(), from: '2026-11-09', today: TODAY }, t);
    assert.equal(result.certs.length, 1);
    const [mla] = result.certs;
    assert.equal(mla.untaggedHours, 1.5);
    assert.deepEqual(
      mla.rows.map((r) => [r.id, r.hours, r.sharePercent, r.weightPercent, r.weightKnown]),
      [
        ['data-preparation', 1.5, 75, 28, true],
        ['ml-model-development', 0.5, 25, 26, true],
        ['deployment-and-orchestration', 0, 0, 22, true],
        ['monitoring-maintenance-and-security', 0, 0, 24, true],
      ],
    );
    assert.equal(result.summary, 'AWS MLA-C01: 2 h tagged with a domain; ML Solution Monitoring, Maintenance, and Security has 0 % of your time against 24 % of the exam.');
  });

  it('assumes an equal share where the weight is unknown, and shows an active certification with no time yet', () => {
    const catalog = new Catalog(undefined, [
      {
        key: 'custom:acme',
        name: 'Acme ML',
        provider: 'Acme',
        domains: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), weightPercent: null })),
        passMarkPercent: null,
        validityMonths: null,
      },
    ]);
    const certs = [
      { key: 'custom:acme', name: 'Acme ML', active: true },
      { key: PMLE, name: 'Google PMLE', active: false },
    ];
    const result = domainTime({ sessions: [], certs, catalog, from: '2026-11-09', today: TODAY }, t);
    assert.deepEqual(result.certs.map((c) => c.key), ['custom:acme'], 'an inactive certification without time is left out');
    assert.deepEqual(result.certs[0].rows.map((r) => [r.sharePercent, r.weightPercent, r.weightKnown]), [
      [0, 33.3, false],
      [0, 33.3, false],
      [0, 33.3, false],
    ]);
  });
});

describe('dashboard: study days and streaks', () => {
  it('levels a day by its minutes against the daily minimum', () => {
    assert.deepEqual([0, 10, 20, 59, 60, 119, 120].map((m) => dayLevel(m, 20)), [0, 1, 2, 2, 3, 3, 4]);
  });

  it('lays out six months of days from a Monday to today, with the current and best streak', () => {
    const daily = (day: string, minutes: number) => session(`${day}T08:00:00.000-07:00`, new Date(Date.parse(`${day}T08:00:00.000-07:00`) + minutes * 60_000).toISOString());
    const sessions = [
      // Best run: five days in a row in October (UTC-6 then; written here in UTC-7, same days).
      ...['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'].map((d) => daily(d, 30)),
      // Current run: four days up to today; Saturday only 10 minutes, below the minimum.
      daily('2026-11-27', 10),
      ...['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'].map((d) => daily(d, 45)),
      // Over midnight: 30 minutes on each day.
      session('2026-11-22T23:30:00.000-07:00', '2026-11-23T00:30:00.000-07:00'),
    ];
    const result = studyDays({ byDay: mergeDays(minutesByCertAndDay(sessions).values()), today: TODAY, dailyMinimumMinutes: 20, restDays: [] }, t);
    assert.equal(result.from, '2026-06-08', 'the Monday 25 weeks before this week');
    assert.equal(result.to, TODAY);
    assert.equal(result.days.length, 177);
    assert.equal(result.days[0].day, '2026-06-08');
    assert.equal(result.days.at(-1)!.day, TODAY);
    const on = (day: string) => result.days.find((d) => d.day === day);
    assert.deepEqual(on('2026-11-27'), { day: '2026-11-27', minutes: 10, level: 1 });
    assert.deepEqual(on('2026-11-28'), { day: '2026-11-28', minutes: 45, level: 2 });
    assert.deepEqual([on('2026-11-22')!.minutes, on('2026-11-23')!.minutes], [30, 30]);
    assert.deepEqual([result.current, result.best], [4, 5]);
    assert.equal(result.summary, '11 of 177 days studied since 2026-06-08 (a day counts from 20 min); current streak 4 days, best 5 days.');
    assert.equal(result.streaks, 'Current streak: 4 days · best: 5 days');
  });

  it('counts rest days as neither breaking nor making a streak', () => {
    const daily = (day: string) => session(`${day}T08:00:00.000-07:00`, `${day}T09:00:00.000-07:00`);
    // Friday, Saturday, (Sunday off), Monday, Tuesday.
    const sessions = ['2026-11-27', '2026-11-28', '2026-11-30', '2026-12-01'].map(daily);
    const byDay = mergeDays(minutesByCertAndDay(sessions).values());
    assert.equal(studyDays({ byDay, today: TODAY, dailyMinimumMinutes: 20, restDays: ['sun'] }, t).current, 4);
    assert.equal(studyDays({ byDay, today: TODAY, dailyMinimumMinutes: 20, restDays: [] }, t).current, 2);
  });
});
