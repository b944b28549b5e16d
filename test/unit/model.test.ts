import assert from 'node:assert/strict';
import { CertKeySchema, IsoDateSchema, OffsetInstantSchema } from '../../src/core/model/primitives';
import { StudySessionSchema, PracticeExamSchema } from '../../src/core/model/logs';
import { TrackedCertificationSchema } from '../../src/core/model/tracking';
import { sampleCert, sampleSession } from './support/samples';

describe('model schemas', () => {
  it('accepts real dates and refuses impossible or mis-shaped ones', () => {
    assert.ok(IsoDateSchema.safeParse('2028-02-29').success);
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-2026', '2026/11/26', '2026-11-26T00:00', '']) {
      assert.equal(IsoDateSchema.safeParse(bad).success, false, bad);
    }
  });

  it('requires an explicit offset on instants', () => {
    assert.ok(OffsetInstantSchema.safeParse('2026-11-26T08:00:00-07:00').success);
    assert.ok(OffsetInstantSchema.safeParse('2026-11-26T15:00:00.000Z').success);
    assert.equal(OffsetInstantSchema.safeParse('2026-11-26T08:00:00').success, false);
    assert.equal(OffsetInstantSchema.safeParse('2026-11-26T25:00:00Z').success, false);
    assert.equal(OffsetInstantSchema.safeParse('2026-02-31T08:00:00-07:00').success, false, 'Date.parse would roll this to 3 March');
    assert.equal(OffsetInstantSchema.safeParse('2026-02-29T08:00:00-07:00').success, false);
    assert.ok(OffsetInstantSchema.safeParse('2028-02-29T08:00:00-07:00').success);
    assert.ok(OffsetInstantSchema.safeParse('2026-01-31T08:00:00-07:00').success);
  });

  it('accepts catalog and custom keys only', () => {
    assert.ok(CertKeySchema.safeParse('aws-mla-c01').success);
    assert.ok(CertKeySchema.safeParse('custom:snowpro-core').success);
    for (const bad of ['AWS', 'custom:', 'a b', '../x', 'cert:aws']) assert.equal(CertKeySchema.safeParse(bad).success, false, bad);
  });

  it('refuses a session that ends before it starts, naming the field', () => {
    const r = StudySessionSchema.safeParse({ ...sampleSession(), end: '2026-11-26T07:00:00.000-07:00' });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues[0].path, ['end']);
  });

  it('orders start and end by the instant, not the text, when the offset changes (DST fall-back)', () => {
    // 01:50 MDT is 07:50Z; 01:10 MST, later the same night, is 08:10Z: textually earlier, really later.
    const across = { ...sampleSession(), start: '2026-11-01T01:50:00.000-06:00', end: '2026-11-01T01:10:00.000-07:00' };
    assert.ok(StudySessionSchema.safeParse(across).success);
    const backwards = { ...sampleSession(), start: '2026-11-01T01:10:00.000-07:00', end: '2026-11-01T01:50:00.000-06:00' };
    assert.equal(StudySessionSchema.safeParse(backwards).success, false);
  });

  it('refuses unknown keys and out-of-range scores', () => {
    assert.equal(TrackedCertificationSchema.safeParse({ ...sampleCert(), extra: 1 }).success, false);
    assert.equal(
      PracticeExamSchema.safeParse({ id: '00000000-0000-4000-8000-000000000001', certKey: 'aws-mla-c01', takenAt: '2026-11-26T08:00:00-07:00', scorePercent: 101, source: null, note: '' }).success,
      false,
    );
  });
});
