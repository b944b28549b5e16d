import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCommandArg } from '../../src/core/certifications/commandArgs';
import { ExportTeamArgSchema, ProfileArgSchema, RestoreArgSchema, TeamReportArgSchema } from '../../src/core/team/args';
import { buildTeamFile, weeklyStudy } from '../../src/core/team/exportTeam';
import { readTeamFile, serializeTeamFile } from '../../src/core/team/read';
import { applyProfile, fileSlug, isExportable } from '../../src/core/team/profile';
import type { Profile } from '../../src/core/model/tracking';
import { samplePractice, sampleCert, sampleSession } from './support/samples';

const profile: Profile = {
  engineerId: '3f1c2a9e-5b7d-4c1a-9e2f-1a2b3c4d5e6f',
  name: 'Alice Chen',
  email: 'alice@example.com',
  role: 'ML Engineer',
  billingRateUsd: { baseline: 120, current: 135 },
};
const now = new Date('2026-11-26T15:00:00Z'); // Thursday 08:00 in Denver
const generator = { name: 'cert-study-tracker', version: '0.1.0' };

describe('team format: export from the engineer\'s data', () => {
  const build = (over: Partial<Parameters<typeof buildTeamFile>[0]> = {}) =>
    buildTeamFile({ profile, certifications: [], sessions: [], practiceExams: [], catalog: new Catalog(), now, generator, ...over });

  it('gives as a certification\'s cost the total of its cost items when it has any, else its own cost field (issue 18)', () => {
    const file = build({
      certifications: [
        // The cost field was edited apart from the items (Edit Certification): the items win.
        sampleCert({ key: 'aws-mla-c01', costUsd: 150 }),
        sampleCert({ key: 'google-pmle', costUsd: 200 }),
        sampleCert({ key: 'databricks-ml-professional', costUsd: null }),
        sampleCert({ key: 'azure-ai-103', costUsd: 165 }),
      ],
      costs: {
        'aws-mla-c01': [
          { kind: 'exam', amountUsd: 150, note: '' },
          { kind: 'voucher', amountUsd: 0.1, note: '' },
          { kind: 'course', amountUsd: 19.99, note: 'video course' },
          { kind: 'retake', amountUsd: 75.2, note: '' },
        ],
        'databricks-ml-professional': [{ kind: 'exam', amountUsd: 200, note: '' }],
        'azure-ai-103': [],
        'removed-cert': [{ kind: 'exam', amountUsd: 999, note: '' }],
      },
    });
    assert.deepEqual(
      file.certifications.map((c) => [c.key, c.costUsd]),
      [
        ['aws-mla-c01', 245.29],
        ['google-pmle', 200],
        ['databricks-ml-professional', 200],
        ['azure-ai-103', 165],
      ],
    );
    assert.equal(build({ certifications: [sampleCert({ key: 'aws-mla-c01', costUsd: null })] }).certifications[0].costUsd, null, 'neither: none');
    assert.ok(readTeamFile('alice.certstudy.json', serializeTeamFile(file)).ok);
  });

  it('maps certifications with catalog names, computed expiry, totals, practice scores oldest first and attempts, and nothing private', () => {
    const file = build({
      certifications: [
        sampleCert({ key: 'aws-mla-c01', status: 'passed', earnedOn: '2026-03-10', notes: 'my secret plan', costUsd: 150, attempts: [{ takenOn: '2026-03-10', passed: true, score: 812, scale: '100-1000' }] }),
        sampleCert({ key: 'google-pmle', status: 'scheduled', examDate: '2026-12-15', targetMinutes: null }),
      ],
      sessions: [
        sampleSession({ certKey: 'aws-mla-c01', start: '2026-11-24T08:00:00.000-07:00', end: '2026-11-24T09:30:00.000-07:00', note: 'secret session note' }),
        sampleSession({ certKey: 'removed-cert', start: '2026-11-24T10:00:00.000-07:00', end: '2026-11-24T11:00:00.000-07:00' }),
      ],
      practiceExams: [
        samplePractice({ certKey: 'aws-mla-c01', takenAt: '2026-02-20T08:00:00.000-07:00', scorePercent: 82, note: 'secret practice note', domainScores: { 'data-preparation': 50 } }),
        samplePractice({ certKey: 'aws-mla-c01', takenAt: '2026-02-01T08:00:00.000-07:00', scorePercent: 71 }),
      ],
    });
    assert.equal(file.format, 'cert-study-team');
    assert.equal(file.exportedAt, '2026-11-26T08:00:00.000-07:00');
    assert.deepEqual(file.engineer, { id: profile.engineerId, name: 'Alice Chen', email: 'alice@example.com', role: 'ML Engineer', billingRateUsd: { baseline: 120, current: 135 } });
    const [mla, pmle] = file.certifications;
    assert.equal(mla.name, 'AWS Certified Machine Learning Engineer – Associate');
    assert.equal(mla.provider, 'AWS');
    assert.equal(mla.expiresOn, '2029-03-10', 'the catalog\'s three-year validity');
    assert.equal(mla.studyMinutes, 90);
    assert.deepEqual(mla.practiceExams, [
      { takenOn: '2026-02-01', scorePercent: 71, source: 'Official practice question set' },
      { takenOn: '2026-02-20', scorePercent: 82, source: 'Official practice question set' },
    ]);
    assert.deepEqual(mla.attempts, [{ takenOn: '2026-03-10', passed: true, score: 812, scale: '100-1000' }]);
    assert.equal(pmle.status, 'scheduled');
    assert.equal(pmle.examDate, '2026-12-15');
    assert.equal(pmle.targetMinutes, null);
    const text = serializeTeamFile(file);
    assert.doesNotMatch(text, /secret|domainScores|data-preparation|removed-cert/, 'no notes, no domain scores, no untracked study');
    assert.ok(readTeamFile('alice.certstudy.json', text).ok, 'the reader accepts what is written');
  });

  it('weekly study: the last 26 ISO weeks to this one, oldest first, a session over midnight split by its overlap', () => {
    const weeks = weeklyStudy(
      [
        sampleSession({ start: '2026-11-22T23:00:00.000-07:00', end: '2026-11-23T01:00:00.000-07:00' }), // Sunday 23:00 to Monday 01:00
        sampleSession({ start: '2026-11-26T08:00:00.000-07:00', end: '2026-11-26T08:45:00.000-07:00' }),
        sampleSession({ start: '2026-05-31T08:00:00.000-06:00', end: '2026-05-31T09:00:00.000-06:00' }), // the Sunday before the first week
      ],
      '2026-11-26',
    );
    assert.equal(weeks.length, 26);
    assert.equal(weeks[25].weekStart, '2026-11-23');
    assert.equal(weeks[0].weekStart, '2026-06-01');
    assert.equal(weeks[25].minutes, 60 + 45);
    assert.equal(weeks[24].minutes, 60);
    assert.equal(weeks.reduce((s, w) => s + w.minutes, 0), 165, 'the session before the window does not count');
  });

  it('property: any export the engineer\'s data allows reads back as written', () => {
    const keys = ['aws-mla-c01', 'google-pmle', 'azure-ai-103', 'nvidia-nca-genl'] as const;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...keys), { minLength: 0, maxLength: 4 }),
        fc.array(fc.record({ key: fc.constantFrom(...keys), day: fc.integer({ min: 0, max: 400 }), minutes: fc.integer({ min: 1, max: 300 }) }), { maxLength: 30 }),
        fc.array(fc.record({ key: fc.constantFrom(...keys), day: fc.integer({ min: 0, max: 400 }), score: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 10 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        (tracked, sessions, practice, name) => {
          const start = (day: number) => new Date(Date.UTC(2025, 9, 1) + day * 86_400_000);
          const file = buildTeamFile({
            profile: { ...profile, name },
            certifications: tracked.map((key) => sampleCert({ key, status: 'studying' })),
            sessions: sessions.map((s) => sampleSession({ certKey: s.key, start: start(s.day).toISOString(), end: new Date(start(s.day).getTime() + s.minutes * 60_000).toISOString() })),
            practiceExams: practice.map((p) => samplePractice({ certKey: p.key, takenAt: start(p.day).toISOString(), scorePercent: p.score / 10 })),
            catalog: new Catalog(),
            now,
            generator,
          });
          const read = readTeamFile('x.certstudy.json', serializeTeamFile(file));
          if (!read.ok) throw new Error(JSON.stringify(read.problems));
          assert.deepStrictEqual(read.value, file);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('engineer profile', () => {
  const newId = () => '11111111-2222-4333-8444-555555555555';
  it('a new profile gets an id once; edits keep it; null or empty clears a field; undefined leaves it', () => {
    const created = applyProfile(null, { name: 'Alice', email: 'a@x.io' }, newId);
    assert.deepEqual(created, { engineerId: newId(), name: 'Alice', email: 'a@x.io', role: null, billingRateUsd: { baseline: null, current: null } });
    const edited = applyProfile(created, { role: 'ML Engineer', email: '', billingRateUsd: { current: 140 } }, () => 'other');
    assert.deepEqual(edited, { engineerId: newId(), name: 'Alice', email: null, role: 'ML Engineer', billingRateUsd: { baseline: null, current: 140 } });
  });

  it('refuses a new profile without a name; only a named profile can be exported', () => {
    assert.throws(() => applyProfile(null, { email: 'a@x.io' }, newId), /needs a name/);
    assert.equal(isExportable(null), false);
    assert.equal(isExportable({ ...profile, name: ' ' }), false);
    assert.equal(isExportable(profile), true);
  });

  it('file names from the engineer\'s name', () => {
    assert.equal(fileSlug('Alice Chen'), 'alice-chen');
    assert.equal(fileSlug('Zoë Ñúñez'), 'zoe-nunez');
    assert.equal(fileSlug('李'), 'engineer');
  });
});

describe('team command arguments', () => {
  it('are strict and name the field', () => {
    const t = (m: string, ...a: Array<string | number | boolean>) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));
    assert.deepEqual(parseCommandArg(ExportTeamArgSchema, { path: '/tmp/a.certstudy.json' }, t), { path: '/tmp/a.certstudy.json', format: 'json' });
    assert.throws(() => parseCommandArg(ExportTeamArgSchema, { path: '/tmp/a', format: 'xml' }, t), /format/);
    assert.throws(() => parseCommandArg(RestoreArgSchema, { path: '/tmp/b.json', mode: 'overwrite' }, t), /mode/);
    assert.throws(() => parseCommandArg(TeamReportArgSchema, { files: ['/tmp'], extra: 1 }, t), /extra|Unrecognized/);
    assert.throws(() => parseCommandArg(TeamReportArgSchema, { files: [] }, t), /files/);
    assert.throws(() => parseCommandArg(ProfileArgSchema, { billingRateUsd: { current: -1 } }, t), /billingRateUsd\.current/);
  });
});
