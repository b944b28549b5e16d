import assert from 'node:assert/strict';
import { firstSessionDays, nextPracticeDue, studyStartDay } from '../../src/core/practice/cadence';
import { addDays as addDaysToDate } from '../../src/core/time/localDays';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { sampleCert, samplePractice, sampleSession } from './support/samples';

const now = new Date('2026-11-26T15:00:00Z'); // Thursday 08:00 in Denver

function due(cert: TrackedCertification, exams: string[] = [], firstSessionDay?: string, intervalDays = 14) {
  return nextPracticeDue({
    cert,
    exams: exams.map((day) => samplePractice({ takenAt: `${day}T19:00:00.000-07:00` })),
    firstSessionDay,
    intervalDays,
    now,
  });
}

describe('practice cadence: a diagnostic in the first week, then one every interval', () => {
  it('asks for a diagnostic practice exam during the first week of studying', () => {
    assert.deepEqual(due(sampleCert(), [], '2026-11-23'), {
      kind: 'diagnostic',
      dueFrom: '2026-11-23',
      dueBy: '2026-11-29',
      state: 'due',
      daysUntil: -3,
      daysOverdue: 0,
    });
    const lastDay = due(sampleCert(), [], '2026-11-20');
    assert.equal(lastDay.kind !== 'none' && lastDay.state, 'due', 'the seventh day is still in the first week');
  });

  it('calls the diagnostic overdue after the first week', () => {
    const d = due(sampleCert(), [], '2026-11-10');
    assert.ok(d.kind === 'diagnostic');
    assert.equal(d.state, 'overdue');
    assert.equal(d.dueBy, '2026-11-16');
    assert.equal(d.daysOverdue, 10);
  });

  it('schedules the next one intervalDays after the latest practice exam: upcoming, due that day, then overdue', () => {
    const upcoming = due(sampleCert(), ['2026-11-05', '2026-11-20'], '2026-11-01');
    assert.deepEqual(upcoming, { kind: 'regular', dueFrom: '2026-12-04', dueBy: '2026-12-04', state: 'upcoming', daysUntil: 8, daysOverdue: 0 });
    const today = due(sampleCert(), ['2026-11-12'], '2026-11-01');
    assert.ok(today.kind === 'regular');
    assert.equal(today.state, 'due');
    assert.equal(today.daysUntil, 0);
    const overdue = due(sampleCert(), ['2026-11-05'], '2026-11-01');
    assert.ok(overdue.kind === 'regular');
    assert.deepEqual([overdue.dueFrom, overdue.state, overdue.daysOverdue], ['2026-11-19', 'overdue', 7]);
    const weekly = due(sampleCert(), ['2026-11-20'], '2026-11-01', 7);
    assert.ok(weekly.kind === 'regular');
    assert.equal(weekly.dueFrom, '2026-11-27', 'the interval is a setting');
  });

  it('counts calendar days across the end of daylight saving time (Denver, 2026-11-01)', () => {
    assert.equal(addDaysToDate('2026-10-25', 14), '2026-11-08');
    assert.equal(addDaysToDate('2026-03-01', 14), '2026-03-15');
    const d = due(sampleCert(), ['2026-10-25'], '2026-10-20');
    assert.ok(d.kind === 'regular');
    assert.equal(d.dueFrom, '2026-11-08');
    assert.equal(d.daysOverdue, 18);
  });

  it('starts from the first session or practice exam; with none, from the day added while studying; not for a planned one', () => {
    assert.equal(studyStartDay(sampleCert(), '2026-11-20', [samplePractice({ takenAt: '2026-11-18T19:00:00.000-07:00' })]), '2026-11-18');
    assert.equal(studyStartDay(sampleCert({ addedAt: '2026-11-24T09:00:00.000-07:00' }), undefined, []), '2026-11-24');
    assert.deepEqual(due(sampleCert({ status: 'planned' })), { kind: 'none', why: 'not-started' });
    const plannedWithStudy = due(sampleCert({ status: 'planned' }), [], '2026-11-25');
    assert.equal(plannedWithStudy.kind, 'diagnostic', 'logged study counts, whatever the status says');
  });

  it('asks for none once passed', () => {
    assert.deepEqual(due(sampleCert({ status: 'passed', earnedOn: '2026-11-20' }), ['2026-11-01']), { kind: 'none', why: 'passed' });
    assert.deepEqual(due(sampleCert({ status: 'expired' }), []), { kind: 'none', why: 'passed' });
  });

  it('finds each certification’s first study day in one pass, by the day written in the instant', () => {
    const first = firstSessionDays([
      sampleSession({ start: '2026-11-20T08:00:00.000-07:00', end: '2026-11-20T09:00:00.000-07:00' }),
      sampleSession({ start: '2026-11-02T23:30:00.000-07:00', end: '2026-11-02T23:50:00.000-07:00' }),
      sampleSession({ certKey: 'google-pmle', start: '2026-11-21T08:00:00.000-07:00', end: '2026-11-21T09:00:00.000-07:00' }),
    ]);
    assert.deepEqual([...first], [['aws-mla-c01', '2026-11-02'], ['google-pmle', '2026-11-21']]);
  });
});
