import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import type { StudySnapshot } from '../../src/core/store/studyStore';
import { buildCertTree } from '../../src/core/tree/certTree';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { sampleCert, samplePractice } from './support/samples';

const now = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver

function practiceHover(scores: Array<[string, number]>, examDate: string | null): string {
  const snapshot: StudySnapshot = {
    logsLoaded: true,
    certifications: [sampleCert({ examDate, status: examDate ? 'scheduled' : 'studying' })],
    customCertifications: [],
    profile: null,
    sessions: [],
    practiceExams: scores.map(([day, percent]) => samplePractice({ takenAt: `${day}T08:00:00.000-07:00`, scorePercent: percent, entered: { kind: 'percent', percent } })),
  };
  const tree = buildCertTree({ snapshot, catalog: new Catalog(), now, sortBy: 'examDate', t });
  // The hover is Markdown: read it as the person does, without the escapes.
  return tree.nodes.get('cert:aws-mla-c01/practice')!.tooltip.replace(/\\(.)/g, '$1');
}

describe('the pass forecast in the Practice exams row’s hover', () => {
  it('gives the expected score on exam day on the exam’s own scale, with its range and verdict', () => {
    // 60, 65, 70 % a week apart: 5 points a week on days 0, 7 and 14, an exact line, so the range
    // has no width. The exam (day 42) lies past the horizon (twice the 14 days the scores span),
    // so the line stops at day 28: 60 + 28 × 5/7 = 80 %, on AWS's 100-1000 scale
    // 100 + 0.8 × 900 = 820, against 720.
    const hover = practiceHover(
      [
        ['2026-11-01', 60],
        ['2026-11-08', 65],
        ['2026-11-15', 70],
      ],
      '2026-12-13',
    );
    assert.match(hover, /Pass forecast for exam day \(2026-12-13\): expected 820 \(820–820\) on a 100–1000 scale, pass 720: likely pass\./);
    assert.match(hover, /likely pass\. The trend is extended at most 14 days past the latest score/, 'the horizon is said');
    assert.match(hover, /cannot know the real exam form/, 'what it cannot know is said beside it');
  });

  it('says why there is no forecast yet below three scores', () => {
    const hover = practiceHover([['2026-11-20', 68]], '2026-12-13');
    assert.match(hover, /Pass forecast: not enough data yet \(.*\b1\b.*\)\./);
  });
});
