import type { StudySession, PracticeExam } from '../../../src/core/model/logs';
import type { TrackedCertification } from '../../../src/core/model/tracking';

let counter = 0;
/** Deterministic UUIDs for tests. */
export function testId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function sampleCert(overrides: Partial<TrackedCertification> = {}): TrackedCertification {
  return {
    key: 'aws-mla-c01',
    status: 'studying',
    examDate: null,
    targetMinutes: 120 * 60,
    costUsd: null,
    notes: '',
    addedAt: '2026-11-01T08:00:00.000-06:00',
    earnedOn: null,
    expiresOnOverride: null,
    attempts: [],
    ...overrides,
  };
}

export function sampleSession(overrides: Partial<StudySession> = {}): StudySession {
  return {
    id: testId(),
    certKey: 'aws-mla-c01',
    start: '2026-11-26T08:00:00.000-07:00',
    end: '2026-11-26T09:00:00.000-07:00',
    domainId: null,
    activity: 'reading',
    source: 'timer',
    note: '',
    ...overrides,
  };
}

export function samplePractice(overrides: Partial<PracticeExam> = {}): PracticeExam {
  return {
    id: testId(),
    certKey: 'aws-mla-c01',
    takenAt: '2026-11-20T08:00:00.000-07:00',
    scorePercent: 68,
    entered: { kind: 'percent', percent: 68 },
    domainScores: {},
    source: 'Official practice question set',
    note: '',
    ...overrides,
  };
}
