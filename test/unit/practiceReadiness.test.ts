import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import type { PracticeExam } from '../../src/core/model/logs';
import { passMarkOf } from '../../src/core/practice/passMark';
import { readiness } from '../../src/core/practice/readiness';
import { DEFAULT_PRACTICE_SETTINGS, type PracticeSettings } from '../../src/core/practice/settings';
import { weakestDomain } from '../../src/core/practice/weakDomain';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { samplePractice } from './support/samples';

const catalog = new Catalog();
const mla = catalog.get('aws-mla-c01')!; // pass ≈ 68.9 %: Ready needs ≥ 73.9, no domain < 58.9
const mls = catalog.get('aws-mls-c01')!; // pass 72.2 %; Modeling weighs 36 %

/** Practice exams on consecutive weeks, oldest first. */
function exams(scores: number[], domains: Record<string, number>[] = []): PracticeExam[] {
  return scores.map((scorePercent, i) =>
    samplePractice({ takenAt: `2026-10-${String(1 + i * 7).padStart(2, '0')}T19:00:00.000-06:00`, scorePercent, domainScores: domains[i] ?? {} }),
  );
}

/** The same, for AWS MLS-C01. */
function mlsExams(scores: number[], domains: Record<string, number>[] = []): PracticeExam[] {
  return exams(scores, domains).map((e) => ({ ...e, certKey: 'aws-mls-c01' }));
}

function verdict(list: PracticeExam[], settings: Partial<PracticeSettings> = {}, entry = mla) {
  const s = { ...DEFAULT_PRACTICE_SETTINGS, ...settings };
  return readiness({ entry, exams: list, pass: passMarkOf(entry, s.defaultPassPercent), settings: s }, t);
}

describe('practice readiness: Ready or Not yet, always with reasons', () => {
  it('is Ready when the last scores all clear pass mark + margin, without domain scores (and says only the overall scores count)', () => {
    const r = verdict(exams([60, 81, 84, 86]));
    assert.equal(r.ready, true);
    assert.equal(r.threshold, 73.9);
    assert.deepEqual(r.reasons, [
      { kind: 'met', text: 'last 3 scores 81, 84, 86 ≥ 73.9' },
      { kind: 'info', text: 'no domain scores recorded, so only the overall scores count' },
      { kind: 'info', text: 'pass mark 720/1000 converted to ≈ 68.9 %' },
    ]);
  });

  it('is Not yet when one of the last scores falls short, or there are too few', () => {
    const r = verdict(exams([81, 72, 86]));
    assert.equal(r.ready, false);
    assert.deepEqual(r.reasons[0], { kind: 'unmet', text: 'last 3 scores 81, 72, 86, not all ≥ 73.9' });
    assert.deepEqual(verdict(exams([90, 95])).reasons[0], { kind: 'unmet', text: '2 of 3 practice exams so far (90, 95); each needs ≥ 73.9' });
    assert.deepEqual(verdict([]).reasons[0], { kind: 'unmet', text: 'no practice exam yet: 3 needed at ≥ 73.9' });
    assert.equal(verdict([]).ready, false);
  });

  it('is Not yet when a domain’s latest score is below pass mark − floor, even with good overall scores', () => {
    const r = verdict(mlsExams([81, 84, 86], [{}, { modeling: 50 }, { modeling: 64, 'data-engineering': 61 }]), {}, mls);
    assert.equal(r.floor, 62.2);
    assert.equal(r.ready, false);
    assert.deepEqual(r.reasons.slice(0, 2), [
      { kind: 'met', text: 'last 3 scores 81, 84, 86 ≥ 77.2' },
      { kind: 'unmet', text: 'weakest domain Data Engineering 61 < 62.2' },
    ]);
    const twoBelow = verdict(mlsExams([81, 84, 86], [{}, {}, { modeling: 55, 'data-engineering': 61 }]), {}, mls);
    assert.equal(twoBelow.reasons[1].text, 'weakest domains Modeling 55, Data Engineering 61 < 62.2');
  });

  it('uses each domain’s latest score, so an improved domain no longer holds it back', () => {
    const r = verdict(mlsExams([81, 84, 86], [{ modeling: 50 }, {}, { modeling: 70 }]), {}, mls);
    assert.equal(r.ready, true);
    assert.deepEqual(r.reasons[1], { kind: 'met', text: 'weakest domain Modeling 70 ≥ 62.2' });
  });

  it('follows the settings, and says when the pass mark is the default', () => {
    const pmle = catalog.get('google-pmle')!;
    const r = verdict(exams([78]), { consecutive: 1, marginPoints: 2, defaultPassPercent: 76 }, pmle);
    assert.equal(r.ready, true);
    assert.deepEqual(r.reasons[0], { kind: 'met', text: 'last score 78 ≥ 78' });
    assert.deepEqual(r.reasons.at(-1), { kind: 'info', text: 'pass mark unknown: your default 76 % is used' });
    assert.equal(verdict(exams([81, 84, 86]), { marginPoints: 15 }).ready, false);
  });
});

describe('practice weak domains: the domain to study next', () => {
  it('weighs each domain’s latest score by its exam weight: points lost = weight × (100 − score)', () => {
    // Modeling 36 % at 80: 7.2 points; Data Engineering 20 % at 70: 6; EDA 24 % at 75: 6.
    const list = mlsExams([70, 75], [{ modeling: 60, 'data-engineering': 70 }, { modeling: 80, 'exploratory-data-analysis': 75 }]);
    const weak = weakestDomain(mls, list);
    assert.equal(weak?.domainId, 'modeling');
    assert.equal(weak?.percent, 80, 'its latest score, not the earlier 60');
    assert.equal(Math.round(weak!.pointsAtStake * 10) / 10, 7.2);
    // A light domain far behind can still come first.
    assert.equal(weakestDomain(mls, mlsExams([70], [{ modeling: 85, 'data-engineering': 50 }]))?.domainId, 'data-engineering');
  });

  it('breaks a tie by the lower score, then by the catalog order', () => {
    // Data Engineering 20 % at 64 and ML Implementation 20 % at 64: equal, catalog order wins.
    assert.equal(weakestDomain(mls, mlsExams([70], [{ 'ml-implementation-and-operations': 64, 'data-engineering': 64 }]))?.domainId, 'data-engineering');
    // 36 % at 80 (7.2) against 24 % at 70 (7.2): the lower score wins.
    assert.equal(weakestDomain(mls, mlsExams([70], [{ modeling: 80, 'exploratory-data-analysis': 70 }]))?.domainId, 'exploratory-data-analysis');
  });

  it('is null without domain scores, ignores other certifications, and gives unweighted domains an equal share', () => {
    assert.equal(weakestDomain(mls, mlsExams([70, 80])), null);
    assert.equal(weakestDomain(undefined, mlsExams([70], [{ modeling: 10 }])), null);
    const other = mlsExams([70], [{ modeling: 10 }]).map((e) => ({ ...e, certKey: 'google-pmle' }));
    assert.equal(weakestDomain(mls, other), null, 'another certification’s scores do not count');
    const custom = new Catalog(undefined, [
      {
        key: 'custom:snowpro',
        name: 'SnowPro',
        provider: 'Snowflake',
        domains: [
          { id: 'architecture', name: 'Architecture', weightPercent: null },
          { id: 'loading', name: 'Loading', weightPercent: null },
        ],
        passMarkPercent: 75,
        validityMonths: null,
      },
    ]).get('custom:snowpro')!;
    const weak = weakestDomain(custom, exams([70], [{ architecture: 72, loading: 66 }]).map((e) => ({ ...e, certKey: 'custom:snowpro' })));
    assert.deepEqual([weak?.domainId, weak?.weightPercent, weak?.weightKnown], ['loading', 50, false]);
  });
});
