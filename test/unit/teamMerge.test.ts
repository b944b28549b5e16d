import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeTeamFiles, type TeamInput } from '../../src/core/team/merge';
import { buildTeamReport } from '../../src/core/team/report';
import { readRequirementsFile, type RequirementsFile } from '../../src/core/team/requirements';
import { teamReportFrom } from '../../src/core/team/teamReportInputs';
import type { TeamFile } from '../../src/core/team/schema';
import { HostMessageSchema, PageMessageSchema } from '../../src/webviews/teamReport/protocol';
import { copy, fixture, FIXTURES, teamCert, teamFile } from './support/teamFiles';

const input = (file: string, team: TeamFile | string): TeamInput => ({ file, bytes: typeof team === 'string' ? team : JSON.stringify(team) });
const today = '2026-11-26';
const sample = () => ['alice', 'bob', 'chandra'].map((n) => input(`${n}.certstudy.json`, fixture(`${n}.certstudy.json`)));

describe('team merge: the lead\'s side', () => {
  it('one engineer per id: the latest exportedAt wins, whole (compared as instants, whatever the offset)', () => {
    const older = teamFile({ exportedAt: '2026-11-20T08:00:00-07:00', certifications: [teamCert({ status: 'studying' })] });
    const newer = teamFile({ exportedAt: '2026-11-20T15:30:00Z', certifications: [teamCert({ status: 'scheduled', examDate: '2026-12-01' })] }); // 08:30 in Denver
    const merged = mergeTeamFiles([input('new.certstudy.json', newer), input('old.certstudy.json', older)]);
    assert.equal(merged.engineers.length, 1);
    assert.equal(merged.engineers[0].file, 'new.certstudy.json');
    assert.equal(merged.engineers[0].team.certifications[0].status, 'scheduled');
    assert.deepEqual(merged.superseded, [{ file: 'old.certstudy.json', by: 'new.certstudy.json' }]);
    assert.deepEqual(merged.problems, []);
  });

  it('ids match whatever their letter case', () => {
    const a = teamFile({ id: '3F1C2A9E-5B7D-4C1A-9E2F-1A2B3C4D5E6F', exportedAt: '2026-11-21T08:00:00Z' });
    const merged = mergeTeamFiles([input('a.certstudy.json', a), input('b.certstudy.json', teamFile())]);
    assert.equal(merged.engineers.length, 1);
  });

  it('same id and same exportedAt with different content: a conflict, reported for both files, and the engineer is left out', () => {
    const a = teamFile({ certifications: [teamCert({ status: 'passed', earnedOn: '2026-01-01' })] });
    const b = teamFile({ certifications: [teamCert({ status: 'failed' })] });
    const other = teamFile({ id: '8a6b4c2d-1e3f-4a5b-8c7d-9e0f1a2b3c4d', engineerName: 'Bob' });
    const merged = mergeTeamFiles([input('a.certstudy.json', a), input('b.certstudy.json', b), input('bob.certstudy.json', other)]);
    assert.deepEqual(merged.engineers.map((e) => e.team.engineer.name), ['Bob'], 'the others still merge');
    assert.deepEqual(merged.refusedFiles, ['a.certstudy.json', 'b.certstudy.json']);
    assert.equal(merged.problems.length, 2);
    assert.equal(merged.problems[0].path, '$.exportedAt');
    assert.match(merged.problems[0].message, /same engineer \(3f1c2a9e-.*\) and export time as b\.certstudy\.json, but different content/);
  });

  it('the same content twice (a copy, keys in another order) is no conflict', () => {
    const a = teamFile();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(copy(a)).reverse()));
    const merged = mergeTeamFiles([input('a.certstudy.json', a), input('copy.certstudy.json', reordered)]);
    assert.equal(merged.engineers.length, 1);
    assert.deepEqual(merged.problems, []);
    assert.deepEqual(merged.superseded, [{ file: 'copy.certstudy.json', by: 'a.certstudy.json' }]);
  });

  it('a refused file is reported with its name and problems; the others still merge; nothing of it is used', () => {
    const broken = copy(fixture('bob.certstudy.json')) as TeamFile;
    broken.certifications[1].studyMinutes = -5;
    const merged = mergeTeamFiles([...sample().filter((i) => !i.file.startsWith('bob')), input('bob.certstudy.json', broken), { file: 'gone.certstudy.json', unreadable: 'could not be read (ENOENT)' }]);
    assert.deepEqual(merged.engineers.map((e) => e.team.engineer.name), ['Alice Chen', 'Chandra Rao']);
    assert.deepEqual(merged.problems, [
      { file: 'bob.certstudy.json', path: '$.certifications[1].studyMinutes', message: 'minutes cannot be negative' },
      { file: 'gone.certstudy.json', path: '$', message: 'could not be read (ENOENT)' },
    ]);
    assert.deepEqual(merged.refusedFiles, ['bob.certstudy.json', 'gone.certstudy.json']);
  });
});

describe('team report: matrix, expiring, pipeline, requirements', () => {
  const requirements = readRequirementsFile('requirements.json', readFileSync(path.join(FIXTURES, 'requirements.json')));
  assert.ok(requirements.ok);
  const reqs = (requirements as { value: RequirementsFile }).value;
  const report = buildTeamReport(mergeTeamFiles(sample()), { today, requirements: reqs, fileCount: 3 });

  it('fits the report page’s message schema, which the page checks on arrival (the host sends it unparsed)', () => {
    const sources = { files: ['file:///team/alice.certstudy.json'], requirements: 'file:///team/requirements.json' };
    const checked = HostMessageSchema.safeParse({ type: 'report', report, sources });
    assert.ok(checked.success, JSON.stringify(checked.error?.issues.slice(0, 3)));
    assert.equal(HostMessageSchema.safeParse({ type: 'report', report: { ...report, engineers: 'all' }, sources }).success, false);
    // What the page answers when a report does not fit, for the host to show as an error.
    assert.equal(PageMessageSchema.safeParse({ type: 'refused', reason: 'files: Too big: expected array to have <=1000 items' }).success, true);
    assert.equal(PageMessageSchema.safeParse({ type: 'refused', reason: 'x'.repeat(2001) }).success, false);
  });

  it('engineers × certifications with status and expiry, columns by provider then name', () => {
    assert.deepEqual(report.engineers.map((e) => e.name), ['Alice Chen', 'Bob Okafor', 'Chandra Rao']);
    assert.deepEqual(report.columns.map((c) => c.key), ['aws-mla-c01', 'databricks-ml-associate', 'google-pmle', 'azure-ai-103', 'nvidia-nca-genl']);
    assert.deepEqual(report.matrix[0][0], { status: 'passed', examDate: null, expiresOn: '2028-03-10', held: true });
    assert.equal(report.matrix[1][1], null, 'Bob does not track Databricks');
    assert.deepEqual(report.matrix[2][4], { status: 'expired', examDate: null, expiresOn: '2026-05-02', held: false });
  });

  it('what expires within 90 days (and a pass already past its expiry, as negative days)', () => {
    assert.deepEqual(report.expiring.map((x) => [x.engineer, x.key, x.daysLeft]), [['Alice Chen', 'databricks-ml-associate', 24]]);
    const lapsed = teamFile({ certifications: [teamCert({ status: 'passed', earnedOn: '2023-01-01', expiresOn: '2026-11-20' }), teamCert({ key: 'google-pmle', status: 'passed', expiresOn: '2027-03-01' })] });
    const r = buildTeamReport(mergeTeamFiles([input('l.certstudy.json', lapsed)]), { today, fileCount: 1 });
    assert.deepEqual(r.expiring.map((x) => [x.key, x.daysLeft]), [['aws-mla-c01', -6]], '2027-03-01 is 95 days away: not listed');
    assert.equal(r.matrix[0][0]?.held, false);
  });

  it('the pipeline: scheduled or studying, soonest exam first, with hours and the latest practice score', () => {
    assert.deepEqual(
      report.pipeline.map((p) => [p.engineer, p.key, p.status, p.examDate, p.studyMinutes, p.targetMinutes, p.latestPracticePercent]),
      [
        ['Bob Okafor', 'azure-ai-103', 'scheduled', '2026-12-15', 3300, 4800, 77],
        ['Alice Chen', 'google-pmle', 'studying', null, 1890, 6000, 64],
      ],
    );
  });

  it('each requirement covered by whom, or a gap with who is on the way; an inner list is a choice', () => {
    const byClient = Object.fromEntries(report.requirements!.map((r) => [r.client, r]));
    assert.equal(byClient['Northwind Bank'].gap, false);
    assert.deepEqual(byClient['Northwind Bank'].coveredBy, [{ engineerId: '3f1c2a9e-5b7d-4c1a-9e2f-1a2b3c4d5e6f', engineer: 'Alice Chen', expiresOn: '2028-03-10' }]);
    assert.equal(byClient['Contoso Health'].gap, true);
    assert.deepEqual(byClient['Contoso Health'].inPipeline.map((p) => [p.engineer, p.examDate]), [['Bob Okafor', '2026-12-15']]);
    assert.deepEqual(byClient['Contoso Health'].requires, [[{ key: 'azure-ai-103', name: 'Microsoft Certified: Azure AI Apps and Agents Developer Associate' }, { key: 'azure-ai-102', name: 'azure-ai-102' }]]);
    assert.equal(byClient['Fabrikam Retail'].gap, true, 'Alice has Databricks but not PMLE; Chandra PMLE but not Databricks');
    assert.deepEqual(byClient['Fabrikam Retail'].inPipeline.map((p) => p.engineer), ['Alice Chen']);
    assert.equal(byClient['Tailspin Labs'].gap, true);
    assert.deepEqual(byClient['Tailspin Labs'].inPipeline, []);
  });

  it('a choice is covered by either key; an expired pass does not cover', () => {
    const reqs2: RequirementsFile = { format: 'cert-study-requirements', version: 1, requirements: [{ client: 'C', platform: 'P', requires: [['azure-ai-102', 'nvidia-nca-genl', 'nvidia-ncp-genl']] }] };
    const holder = teamFile({ id: '5d5d5d5d-1e3f-4a5b-8c7d-9e0f1a2b3c4d', engineerName: 'Dana Holder', certifications: [teamCert({ key: 'azure-ai-102', name: 'Azure AI Engineer Associate', status: 'passed', expiresOn: '2027-01-01' })] });
    const r = buildTeamReport(mergeTeamFiles([...sample(), input('h.certstudy.json', holder)]), { today, requirements: reqs2, fileCount: 4, nameOf: (k) => (k === 'nvidia-ncp-genl' ? 'NVIDIA NCP-GENL' : undefined) });
    assert.deepEqual(r.requirements![0].coveredBy.map((c) => c.engineer), ['Dana Holder'], 'Chandra\'s NCA-GENL expired and does not count');
    assert.deepEqual(r.requirements![0].requires[0].map((c) => c.name), ['Azure AI Engineer Associate', 'NVIDIA-Certified Associate: Generative AI LLMs', 'NVIDIA NCP-GENL'], 'names from the files, else from the catalog');
  });

  it('a refused requirements file is reported with the others, and the report is made without it', () => {
    const { report: r } = teamReportFrom(sample(), { file: 'req.json', bytes: '{"format":"cert-study-requirements","version":1,"requirements":[{"client":"X","platform":"Y","requires":[]}]}' }, today);
    assert.equal(r.requirements, null);
    assert.deepEqual(r.problems, [{ file: 'req.json', path: '$.requirements[0].requires', message: 'expected at least one certification key' }]);
    assert.deepEqual(r.refusedFiles, ['req.json']);
    assert.equal(r.engineers.length, 3);
  });
});

describe('client-requirements file: strict reading', () => {
  const refuse = (text: string) => {
    const r = readRequirementsFile('req.json', text);
    assert.ok(!r.ok);
    return r.problems.map((p) => `${p.path}: ${p.message}`);
  };
  it('refuses another format, an unknown key, a bad key, a reserved key, and says where', () => {
    assert.deepEqual(refuse('{"format":"x","version":1,"requirements":[]}'), ['$.format: expected "cert-study-requirements": not a requirements file']);
    assert.deepEqual(refuse('{"format":"cert-study-requirements","version":2,"requirements":[]}'), ['$.version: version 2 is not one this reader knows (it reads version 1)']);
    assert.deepEqual(refuse('{"format":"cert-study-requirements","version":1,"requirements":[{"client":"A","platform":"B","requires":["aws-mla-c01"],"budget":1}]}'), [
      '$.requirements[0].budget: unknown key (not in this version of the format; additions belong under extensions)',
    ]);
    assert.deepEqual(refuse('{"format":"cert-study-requirements","version":1,"requirements":[{"client":"A","platform":"B","requires":["AWS ML"]}]}'), [
      '$.requirements[0].requires[0]: expected a key such as aws-mla-c01 or custom:my-cert',
    ]);
    assert.deepEqual(refuse('{"format":"cert-study-requirements","version":1,"__proto__":{},"requirements":[]}'), ['$.__proto__: the key __proto__ or constructor is not allowed']);
    assert.deepEqual(refuse('not json'), [`$: not JSON (Unexpected token 'o', "not json" is not valid JSON)`]);
  });
});
