import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// What package.json promises VS Code, checked against the code (issue 18).
const ROOT = path.join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown };
  activationEvents?: string[];
};

/** Every .ts file under src/, with its text. */
function sources(dir = path.join(ROOT, 'src')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return d.name.endsWith('.ts') ? [{ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

describe('package.json: capabilities and activation', () => {
  it('runs in untrusted and virtual workspaces: VS Code would otherwise disable it there', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('reads no workspace file on its own, which is what makes that safe', () => {
    // Files are read only from the extension's storage folder, its own bundles, and paths the
    // user picks or passes (a backup to restore, team files); never the folder's content by itself.
    const workspaceReads = /workspace\.(findFiles|openTextDocument|createFileSystemWatcher|textDocuments|rootPath|workspaceFile)\b/;
    const found = sources().filter((s) => workspaceReads.test(s.text)).map((s) => s.file);
    assert.deepEqual(found, []);
    // The workspace folder is only a default place for save dialogs and a base for display names.
    for (const { file, text } of sources()) {
      for (const line of text.split('\n').filter((l) => l.includes('workspaceFolders'))) {
        assert.match(line, /const folder = vscode\.workspace\.workspaceFolders\?\.\[0\]\?\.uri;/, `${file}: ${line.trim()}`);
      }
    }
  });

  it('reads its hidden test settings from user settings only, never from a folder’s settings', () => {
    for (const { file, text } of sources()) {
      for (const key of ['testing.clockOffsetMs', 'testing.demoSeedPath']) {
        for (const line of text.split('\n').filter((l) => l.includes(`'${key}'`))) {
          assert.match(line, new RegExp(`inspect<unknown>\\('${key.replace('.', '\\.')}'\\)\\?\\.globalValue`), `${file}: ${line.trim()}`);
        }
      }
    }
  });

  it('has an onWebviewPanel activation event for every panel serializer the shell registers', () => {
    const shell = readFileSync(path.join(ROOT, 'src/shell/activateShell.ts'), 'utf8');
    const viewTypes = [...shell.matchAll(/registerWebviewPanelSerializer\('([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual(viewTypes, ['certStudy.dashboard', 'certStudy.teamReport']);
    for (const viewType of viewTypes) assert.ok(manifest.activationEvents?.includes(`onWebviewPanel:${viewType}`), viewType);
    // The report panel is made with the view type its serializer is registered under.
    assert.match(readFileSync(path.join(ROOT, 'src/features/team/reportPanel.ts'), 'utf8'), /export const TEAM_REPORT_VIEW_TYPE = 'certStudy\.teamReport';/);
  });
});
