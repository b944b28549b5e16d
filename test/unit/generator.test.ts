import assert from 'node:assert/strict';
import { PracticeExamSchema, StudySessionSchema } from '../../src/core/model/logs';
import { TrackedCertificationSchema } from '../../src/core/model/tracking';
import { generateDemo, generateTenYears } from '../support/studyDataGenerator';

describe('seeded study data generator (used by the bench and the demo)', () => {
  const end = new Date('2026-11-26T15:00:00Z');

  it('makes ten years of valid data of the size the budgets name, the same for the same seed', () => {
    const data = generateTenYears(42, end);
    assert.ok(data.sessions.length >= 2900 && data.sessions.length <= 3000, `${data.sessions.length} sessions`);
    assert.equal(data.practiceExams.length, 300);
    data.sessions.forEach((s) => StudySessionSchema.parse(s));
    data.practiceExams.forEach((p) => PracticeExamSchema.parse(p));
    data.certifications.forEach((c) => TrackedCertificationSchema.parse(c));
    assert.deepEqual(generateTenYears(42, end), data);
    assert.notDeepEqual(generateTenYears(43, end).sessions[0], data.sessions[0]);
  });

  it('makes a demo engineer some weeks into a certification', () => {
    const demo = generateDemo(7, end);
    assert.equal(demo.certifications[0].status, 'scheduled');
    assert.ok(demo.sessions.length >= 15, `${demo.sessions.length} sessions`);
    assert.equal(demo.practiceExams.length, 3);
    demo.sessions.forEach((s) => StudySessionSchema.parse(s));
  });
});
