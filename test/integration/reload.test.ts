import * as vscode from 'vscode';
import * as assert from './assert';
import { appendText, exists, listNames, readText, uriOfPath } from './files';
import { activeContainer, phase, treeRows } from './support';

// "[reload]" suites run in two phases with a real window reload between them (see
// test/run-integration.mjs): phase 1 writes, phase 2 checks after a fresh extension host.

describe('state survives a window reload [reload]', () => {
  it('keeps certifications in globalState and sessions in the global storage folder', async () => {
    const container = await activeContainer();
    if (phase() === '1') {
      await container.store.setCertifications([]);
      await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01', examDate: '2027-02-01', targetHours: 90 });
      await container.store.sessions.append({
        id: '11111111-1111-4111-8111-111111111111',
        certKey: 'aws-mla-c01',
        start: '2026-11-26T08:00:00.000-07:00',
        end: '2026-11-26T09:30:00.000-07:00',
        domainId: null,
        activity: 'reading',
        source: 'timer',
        note: '',
      });
      return;
    }
    const rows = await treeRows(container);
    assert.deepStrictEqual(rows.map((r) => r.id), ['cert:aws-mla-c01']);
    assert.match(String(rows[0].description), /^1\.5 \/ 90 h · exam /);
  });
});


describe('a running study timer survives a window reload [reload]', () => {
  it('is still running after the reload, from the same start, shown in the status bar without a question', async () => {
    const container = await activeContainer();
    const api = vscode.extensions.getExtension<import('../../src/extension').CertStudyApi>('cert-study.cert-study-tracker')!.exports;
    const marker = vscode.Uri.joinPath(container.context.globalStorageUri, 'reload-timer-started-at');
    if (phase() === '1') {
      if (container.timer.current()) await container.timer.discard();
      // The certification the suite above added (the other suites' rows must stay as they expect).
      if (!container.service.get('aws-mla-c01')) await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
      const timer = await vscode.commands.executeCommand<{ startedAt: string }>('certStudy.startTimer', { key: 'aws-mla-c01' });
      await appendText(marker, timer.startedAt); // creates the folder if need be
      return;
    }
    // The timer is read after the stored data, in the background: wait for it, not for a guess.
    await container.timerLoaded;
    const timer = container.timer.current();
    assert.ok(timer, 'the timer was found running after the reload');
    assert.strictEqual(timer.certKey, 'aws-mla-c01');
    assert.strictEqual(timer.startedAt, await readText(marker));
    assert.match(api.status.text ?? '', /^\$\(watch\) \d\d:\d\d · AWS MLA-C01$/);
    await container.timer.discard();
  });
});

// Last in the file: in phase 1 the damage is done just before the reload.
describe('corrupt stored state [reload]', () => {
  it('is backed up and reported while the valid rest keeps working', async () => {
    const container = await activeContainer();
    const folder = container.context.globalStorageUri;
    if (phase() === '1') {
      const good = { key: 'custom:acme-ml', name: 'Acme ML', provider: 'Acme', domains: [], passMarkPercent: null, validityMonths: null };
      const bad = { key: 'custom:broken', name: '', provider: 'Acme', domains: [], passMarkPercent: 140, validityMonths: null };
      // Through the extension's one write queue: a write beside it raced the row record's write in
      // flight (its echo brought back the older copy, and the damage was gone after the reload).
      await container.storage.update('certStudy.customCertifications', { v: 1, data: [bad, good] });
      await appendText(vscode.Uri.joinPath(folder, 'practice-exams.jsonl'), '{"kind":"cert-study-practice-exams","v":1}\n{"id": "half a line\n');
      return;
    }
    const problems = await container.ready;
    const where = problems.map((p) => p.where);
    const backups = await listNames(vscode.Uri.joinPath(folder, 'backups'));
    // Found when this window loaded, or already by phase 1's window when it got focus before the
    // reload (a focus re-reads the stored data): either way it was reported and backed up whole.
    const found = (place: string, backupName: RegExp) => where.includes(place) || backups.some((f) => backupName.test(f));
    assert.ok(found('globalState certStudy.customCertifications[0].name', /customCertifications/), `${where.join('; ')} | ${backups.join(', ')}`);
    assert.ok(found('practice-exams.jsonl line 2', /practice-exams\.jsonl/), `${where.join('; ')} | ${backups.join(', ')}`);
    for (const p of problems) assert.ok(p.backupPath && (await exists(await uriOfPath(p.backupPath))), `backup of ${p.where} exists`);
    assert.ok(backups.length >= 2);
    assert.deepStrictEqual(container.service.catalog().get('custom:acme-ml')?.name, 'Acme ML', 'the valid custom certification is kept');
    // The rest keeps working: a change can be made and is saved.
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'custom:acme-ml' });
    assert.ok((await treeRows(container)).some((r) => r.id === 'cert:custom:acme-ml'));
  });
});
