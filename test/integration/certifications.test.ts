import * as assert from './assert';
import * as vscode from 'vscode';
import type { TrackedCertification } from '../../src/core/model/tracking';
import { activeContainer, eventually, resetCertifications, treeRows } from './support';

/**
 * Records what the extension shows through `vscode.window` instead of showing it, until
 * `restore()`. The tests live in the extension's own folder, so VS Code hands them the same API
 * object as the extension, and the extension calls these stand-ins. Quick picks and messages
 * answer "cancelled" (undefined).
 */
function recordWindow(): { messages: string[]; quickPicks: vscode.QuickPickItem[][]; restore(): void } {
  const window = vscode.window as unknown as Record<string, unknown>;
  const names = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showQuickPick'];
  const originals = new Map(names.map((n) => [n, window[n]]));
  const messages: string[] = [];
  const quickPicks: vscode.QuickPickItem[][] = [];
  for (const n of names.slice(0, 3)) {
    window[n] = (message: string) => {
      messages.push(message);
      return Promise.resolve(undefined);
    };
  }
  window.showQuickPick = async (items: vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>) => {
    quickPicks.push([...(await items)]);
    return undefined;
  };
  return { messages, quickPicks, restore: () => originals.forEach((fn, n) => (window[n] = fn)) };
}

/** VS Code 1.100's own patterns: `$(icon)` in quick-pick texts (`\$(` is literal), `[text](command:…)` links in notifications. */
const ICON = /(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** The text as a user sees it: zero-width characters are invisible. */
const visible = (text: string) => text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');

function assertShownAsTyped(text: string | undefined, typed: string, where: string): void {
  assert.ok(text !== undefined, `${where} is shown`);
  assert.deepStrictEqual([...text.matchAll(ICON)].filter((m) => !m[1]).map((m) => m[0]), [], `${where} renders no icon: ${text}`);
  assert.doesNotMatch(text, LINK, `${where} renders no link: ${text}`);
  assert.ok(visible(text).includes(typed), `${where} reads "${typed}": ${text}`);
}

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

  it('names the field and shows the value as given when Add refuses an argument', async () => {
    const container = await activeContainer();
    const shown = recordWindow();
    try {
      const cases: [unknown, RegExp][] = [
        [{ key: 42 }, /: key: must be text, got 42$/],
        [{ key: 'aws-mla-c01', targetHours: NaN }, /: targetHours: must be a number, got NaN$/],
        [{ key: 'aws-mla-c01', targetHours: '50' }, /: targetHours: must be a number, got "50"$/],
      ];
      for (const [arg, told] of cases) {
        assert.strictEqual(await vscode.commands.executeCommand('certStudy.addCertification', arg), undefined);
        assert.match(shown.messages.at(-1) ?? '', told);
      }
      assert.strictEqual(shown.messages.length, cases.length);
    } finally {
      shown.restore();
    }
    assert.deepStrictEqual(await treeRows(container), []);
  });

  it('refuses to book a retired exam after its retirement, telling the date and the successors', async () => {
    const container = await activeContainer();
    const shown = recordWindow();
    try {
      assert.strictEqual(await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mls-c01', examDate: '2027-01-15' }), undefined);
      assert.deepStrictEqual(await treeRows(container), [], 'nothing added');
      await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mls-c01' });
      assert.strictEqual(await vscode.commands.executeCommand('certStudy.editCertification', { key: 'aws-mls-c01', examDate: '2027-01-15' }), undefined);
      assert.strictEqual(shown.messages.length, 2);
      for (const message of shown.messages) assert.match(message, /AWS MLS-C01 was retired on 2026-03-31.*2027-01-15.*AWS MLA-C01, AWS AIP-C01/);
    } finally {
      shown.restore();
    }
    const row = (await treeRows(container))[0];
    assert.strictEqual(row.contextValue, 'certification+planned+catalog+retired+noExamDate', 'still planned, no exam date');
  });

  it('keeps an expiry given with the pass, and refuses one given before any pass', async () => {
    const container = await activeContainer();
    const shown = recordWindow();
    try {
      assert.strictEqual(await vscode.commands.executeCommand('certStudy.addCertification', { key: 'google-pmle', expiresOn: '2029-06-30' }), undefined);
      assert.match(shown.messages.at(-1) ?? '', /Google PMLE is not passed/);
    } finally {
      shown.restore();
    }
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    await vscode.commands.executeCommand('certStudy.editCertification', { key: 'aws-mla-c01', status: 'passed', expiresOn: '2029-06-30' });
    const expiry = (await treeRows(container, 'cert:aws-mla-c01')).find((r) => r.id === 'cert:aws-mla-c01/expiry');
    assert.match(String(expiry?.description), /^2029-06-30 · in \d+ d$/);
  });

  it('shows a custom name as typed in pickers and messages, never as icons or links', async () => {
    const container = await activeContainer();
    // Under 40 characters, so labels and messages (which use the short name, cut at 40) get it whole.
    const name = '$(alert) [x](command:evil.run)';
    const provider = '$(zap) [Acme](https://example.com)';
    const custom = await vscode.commands.executeCommand<TrackedCertification>('certStudy.addCertification', { custom: { name, provider } });
    assert.strictEqual(container.service.catalog().get(custom?.key ?? '')?.shortName, name);
    await vscode.commands.executeCommand('certStudy.addCertification', { key: 'aws-mla-c01' });
    const shown = recordWindow();
    try {
      await vscode.commands.executeCommand('certStudy.setStatus');
      const tracked = shown.quickPicks.at(-1)?.find((i) => (i as { key?: string }).key === custom?.key);
      assertShownAsTyped(tracked?.label, name, 'the certification picker label');
      assertShownAsTyped(tracked?.detail, name, 'the certification picker detail');

      await vscode.commands.executeCommand('certStudy.addCertification', { custom: { name, provider } });
      assertShownAsTyped(shown.messages.at(-1), name, 'the "already in your list" error');

      await vscode.commands.executeCommand('certStudy.removeCertification', { key: custom?.key, skipConfirmation: true });
      assertShownAsTyped(shown.messages.at(-1), name, 'the "Removed" notification');

      await vscode.commands.executeCommand('certStudy.addCertification');
      const offered = shown.quickPicks.at(-1)?.find((i) => (i as { key?: string }).key === custom?.key);
      assertShownAsTyped(offered?.label, name, 'the add picker label');
      assertShownAsTyped(offered?.description, provider, 'the add picker description');
    } finally {
      shown.restore();
    }
    assert.deepStrictEqual((await treeRows(container)).map((r) => r.id), ['cert:aws-mla-c01']);
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
