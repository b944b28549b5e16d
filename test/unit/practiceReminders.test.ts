import assert from 'node:assert/strict';
import { remindersToShow, withRemindersShown } from '../../src/core/practice/reminders';
import type { PracticeExam } from '../../src/core/model/logs';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { sampleCert, samplePractice, sampleSession } from './support/samples';

const now = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver

function due(certifications: TrackedCertification[], practiceExams: PracticeExam[], shown: Record<string, string> = {}, sessions = [sampleSession({ start: '2026-10-01T08:00:00.000-06:00', end: '2026-10-01T09:00:00.000-06:00' })]) {
  return remindersToShow({ certifications, sessions, practiceExams, intervalDays: 14, shown, now });
}
const examOn = (day: string, certKey = 'aws-mla-c01') => samplePractice({ certKey, takenAt: `${day}T19:00:00.000-07:00` });

describe('practice reminders: once per due practice exam, never a stale one', () => {
  it('reminds of a practice exam that falls due today, once', () => {
    const reminders = due([sampleCert()], [examOn('2026-11-12')]);
    assert.deepEqual(reminders, [{ certKey: 'aws-mla-c01', kind: 'regular', dueFrom: '2026-11-26', dueBy: '2026-11-26', state: 'due' }]);
    const shown = withRemindersShown({}, reminders, [sampleCert()]);
    assert.deepEqual(shown, { 'aws-mla-c01': '2026-11-26' });
    assert.deepEqual(due([sampleCert()], [examOn('2026-11-12')], shown), [], 'not twice');
  });

  it('still reminds of one that fell due yesterday, but not of one that fell due while VS Code was closed for longer', () => {
    assert.equal(due([sampleCert()], [examOn('2026-11-11')])[0]?.state, 'overdue');
    assert.deepEqual(due([sampleCert()], [examOn('2026-11-10')]), []);
  });

  it('reminds of the next one when it falls due, after the last was reminded of', () => {
    const shown = { 'aws-mla-c01': '2026-11-12' };
    assert.equal(due([sampleCert()], [examOn('2026-10-29'), examOn('2026-11-12')], shown)[0]?.dueFrom, '2026-11-26');
  });

  it('reminds of the diagnostic when studying starts, and of nothing upcoming, passed or planned', () => {
    const firstSession = [sampleSession({ start: '2026-11-26T07:00:00.000-07:00', end: '2026-11-26T07:45:00.000-07:00' })];
    assert.deepEqual(due([sampleCert()], [], {}, firstSession), [{ certKey: 'aws-mla-c01', kind: 'diagnostic', dueFrom: '2026-11-26', dueBy: '2026-12-02', state: 'due' }]);
    assert.deepEqual(due([sampleCert()], [examOn('2026-11-20')]), [], 'upcoming');
    assert.deepEqual(due([sampleCert({ status: 'passed', earnedOn: '2026-11-20' })], [examOn('2026-11-12')]), []);
    assert.deepEqual(due([sampleCert({ status: 'planned' })], [], {}, []), []);
  });

  it('keeps the remembered reminders small: one day per certification still tracked', () => {
    const shown = withRemindersShown({ 'google-pmle': '2026-10-01', 'aws-mla-c01': '2026-11-12' }, [{ certKey: 'aws-mla-c01', kind: 'regular', dueFrom: '2026-11-26', dueBy: '2026-11-26', state: 'due' }], [sampleCert()]);
    assert.deepEqual(shown, { 'aws-mla-c01': '2026-11-26' });
  });
});
