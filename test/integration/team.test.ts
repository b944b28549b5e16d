import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import Ajv2020 from 'ajv/dist/2020';
import type { Profile } from '../../src/core/model/tracking';
import type { ExportResult, RestoreResult } from '../../src/commands/teamCommands';
import type { TeamReport } from '../../src/core/team/report';
import { readTeamFile } from '../../src/core/team/read';
import { activeContainer, answerWindow, EXTENSION_ID, resetCertifications, treeRows } from './support';

const extensionPath = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
const fixtures = () => path.join(extensionPath(), 'test', 'fixtures', 'team');

/** The committed JSON Schema, compiled by an independent validator. */
function schemaValidator() {
  const schema = JSON.parse(readFileSync(path.join(extensionPath(), 'media', 'schemas', 'team-format-v1.schema.json'), 'utf8')) as object;
  return new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
}

function teamModuleLoaded(): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}dist${path.sep}team.js`));
}

describe('team: export, backup and restore, the team report (driven with arguments)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-study-team-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const container = await activeContainer();
    await resetCertifications(container);
    await container.store.sessions.replaceAll([]);
    await container.store.practiceExams.replaceAll([]);
    await container.store.state.set('profile', null);
  });
  beforeEach(async () => {
    const container = await activeContainer();
    await resetCertifications(container);
    await container.store.sessions.replaceAll([]);
    await container.store.practiceExams.replaceAll([]);
    await container.store.state.set('profile', null);
  });

  it('loads dist/team.js only when a team command runs', async () => {
    await activeContainer();
    assert.strictEqual(teamModuleLoaded(), false, 'not loaded with the app');
    await vscode.commands.executeCommand('certStudy.editProfile', { name: 'Alice Chen' });
    assert.strictEqual(teamModuleLoaded(), true);
  });

  it('Export for Team writes a file the JSON Schema and the reader accept, and the CSV beside it; nothing private in it', async () => {
    const container = await activeContainer();
    const profile = await vscode.commands.executeCommand<Profile>('certStudy.editProfile', {
      name: 'Alice Chen',
      email: 'alice@example.com',
      role: 'ML Engineer',
      billingRateUsd: { baseline: 120, current: 135 },
    });
    assert.match(profile!.engineerId, /^[0-9a-f-]{36}$/);
    const again = await vscode.commands.executeCommand<Profile>('certStudy.editProfile', { role: 'Senior ML Engineer' });
    assert.strictEqual(again!.engineerId, profile!.engineerId, 'the id is kept across edits');
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', notes: 'private plan', costUsd: 150 });
    await vscode.commands.executeCommand('certStudy.recordPracticeExam', { key: 'aws-mla-c01', date: '2026-01-10', score: '38/50', note: 'private note' });
    const target = path.join(dir, 'alice-chen.certstudy.json');
    const result = await vscode.commands.executeCommand<ExportResult>('certStudy.exportTeamFile', { path: target, format: 'both' });
    assert.deepStrictEqual(result?.files, [target, path.join(dir, 'alice-chen.certstudy.csv')]);
    const text = readFileSync(target, 'utf8');
    const validate = schemaValidator();
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
    const read = readTeamFile('alice-chen.certstudy.json', text);
    assert.ok(read.ok);
    assert.strictEqual(read.value.engineer.id, profile!.engineerId);
    assert.strictEqual(read.value.engineer.role, 'Senior ML Engineer');
    assert.deepStrictEqual(read.value.certifications.map((c) => [c.key, c.costUsd, c.practiceExams.map((p) => p.scorePercent)]), [['aws-mla-c01', 150, [76]]]);
    assert.doesNotMatch(text, /private/);
    const csv = readFileSync(path.join(dir, 'alice-chen.certstudy.csv'), 'utf8');
    assert.match(csv, /^engineer_id,engineer_name,engineer_email,certification_key,/);
    assert.match(csv, /\r\n.*,Alice Chen,alice@example\.com,aws-mla-c01,/);
    assert.ok(container.store.state.get('profile'));
  });

  it('Export for Team with an argument and no profile is refused, and writes nothing', async () => {
    const shown = answerWindow();
    try {
      const target = path.join(dir, 'nobody.certstudy.json');
      const result = await vscode.commands.executeCommand('certStudy.exportTeamFile', { path: target });
      assert.strictEqual(result, undefined);
      assert.strictEqual(existsSync(target), false);
      assert.ok(shown.messages.some((m) => /needs your profile/.test(m)), shown.messages.join('\n'));
    } finally {
      shown.restore();
    }
  });

  it('Back Up All Data, then Restore from Backup into an emptied profile, reproduces the certifications and the logs', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.editProfile', { name: 'Alice Chen' });
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', examDate: '2027-02-01', notes: 'labs first' });
    await vscode.commands.executeCommand('certStudy.addCertification', { custom: { name: 'SnowPro Core', provider: 'Snowflake' } });
    await vscode.commands.executeCommand('certStudy.setStatus', { key: 'custom:snowpro-core', status: 'passed' });
    await vscode.commands.executeCommand('certStudy.recordPracticeExam', { key: 'aws-mla-c01', date: '2026-01-10', score: 71, note: 'timed' });
    await vscode.commands.executeCommand('certStudy.logStudyTime', { key: 'aws-mla-c01', start: '2026-01-09T08:00', minutes: 90, note: 'chapter 3' });
    const rowsBefore = (await treeRows(container)).map((r) => [r.id, r.description]);
    const stateBefore = {
      certifications: container.store.state.get('certifications'),
      custom: container.store.state.get('customCertifications'),
      profile: container.store.state.get('profile'),
      sessions: container.store.sessions.all(),
      practice: container.store.practiceExams.all(),
    };
    assert.strictEqual(stateBefore.sessions.length, 1, 'the study time was logged');
    const backup = path.join(dir, 'backup.json');
    const written = await vscode.commands.executeCommand<{ path: string; certifications: number; sessions: number }>('certStudy.exportBackup', { path: backup });
    assert.deepStrictEqual([written?.certifications, written?.sessions], [2, 1]);

    await resetCertifications(container);
    await container.store.sessions.replaceAll([]);
    await container.store.practiceExams.replaceAll([]);
    await container.store.state.set('profile', null);
    assert.deepStrictEqual(await treeRows(container), []);

    const dry = await vscode.commands.executeCommand<RestoreResult>('certStudy.importBackup', { path: backup, dryRun: true });
    assert.ok(dry && 'dryRun' in dry);
    assert.strictEqual(dry.replace.certifications.added, 2);
    assert.deepStrictEqual(await treeRows(container), [], 'a dry run changes nothing');

    const restored = await vscode.commands.executeCommand<RestoreResult>('certStudy.importBackup', { path: backup, mode: 'replace' });
    assert.ok(restored && 'mode' in restored, JSON.stringify(restored));
    assert.ok(existsSync(restored.previousStateBackup), 'the state before the restore was backed up');
    assert.deepStrictEqual(
      {
        certifications: container.store.state.get('certifications'),
        custom: container.store.state.get('customCertifications'),
        profile: container.store.state.get('profile'),
        sessions: container.store.sessions.all(),
        practice: container.store.practiceExams.all(),
      },
      stateBefore,
    );
    assert.deepStrictEqual((await treeRows(container)).map((r) => [r.id, r.description]), rowsBefore, 'the tree is back as it was');
  });

  it('a refused restore changes nothing and says what and where', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle' });
    const backup = path.join(dir, 'broken-backup.json');
    await vscode.commands.executeCommand('certStudy.exportBackup', { path: backup });
    const broken = JSON.parse(readFileSync(backup, 'utf8'));
    broken.state.certifications.data = [{ ...broken.state.certifications.data[0], key: 'aws-mla-c01', examDate: '2026-02-30' }];
    writeFileSync(backup, JSON.stringify(broken));
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'nvidia-nca-genl' });
    const envelope = JSON.stringify(container.context.globalState.get('certStudy.certifications'));
    const rows = (await treeRows(container)).map((r) => r.id);

    const shown = answerWindow();
    try {
      const result = await vscode.commands.executeCommand<RestoreResult>('certStudy.importBackup', { path: backup, mode: 'replace' });
      assert.ok(result && 'refused' in result);
      assert.deepStrictEqual(result.refused, [{ file: 'broken-backup.json', path: '$.state.certifications.data[0].examDate', message: 'not a real calendar date' }]);
      assert.ok(shown.messages.some((m) => /broken-backup\.json was not restored, and nothing changed/.test(m)), shown.messages.join('\n'));
    } finally {
      shown.restore();
    }
    assert.strictEqual(JSON.stringify(container.context.globalState.get('certStudy.certifications')), envelope);
    assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), rows);
  });

  it('Open Team Report merges the sample engineers, shows a gap, and exports the merged CSV', async () => {
    const csv = path.join(dir, 'team.csv');
    const result = await vscode.commands.executeCommand<{ report: TeamReport; csv?: string }>('certStudy.openTeamReport', {
      files: [fixtures(), path.join(fixtures(), 'refused')],
      requirements: path.join(fixtures(), 'requirements.json'),
      csv,
    });
    const report = result!.report;
    assert.deepStrictEqual(report.engineers.map((e) => e.name), ['Alice Chen', 'Bob Okafor', 'Chandra Rao']);
    assert.deepStrictEqual(report.refusedFiles.map((f) => path.basename(f)), ['impossible-date.certstudy.json']);
    // Alice's AWS pass (the one Northwind needs) is valid until 2028-03-10; the other three are gaps on any day.
    assert.deepStrictEqual(
      report.requirements!.map((r) => [r.client, r.gap]),
      [['Northwind Bank', report.today > '2028-03-10'], ['Contoso Health', true], ['Fabrikam Retail', true], ['Tailspin Labs', true]],
    );
    assert.strictEqual(result!.csv, csv);
    assert.strictEqual(readFileSync(csv, 'utf8').split('\r\n').filter(Boolean).length, 1 + 7);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Team Report');
    assert.ok(tab, 'the report is open in a webview tab');
    await vscode.window.tabGroups.close(tab);
  });
});
