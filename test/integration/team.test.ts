import * as vscode from 'vscode';
import Ajv2020 from 'ajv/dist/2020';
import type { Profile } from '../../src/core/model/tracking';
import type { ExportResult, RestoreResult } from '../../src/features/team/teamCommands';
import type { TeamReport } from '../../src/core/team/report';
import { readTeamFile } from '../../src/core/team/read';
import * as assert from './assert';
import { copyTree, exists, readText, remove, tempFolder, uriOfPath, writeText } from './files';
import { activeContainer, answerWindow, EXTENSION_ID, loadedBundles, resetCertifications, treeRows } from './support';

const extensionUri = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;

/** The committed JSON Schema, compiled by an independent validator. */
async function schemaValidator() {
  const schema = JSON.parse(await readText(vscode.Uri.joinPath(extensionUri(), 'media', 'schemas', 'team-format-v1.schema.json'))) as object;
  return new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
}

function teamModuleLoaded(): boolean {
  return loadedBundles().includes('team');
}

/** The last segment of a path string, with either separator. */
const baseName = (path: string) => path.split(/[\\/]/).pop();

describe('team: export, backup and restore, the team report (driven with arguments)', () => {
  let dir: vscode.Uri;
  before(async () => {
    dir = await tempFolder('cert-study-team-');
  });
  after(async () => {
    if (dir) await remove(dir);
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
    const target = vscode.Uri.joinPath(dir, 'alice-chen.certstudy.json');
    const csvFile = vscode.Uri.joinPath(dir, 'alice-chen.certstudy.csv');
    const result = await vscode.commands.executeCommand<ExportResult>('certStudy.exportTeamFile', { path: target.fsPath, format: 'both' });
    assert.deepStrictEqual(result?.files, [target.fsPath, csvFile.fsPath]);
    const text = await readText(target);
    const validate = await schemaValidator();
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
    const read = readTeamFile('alice-chen.certstudy.json', text);
    assert.ok(read.ok);
    assert.strictEqual(read.value.engineer.id, profile!.engineerId);
    assert.strictEqual(read.value.engineer.role, 'Senior ML Engineer');
    assert.deepStrictEqual(read.value.certifications.map((c) => [c.key, c.costUsd, c.practiceExams.map((p) => p.scorePercent)]), [['aws-mla-c01', 150, [76]]]);
    assert.doesNotMatch(text, /private/);
    const csv = await readText(csvFile);
    assert.match(csv, /^engineer_id,engineer_name,engineer_email,certification_key,/);
    assert.match(csv, /\r\n.*,Alice Chen,alice@example\.com,aws-mla-c01,/);
    assert.ok(container.store.state.get('profile'));
  });

  it('Export for Team with an argument and no profile is refused, and writes nothing', async () => {
    const shown = answerWindow();
    try {
      const target = vscode.Uri.joinPath(dir, 'nobody.certstudy.json');
      const result = await vscode.commands.executeCommand('certStudy.exportTeamFile', { path: target.fsPath });
      assert.strictEqual(result, undefined);
      assert.strictEqual(await exists(target), false);
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
    const backup = vscode.Uri.joinPath(dir, 'backup.json').fsPath;
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
    assert.ok(await exists(await uriOfPath(restored.previousStateBackup)), 'the state before the restore was backed up');
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
    const backupFile = vscode.Uri.joinPath(dir, 'broken-backup.json');
    const backup = backupFile.fsPath;
    await vscode.commands.executeCommand('certStudy.exportBackup', { path: backup });
    const broken = JSON.parse(await readText(backupFile));
    broken.state.certifications.data = [{ ...broken.state.certifications.data[0], key: 'aws-mla-c01', examDate: '2026-02-30' }];
    await writeText(backupFile, JSON.stringify(broken));
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
    // The sample engineers (test/fixtures/team), copied beside the other files: the command takes
    // path strings, which the extension reads on its global storage's file system.
    const fixtures = vscode.Uri.joinPath(dir, 'fixtures');
    await copyTree(vscode.Uri.joinPath(extensionUri(), 'test', 'fixtures', 'team'), fixtures);
    const csvFile = vscode.Uri.joinPath(dir, 'team.csv');
    const csv = csvFile.fsPath;
    const result = await vscode.commands.executeCommand<{ report: TeamReport; csv?: string }>('certStudy.openTeamReport', {
      files: [fixtures.fsPath, vscode.Uri.joinPath(fixtures, 'refused').fsPath],
      requirements: vscode.Uri.joinPath(fixtures, 'requirements.json').fsPath,
      csv,
    });
    const report = result!.report;
    assert.deepStrictEqual(report.engineers.map((e) => e.name), ['Alice Chen', 'Bob Okafor', 'Chandra Rao']);
    assert.deepStrictEqual(report.refusedFiles.map(baseName), ['impossible-date.certstudy.json']);
    // Alice's AWS pass (the one Northwind needs) is valid until 2028-03-10; the other three are gaps on any day.
    assert.deepStrictEqual(
      report.requirements!.map((r) => [r.client, r.gap]),
      [['Northwind Bank', report.today > '2028-03-10'], ['Contoso Health', true], ['Fabrikam Retail', true], ['Tailspin Labs', true]],
    );
    assert.strictEqual(result!.csv, csv);
    assert.strictEqual((await readText(csvFile)).split('\r\n').filter(Boolean).length, 1 + 7);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Team Report');
    assert.ok(tab, 'the report is open in a webview tab');
    await vscode.window.tabGroups.close(tab);
  });
});
