import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { activeContainer, eventually, resetCertifications, treeRows } from './support';

describe('certification commands (driven with arguments)', () => {
  beforeEach(async () => resetCertifications(await activeContainer()));

  it('adds a catalog certification and shows it in the tree', async () => {
    const container = await activeContainer();
    const added = await vscode.commands.executeCommand<TrackedCertification>('certStudy.addCertification', { key: 'aws-mla-c01' });
    assert.strictEqual(added?.key, 'aws-mla-c01');
    const rows = await treeRows(container);
    assert.deepStrictEqual(rows.map((r) => r.id), ['cert:aws-mla-c01']);
    assert.strictEqual(rows[0].label, 'AWS MLA-C01');
    assert.strictEqual(rows[0].contextValue, 'certification+planned+catalog+current+noExamDate');
    assert.ok(rows[0].iconPath instanceof vscode.ThemeIcon);
    const children = await treeRows(container, 'cert:aws-mla-c01');
    assert.deepStrictEqual(children.map((c) => c.id), ['cert:aws-mla-c01/hours', 'cert:aws-mla-c01/exam', 'cert:aws-mla-c01/practice', 'cert:aws-mla-c01/domains']);
    assert.strictEqual(container.tree.getParent('cert:aws-mla-c01/exam'), 'cert:aws-mla-c01');
  });

  it('writes each change to globalState at once', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle', examDate: '2027-01-15' });
    const stored = container.context.globalState.get<{ v: number; data: TrackedCertification[] }>('certStudy.certifications');
    assert.strictEqual(stored?.v, 1);
    assert.deepStrictEqual(stored?.data.map((c) => [c.key, c.examDate, c.status]), [['google-pmle', '2027-01-15', 'scheduled']]);
  });

  it('edits fields given in the argument without asking', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    const edited = await vscode.commands.executeCommand<TrackedCertification>('certStudy.editCertification', {
      key: 'aws-mla-c01',
      examDate: '2027-02-01',
      targetHours: 90,
      costUsd: 150,
      notes: 'labs first',
    });
    assert.strictEqual(edited?.targetMinutes, 5400);
    assert.strictEqual(edited?.status, 'scheduled');
    const row = (await treeRows(container))[0];
    assert.match(String(row.description), /^0 \/ 90 h · exam in \d+ d$/);
  });

  it('sets the status from a tree row id, as the context menu passes it', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'databricks-ml-associate' });
    const updated = await vscode.commands.executeCommand<TrackedCertification>('certStudy.setStatus', { key: 'databricks-ml-associate', status: 'passed' });
    assert.strictEqual(updated?.status, 'passed');
    assert.ok(updated?.earnedOn);
    const row = (await treeRows(container))[0];
    assert.strictEqual(row.contextValue, 'certification+passed+catalog+current+noExamDate');
    assert.match(String(row.description), /expires in \d+ d/);
  });

  it('removes a certification (confirmation skipped by argument) and keeps its study log', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle' });
    const removed = await vscode.commands.executeCommand<TrackedCertification>('certStudy.removeCertification', { key: 'aws-mla-c01', skipConfirmation: true });
    assert.strictEqual(removed?.key, 'aws-mla-c01');
    assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), ['cert:google-pmle']);
  });

  it('removes without asking when confirmation is turned off in settings', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    await vscode.workspace.getConfiguration('certStudy').update('confirmBeforeRemove', false, vscode.ConfigurationTarget.Global);
    try {
      const removed = await vscode.commands.executeCommand<TrackedCertification>('certStudy.removeCertification', 'cert:aws-mla-c01');
      assert.strictEqual(removed?.key, 'aws-mla-c01');
      assert.deepStrictEqual(await treeRows(container), []);
    } finally {
      await vscode.workspace.getConfiguration('certStudy').update('confirmBeforeRemove', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('adds a custom certification from an argument', async () => {
    const container = await activeContainer();
    const added = await vscode.commands.executeCommand<TrackedCertification>('certStudy.addCertification', {
      custom: { name: 'Snowflake SnowPro Core', provider: 'Snowflake', domains: ['Architecture', 'Data Loading'], passMarkPercent: 75, validityMonths: 24 },
    });
    assert.strictEqual(added?.key, 'custom:snowflake-snowpro-core');
    const domains = await treeRows(container, 'cert:custom:snowflake-snowpro-core/domains');
    assert.deepStrictEqual(domains.map((d) => d.label), ['Architecture', 'Data Loading']);
  });

  it('reports a malformed argument instead of acting on it', async () => {
    const container = await activeContainer();
    const result = await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', examDate: '12/19/2026' });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(await treeRows(container), []);
  });

  it('follows the sort setting', async () => {
    const container = await activeContainer();
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle' });
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', examDate: '2027-03-01' });
    assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), ['cert:aws-mla-c01', 'cert:google-pmle']);
    await vscode.workspace.getConfiguration('certStudy').update('tree.sortBy', 'added', vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), ['cert:google-pmle', 'cert:aws-mla-c01']));
    } finally {
      await vscode.workspace.getConfiguration('certStudy').update('tree.sortBy', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
