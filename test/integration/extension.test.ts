import * as vscode from 'vscode';
import { COMMAND_IDS } from '../support/commandIds';
import * as assert from './assert';
import { readText } from './files';
import { activeContainer, eventually, EXTENSION_ID } from './support';

describe('extension manifest and activation', () => {
  it('activates and returns its container', async () => {
    const container = await activeContainer();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
    assert.ok(container.store, 'the container exposes the store');
  });

  it('registers every command in package.json, and nothing that is not in it', async () => {
    await activeContainer();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; category: string }[]; views: Record<string, { id: string }[]> };
    };
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    // VS Code itself registers `<view id>.focus`, `.open`, ... for each contributed view.
    const viewIds = Object.values(manifest.contributes.views).flat().map((v) => `${v.id}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('certStudy.') && !viewIds.some((prefix) => c.startsWith(prefix)))
      .sort();
    assert.deepStrictEqual(registered, declared);
    assert.deepStrictEqual(Object.values(COMMAND_IDS).sort(), declared, 'the command table mirrors package.json');
    // VS Code hands extensions their manifest with package.nls.json already applied.
    for (const c of manifest.contributes.commands) assert.strictEqual(c.category, 'Cert Study', `${c.command} is in the Cert Study category`);
  });

  it('contributes the Cert Study container and the Certifications view', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
    };
    assert.deepStrictEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), ['certStudy']);
    assert.deepStrictEqual(manifest.contributes.views.certStudy.map((v) => v.id), ['certStudy.certifications']);
  });

  it('logs how long activate() took, when the app was loaded, and how long the stored data took to load', async () => {
    const container = await activeContainer();
    // A log output channel is written to "<channel name>.log" in the extension's log folder.
    const file = vscode.Uri.joinPath(container.context.logUri, `${container.log.channel.name}.log`);
    const text = await eventually(async () => {
      const content = await readText(file);
      assert.match(content, /logs parsed and validated in [\d.]+ ms CPU/);
      return content;
    });
    assert.match(text, /activate took [\d.]+ ms/);
    assert.match(text, /app loaded in [\d.]+ ms, [\d.]+ ms after activation/);
    assert.match(text, /globalState parsed and validated in [\d.]+ ms CPU/);
  });
});
