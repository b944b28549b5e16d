import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import type { StudySnapshot } from '../../src/core/store/studyStore';
import { buildCertTree, certNodeId, changedRoots } from '../../src/core/tree/certTree';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { samplePractice, sampleCert, sampleSession } from './support/samples';

const now = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver
const catalog = new Catalog();

function snapshot(overrides: Partial<StudySnapshot> = {}): StudySnapshot {
  return { logsLoaded: true, certifications: [], customCertifications: [], profile: null, sessions: [], practiceExams: [], ...overrides };
}

function build(s: StudySnapshot, sortBy: 'examDate' | 'name' | 'added' = 'examDate') {
  return buildCertTree({ snapshot: s, catalog, now, sortBy, t });
}

describe('certification tree mapping', () => {
  it('shows hours against target and the exam countdown in the description', () => {
    const sessions = [
      sampleSession({ start: '2026-11-20T08:00:00.000-07:00', end: '2026-11-20T09:00:00.000-07:00' }),
      sampleSession({ start: '2026-11-21T08:00:00.000-07:00', end: '2026-11-21T09:30:00.000-07:00' }),
      sampleSession({ certKey: 'google-pmle', start: '2026-11-21T10:00:00.000-07:00', end: '2026-11-21T11:00:00.000-07:00' }),
    ];
    const tree = build(snapshot({ certifications: [sampleCert({ examDate: '2026-12-19', status: 'scheduled' })], sessions }));
    const row = tree.nodes.get('cert:aws-mla-c01')!;
    assert.equal(row.label, 'AWS MLA-C01');
    assert.equal(row.description, '2.5 / 120 h · exam in 23 d');
    assert.equal(row.icon.id, 'calendar');
    assert.equal(row.contextValue, 'certification+scheduled+catalog+current+hasExamDate');
    assert.equal(row.parentId, null);
    assert.match(row.accessibilityLabel, /AWS MLA-C01, Exam booked, 2\.5 \/ 120 h/);
  });

  it('shows hours as pending, not as zero, while the logs are still loading', () => {
    const tree = build(snapshot({ logsLoaded: false, certifications: [sampleCert({ examDate: '2026-12-19' })] }));
    assert.equal(tree.nodes.get('cert:aws-mla-c01')!.description, '… / 120 h · exam in 23 d');
    assert.equal(tree.nodes.get('cert:aws-mla-c01/hours')!.description, '… / 120 h');
    assert.equal(tree.nodes.get('cert:aws-mla-c01/practice')!.description, '… · pass ≈ 68.9 %');
    const loaded = build(snapshot({ certifications: [sampleCert({ examDate: '2026-12-19' })] }));
    assert.equal(loaded.nodes.get('cert:aws-mla-c01/hours')!.description, '0 / 120 h (0 %)');
    assert.deepEqual(changedRoots(tree, loaded), ['cert:aws-mla-c01'], 'the row refreshes when the logs arrive');
  });

  it('derives every id from domain identity and links children to parents', () => {
    const tree = build(snapshot({ certifications: [sampleCert()] }));
    const root = tree.nodes.get(certNodeId('aws-mla-c01'))!;
    assert.deepEqual(root.childIds, ['cert:aws-mla-c01/hours', 'cert:aws-mla-c01/exam', 'cert:aws-mla-c01/practice', 'cert:aws-mla-c01/domains']);
    for (const node of tree.nodes.values()) {
      if (node.parentId) assert.ok(tree.nodes.get(node.parentId)!.childIds.includes(node.id), node.id);
    }
    const domains = tree.nodes.get('cert:aws-mla-c01/domains')!;
    assert.equal(domains.childIds.length, 4);
    assert.ok(domains.childIds.every((id) => id.startsWith('cert:aws-mla-c01/domains/')));
  });

  it('puts hours per domain beside the domain weight', () => {
    const entry = catalog.get('aws-mla-c01')!;
    const domain = entry.domains[0];
    const sessions = [sampleSession({ domainId: domain.id, start: '2026-11-20T08:00:00.000-07:00', end: '2026-11-20T09:30:00.000-07:00' })];
    const tree = build(snapshot({ certifications: [sampleCert()], sessions }));
    const row = tree.nodes.get(`cert:aws-mla-c01/domains/${domain.id}`)!;
    assert.equal(row.label, domain.name);
    assert.equal(row.description, `1.5 h · weight ${domain.weightPercent!.min} %`);
  });

  it('lists practice exams latest first, judged against the pass mark, with the trend and the next one due', () => {
    const practiceExams = [
      samplePractice({ takenAt: '2026-11-01T08:00:00.000-06:00', scorePercent: 55 }),
      samplePractice({ takenAt: '2026-11-20T08:00:00.000-07:00', scorePercent: 78, entered: { kind: 'raw', correct: 39, total: 50 } }),
    ];
    const tree = build(snapshot({ certifications: [sampleCert()], practiceExams }));
    const practice = tree.nodes.get('cert:aws-mla-c01/practice')!;
    assert.equal(practice.description, 'latest 78 % ↑ 23 · pass ≈ 68.9 % · next in 8 d');
    const [next, readiness, latest, first] = practice.childIds.map((id) => tree.nodes.get(id)!);
    assert.equal(next.id, 'cert:aws-mla-c01/practice/next');
    assert.equal(next.description, '2026-12-04 · in 8 d', 'one every 14 days after the latest');
    assert.deepEqual(next.command, { id: 'certStudy.recordPracticeExam', title: 'Record Practice Exam', argument: { key: 'aws-mla-c01' } });
    assert.equal(readiness.description, 'Not yet · 2 of 3 practice exams so far (55, 78); each needs ≥ 73.9');
    assert.equal(readiness.icon.id, 'circle-slash');
    assert.equal(latest.label, '2026-11-20');
    assert.equal(latest.description, '78 % (39/50) ↑ 23 · Official practice question set');
    assert.equal(latest.icon.id, 'pass-filled');
    assert.equal(latest.contextValue, 'practiceExam');
    assert.equal(first.icon.id, 'circle-slash');
    assert.equal(tree.nodes.get('cert:aws-mla-c01')!.description, '0 / 120 h', 'not overdue: nothing extra on the certification row');
  });

  it('says Ready with its reasons, and names the domain to study next', () => {
    const domains = { 'data-preparation': 80, 'ml-model-development': 85 };
    const practiceExams = [81, 84, 86].map((scorePercent, i) =>
      samplePractice({ takenAt: `2026-11-${10 + i * 7}T19:00:00.000-07:00`, scorePercent, domainScores: i === 2 ? domains : {} }),
    );
    const tree = build(snapshot({ certifications: [sampleCert()], practiceExams }));
    const readiness = tree.nodes.get('cert:aws-mla-c01/practice/readiness')!;
    assert.equal(readiness.description, 'Ready · last 3 scores 81, 84, 86 ≥ 73.9; weakest domain Data Preparation for Machine Learning 80 ≥ 58.9');
    assert.equal(readiness.icon.id, 'pass-filled');
    assert.match(readiness.tooltip.replace(/\\(.)/g, '$1'), /- ℹ pass mark 720\/1000 converted to ≈ 68\.9 %/, 'the hover lists every reason, escapes removed');
    const studyNext = tree.nodes.get('cert:aws-mla-c01/practice/study-next')!;
    assert.equal(studyNext.description, 'Data Preparation for Machine Learning: 80 % · weight 28 %');
  });

  it('shows an overdue practice exam on the certification row too', () => {
    const practiceExams = [samplePractice({ takenAt: '2026-11-01T08:00:00.000-06:00', scorePercent: 70 })];
    const tree = build(snapshot({ certifications: [sampleCert()], practiceExams }));
    assert.equal(tree.nodes.get('cert:aws-mla-c01')!.description, '0 / 120 h · practice overdue');
    assert.equal(tree.nodes.get('cert:aws-mla-c01/practice/next')!.description, '2026-11-15 · overdue 11 d');
    assert.equal(tree.nodes.get('cert:aws-mla-c01/practice/next')!.icon.id, 'warning');
    const passed = build(snapshot({ certifications: [sampleCert({ status: 'passed', earnedOn: '2026-11-25' })], practiceExams }));
    assert.equal(passed.nodes.get('cert:aws-mla-c01/practice/next')!.description, 'none needed: passed');
  });

  it('uses the practice settings it is given', () => {
    const practiceExams = [samplePractice({ takenAt: '2026-11-20T08:00:00.000-07:00', scorePercent: 80 })];
    const tree = buildCertTree({
      snapshot: snapshot({ certifications: [sampleCert({ key: 'google-pmle' })], practiceExams: practiceExams.map((p) => ({ ...p, certKey: 'google-pmle' })) }),
      catalog,
      now,
      sortBy: 'name',
      t,
      practice: { intervalDays: 7, consecutive: 1, marginPoints: 0, domainFloorPoints: 10, defaultPassPercent: 80, reminders: true },
    });
    assert.equal(tree.nodes.get('cert:google-pmle/practice')!.description, 'latest 80 % · pass 80 % (default) · next in 1 d');
    assert.match(tree.nodes.get('cert:google-pmle/practice/readiness')!.description, /^Ready · last score 80 ≥ 80/);
  });

  it('shows "unknown" for unknown facts and the retirement notice in the tooltip', () => {
    const tree = build(snapshot({ certifications: [sampleCert({ key: 'aws-mls-c01' })] }));
    const row = tree.nodes.get('cert:aws-mls-c01')!;
    assert.match(row.description, /retired$/);
    assert.match(row.contextValue, /\+retired\+/);
    const rendered = row.tooltip.replace(/\\(.)/g, '$1'); // what the hover shows, escapes removed
    assert.match(rendered, /Retired since 2026-03-31/);
    assert.match(rendered, /Successors: AWS MLA-C01, AWS AIP-C01/);
    assert.match(rendered, /\*\*Duration:\*\* unknown/);
    assert.match(rendered, /\*\*Pass mark:\*\* 750 on 100–1000 \(≈ 72\.2 %\)/);
  });

  it('counts down to expiry once passed', () => {
    const cert = sampleCert({ status: 'passed', earnedOn: '2025-12-01' });
    const tree = build(snapshot({ certifications: [cert] }));
    assert.match(tree.nodes.get('cert:aws-mla-c01')!.description, /expires in \d+ d/);
    assert.equal(tree.nodes.get('cert:aws-mla-c01/expiry')!.description, '2028-12-01 · in 736 d');
  });

  it('escapes custom names in the Markdown tooltip', () => {
    const custom = { key: 'custom:evil', name: '[click](https://evil.example) **x**', provider: 'Me', domains: [], passMarkPercent: null, validityMonths: null };
    const tree = buildCertTree({
      snapshot: snapshot({ certifications: [sampleCert({ key: 'custom:evil' })], customCertifications: [custom] }),
      catalog: new Catalog(undefined, [custom]),
      now,
      sortBy: 'name',
      t,
    });
    const tooltip = tree.nodes.get('cert:custom:evil')!.tooltip;
    assert.ok(!tooltip.includes('[click](https'), tooltip);
    assert.ok(tooltip.includes('\\[click\\]\\(https'));
  });

  it('writes HTML and icon syntax in a custom name as entities in the hover (issue 18)', () => {
    const custom = { key: 'custom:img', name: '<img src=x onerror="window.__pwned=1">', provider: '<b>Acme</b> & Co $(alert)', domains: [], passMarkPercent: null, validityMonths: null };
    const tree = buildCertTree({
      snapshot: snapshot({ certifications: [sampleCert({ key: 'custom:img' })], customCertifications: [custom] }),
      catalog: new Catalog(undefined, [custom]),
      now,
      sortBy: 'name',
      t,
    });
    const tooltip = tree.nodes.get('cert:custom:img')!.tooltip;
    // VS Code hands the raw text between ** to an HTML parser for the tooltip's plain-text form.
    assert.ok(tooltip.startsWith('**&lt;img src=x onerror="window\\.\\_\\_pwned=1"&gt;**\n'), tooltip);
    assert.ok(tooltip.includes('&lt;b&gt;Acme&lt;/b&gt; &amp; Co &#36;\\(alert\\)'), tooltip);
    assert.doesNotMatch(tooltip, /[<>]|\$\(alert/);
    assert.equal(tree.nodes.get('cert:custom:img')!.label, custom.name, 'the row label is plain text: as typed');
  });

  it('does not put a passed certification or a past exam date among the upcoming exams', () => {
    const certs = [
      sampleCert({ key: 'google-pmle', status: 'passed', examDate: '2025-06-01', earnedOn: '2025-06-01' }),
      sampleCert({ key: 'databricks-ml-associate', examDate: '2026-11-01' }),
      sampleCert({ key: 'aws-mla-c01', status: 'scheduled', examDate: '2026-12-24' }),
    ];
    assert.deepEqual(build(snapshot({ certifications: certs })).rootIds, ['cert:aws-mla-c01', 'cert:databricks-ml-associate', 'cert:google-pmle']);
  });

  it('sorts booked exams first, soonest on top', () => {
    const certs = [sampleCert({ key: 'google-pmle' }), sampleCert({ key: 'aws-mla-c01', examDate: '2027-01-10' }), sampleCert({ key: 'databricks-ml-associate', examDate: '2026-12-05' })];
    assert.deepEqual(build(snapshot({ certifications: certs })).rootIds, ['cert:databricks-ml-associate', 'cert:aws-mla-c01', 'cert:google-pmle']);
    assert.deepEqual(build(snapshot({ certifications: certs }), 'name').rootIds, ['cert:aws-mla-c01', 'cert:databricks-ml-associate', 'cert:google-pmle']);
  });

  it('refreshes only the certification whose rows changed', () => {
    const certs = [sampleCert({ key: 'aws-mla-c01' }), sampleCert({ key: 'google-pmle' })];
    const before = build(snapshot({ certifications: certs }), 'name');
    const after = build(snapshot({ certifications: certs, sessions: [sampleSession({ certKey: 'google-pmle' })] }), 'name');
    assert.deepEqual(changedRoots(before, after), ['cert:google-pmle']);
    assert.deepEqual(changedRoots(before, before), []);
    assert.equal(changedRoots(before, build(snapshot({ certifications: certs.slice(1) }), 'name')), 'all');
  });
});

