import assert from 'node:assert/strict';
import { addDays } from '../../src/core/time/localDays';
import { paceForecast, sortForecasts, type PaceInput } from '../../src/core/dashboard/pace';
import { minutesByCertAndDay } from '../../src/core/dashboard/studyIndex';
import type { StudySession } from '../../src/core/model/logs';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { sampleSession } from './support/samples';

// Denver, today Tuesday 2026-12-01. The 28-day window is 2026-11-04 to 2026-12-01.
const TODAY = '2026-12-01';

/** One hour a day on each of the `count` days ending `lastDay`. */
function hourADay(lastDay: string, count: number): StudySession[] {
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(lastDay, -i);
    return sampleSession({ start: `${day}T08:00:00.000-07:00`, end: `${day}T09:00:00.000-07:00` });
  });
}

function forecast(sessions: StudySession[], fields: Partial<PaceInput> = {}) {
  const days = minutesByCertAndDay(sessions).get('aws-mla-c01') ?? new Map();
  return paceForecast({ key: 'aws-mla-c01', name: 'AWS MLA-C01', targetMinutes: 50 * 60, examDate: null, days, today: TODAY, ...fields }, t);
}

describe('dashboard: pace forecast', () => {
  // 28 h studied, all in the last 28 days: a pace of exactly 1 h/day; 50 h target, 22 h to go,
  // reached on the 22nd day counting today: 2026-12-22.
  const steady = hourADay(TODAY, 28);

  it('is on track when the target is reached before the exam day', () => {
    const f = forecast(steady, { examDate: '2026-12-31' });
    assert.equal(f.verdict, 'on-track');
    assert.equal(f.headline, 'On track');
    assert.equal(f.reachOn, '2026-12-22');
    assert.deepEqual([f.studiedHours, f.targetHours, f.paceHoursPerDay], [28, 50, 1]);
    assert.equal(f.detail, 'At 1 h/day (your pace over the last 28 days) the 50 h target is reached on 2026-12-22, 9 d before the exam on 2026-12-31 (in 30 d).');
    // The last day that is still on track: reached the day before the exam.
    assert.equal(forecast(steady, { examDate: '2026-12-23' }).verdict, 'on-track');
  });

  it('says how many hours behind, and the hours a day needed from today, when it is not', () => {
    // 10 study days left (today to 12-10): 10 h at this pace, 22 h to go → 12 h behind, 2.2 h/day.
    const f = forecast(steady, { examDate: '2026-12-11' });
    assert.equal(f.verdict, 'behind');
    assert.equal(f.headline, '12 hours behind, 2.2 h/day needed');
    assert.equal(f.detail, 'At 1 h/day (your pace over the last 28 days) the 50 h target is reached on 2026-12-22, 11 d after the exam; 22 h to go before the exam on 2026-12-11 (in 10 d).');
  });

  it('rounds the hours a day needed up, and says one hour in the singular', () => {
    // 21 days left: 1 h behind; 22 / 21 = 1.048 h/day, rounded up to 1.1.
    const f = forecast(steady, { examDate: '2026-12-22' });
    assert.equal(f.headline, '1 hour behind, 1.1 h/day needed');
    assert.match(f.detail, /reached on 2026-12-22, on the day of the exam;/);
  });

  it('with no study in the last 28 days: all of the rest is behind, never reached', () => {
    const old = hourADay('2026-10-31', 28);
    const f = forecast(old, { examDate: '2026-12-11' });
    assert.equal(f.verdict, 'behind');
    assert.equal(f.paceHoursPerDay, 0);
    assert.equal(f.reachOn, null);
    assert.equal(f.headline, '22 hours behind, 2.2 h/day needed');
    assert.equal(f.detail, 'No study in the last 28 days, so at this pace the 50 h target is never reached; 22 h to go before the exam on 2026-12-11 (in 10 d).');
    const noExam = forecast(old);
    assert.equal(noExam.verdict, 'no-pace');
    assert.equal(noExam.headline, 'No study in the last 28 days');
    assert.equal(noExam.detail, 'At this pace the 50 h target is never reached: 22 h to go. No exam date booked.');
  });

  it('says the target is reached when it already is, whatever the pace or the exam', () => {
    const f = forecast(steady, { targetMinutes: 20 * 60, examDate: '2026-12-11' });
    assert.equal(f.verdict, 'reached');
    assert.equal(f.headline, 'Target reached');
    assert.equal(f.detail, '28 of 20 h studied.');
    assert.equal(forecast(steady, { targetMinutes: 28 * 60 }).verdict, 'reached', 'exactly at the target');
    assert.equal(forecast([], { targetMinutes: 0 }).verdict, 'no-target', 'a zero target is no target');
  });

  it('without an exam date: when the target is reached at this pace', () => {
    const f = forecast(steady);
    assert.equal(f.verdict, 'no-exam');
    assert.equal(f.headline, 'Target reached on 2026-12-22 at this pace');
    assert.equal(f.detail, 'At 1 h/day (your pace over the last 28 days): 22 h to go of 50 h. No exam date booked.');
  });

  it('without a target, on the exam day, and after the exam date', () => {
    assert.deepEqual(
      [forecast(steady, { targetMinutes: null }).verdict, forecast(steady, { targetMinutes: null }).headline],
      ['no-target', 'No study target'],
    );
    const today = forecast(steady, { examDate: TODAY });
    assert.deepEqual([today.verdict, today.headline], ['exam-today', 'Exam today, 22 hours short of the target']);
    const past = forecast(steady, { examDate: '2026-11-20' });
    assert.deepEqual([past.verdict, past.headline], ['exam-past', 'The exam date 2026-11-20 has passed']);
  });

  it('counts a little study as "< 0.1 h/day", not as no pace', () => {
    const once = [sampleSession({ start: '2026-11-30T08:00:00.000-07:00', end: '2026-11-30T08:30:00.000-07:00' })];
    const f = forecast(once, { examDate: '2026-12-31' });
    assert.equal(f.verdict, 'behind');
    assert.match(f.detail, /^At < 0\.1 h\/day/);
  });

  it('counts only the 28 days up to today, today included, in local days', () => {
    // 27 days ago counts; 28 days ago does not; a session over midnight into the window counts its part.
    const sessions = [
      sampleSession({ start: '2026-11-04T08:00:00.000-07:00', end: '2026-11-04T22:00:00.000-07:00' }), // 14 h, day 1 of 28
      sampleSession({ start: '2026-11-03T08:00:00.000-07:00', end: '2026-11-03T09:00:00.000-07:00' }), // outside
      sampleSession({ start: '2026-11-03T23:00:00.000-07:00', end: '2026-11-04T01:00:00.000-07:00' }), // 1 h inside
    ];
    assert.equal(forecast(sessions).paceHoursPerDay, Math.round((15 / 28) * 100) / 100);
  });

  it('lists booked exams first, soonest on top, then the most urgent', () => {
    const list = [
      forecast(steady, { key: 'a', name: 'A' }),
      forecast(steady, { key: 'b', name: 'B', examDate: '2026-12-31' }),
      forecast(steady, { key: 'c', name: 'C', examDate: '2026-12-11' }),
      forecast(hourADay('2026-10-31', 28), { key: 'd', name: 'D' }),
    ];
    assert.deepEqual(sortForecasts(list).map((f) => f.key), ['c', 'b', 'd', 'a']);
  });
});
