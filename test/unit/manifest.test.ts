import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TimerRecord } from '../../src/core/model/timerRecord';
import { keepTimerStateContext, TIMER_STATE_KEY, TIMER_STATES, timerStateOf, type TimerState } from '../../src/features/timer/timerContext';

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

// Issue 21: where it runs, what the Command Palette offers when, its keys, and the Marketplace package.
const contributed = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  extensionKind?: unknown;
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  categories?: string[];
  keywords?: string[];
  contributes: {
    commands: { command: string }[];
    menus: { commandPalette?: { command: string; when?: string }[] };
    keybindings?: { command: string; key: string; mac?: string; when?: string }[];
  };
};
const commandIds = new Set(contributed.contributes.commands.map((c) => c.command));
const palette = contributed.contributes.menus.commandPalette ?? [];
const keybindings = contributed.contributes.keybindings ?? [];

/**
 * Evaluates a `when` clause for one value of the timer context key (undefined: never set, as in a
 * window that has not loaded the app). Takes only what the manifest's timer clauses use:
 * `certStudy.timerState == x` and `!= x` terms joined by `&&` and `||`; anything else fails the
 * test, so a clause this cannot read is not silently taken as true.
 */
function whenHolds(clause: string, state: TimerState | undefined): boolean {
  return clause.split('||').some((any) =>
    any.split('&&').every((term) => {
      const m = /^\s*([\w.]+)\s*(==|!=)\s*(\w+)\s*$/.exec(term);
      assert.ok(m, `cannot read the term "${term.trim()}" of "${clause}"`);
      const [, key, op, value] = m;
      assert.equal(key, TIMER_STATE_KEY, `"${clause}" reads another context key`);
      assert.ok((TIMER_STATES as readonly string[]).includes(value), `"${clause}": ${value} is not a value timerContext.ts sets (${TIMER_STATES.join(', ')})`);
      return op === '==' ? state === value : state !== value;
    }),
  );
}

/** Each timer state the window can be in: the three the key takes, and never set (= none). */
const STATES: (TimerState | undefined)[] = [...TIMER_STATES, undefined];
const hasTimer = (state: TimerState | undefined) => state === 'running' || state === 'paused';

describe('package.json: remote windows, the Command Palette, keybindings and the Marketplace (issue 21)', () => {
  it('runs on the engineer’s own machine in remote windows (SSH, WSL, Dev Containers, Codespaces), on the server only as a fallback', () => {
    assert.deepEqual(contributed.extensionKind, ['ui', 'workspace']);
  });

  it('has a 128×128 PNG icon', () => {
    assert.equal(contributed.icon, 'media/icon.png');
    const png = readFileSync(path.join(ROOT, contributed.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    // The first chunk is IHDR: length (4 bytes), type, then width and height as big-endian uint32.
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, { width: 128, height: 128 });
  });

  it('has a gallery banner, Marketplace categories and at most 30 keywords', () => {
    assert.match(contributed.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(contributed.galleryBanner?.theme === 'dark' || contributed.galleryBanner?.theme === 'light', 'galleryBanner.theme');
    // The Marketplace's categories (vsce warns about any other).
    const valid = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];
    const categories = contributed.categories ?? [];
    assert.ok(categories.includes('Education'));
    assert.deepEqual(categories.filter((c) => !valid.includes(c)), []);
    const keywords = contributed.keywords ?? [];
    assert.ok(keywords.length >= 10 && keywords.length <= 30, `${keywords.length} keywords (vsce refuses more than 30)`);
    assert.equal(new Set(keywords.map((k) => k.toLowerCase())).size, keywords.length, 'a keyword twice');
  });

  it('hides from the Command Palette only contributed commands, each behind a when clause', () => {
    assert.ok(palette.length > 0);
    for (const entry of palette) {
      assert.ok(commandIds.has(entry.command), `${entry.command} is not a contributed command`);
      assert.ok(entry.when, `${entry.command} has no when clause`);
    }
    assert.equal(new Set(palette.map((e) => e.command)).size, palette.length, 'a command listed twice');
  });

  it('offers Pause only while a timer runs, Resume only while paused, Stop and Discard only with a timer, on the values timerContext.ts sets', () => {
    const shown = (command: string, state: TimerState | undefined) => {
      const entry = palette.find((e) => e.command === command);
      return entry?.when === undefined ? true : whenHolds(entry.when, state);
    };
    for (const state of STATES) {
      const what = `timer state ${state ?? '(unset)'}`;
      assert.equal(shown('certStudy.pauseTimer', state), state === 'running', `Pause, ${what}`);
      assert.equal(shown('certStudy.resumeTimer', state), state === 'paused', `Resume, ${what}`);
      assert.equal(shown('certStudy.stopTimer', state), hasTimer(state), `Stop, ${what}`);
      assert.equal(shown('certStudy.discardTimer', state), hasTimer(state), `Discard, ${what}`);
      // Start asks when a timer runs, and the menu fits the state: both always offered.
      assert.equal(shown('certStudy.startTimer', state), true, `Start, ${what}`);
      assert.equal(shown('certStudy.timerMenu', state), true, `Study Timer…, ${what}`);
    }
    // Every other command runs from the palette too: without an argument it asks (a picker).
    assert.deepEqual(palette.map((e) => e.command).sort(), ['certStudy.discardTimer', 'certStudy.pauseTimer', 'certStudy.resumeTimer', 'certStudy.stopTimer']);
  });

  it('sets the context key from the timer: running, paused or none, now and on every change', () => {
    const running = { running: { id: 'x', start: '2026-12-01T10:00:00+01:00' } } as TimerRecord;
    const paused = { running: null } as TimerRecord;
    assert.deepEqual([timerStateOf(running), timerStateOf(paused), timerStateOf(null)], ['running', 'paused', 'none']);

    const calls: unknown[][] = [];
    const listeners: ((t: TimerRecord | null) => void)[] = [];
    const source = {
      current: () => paused,
      onDidChange: (listener: (t: TimerRecord | null) => void) => {
        listeners.push(listener);
        return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
      },
    };
    const commands = { executeCommand: async (...args: unknown[]) => void calls.push(args) };
    const keeper = keepTimerStateContext(source, commands as never);
    for (const next of [running, running, null]) listeners.forEach((l) => l(next));
    assert.deepEqual(calls, [
      ['setContext', TIMER_STATE_KEY, 'paused'],
      ['setContext', TIMER_STATE_KEY, 'running'],
      ['setContext', TIMER_STATE_KEY, 'none'],
    ]);
    keeper.dispose();
    assert.equal(listeners.length, 0);
  });

  it('binds keys only to contributed commands, one command per key in each timer state', () => {
    assert.ok(keybindings.length > 0);
    for (const b of keybindings) {
      assert.ok(commandIds.has(b.command), `${b.command} is not a contributed command`);
      assert.ok(b.key && b.mac, `${b.command}: a key and a mac key`);
    }
    for (const state of STATES) {
      const active = keybindings.filter((b) => b.when === undefined || whenHolds(b.when, state));
      for (const field of ['key', 'mac'] as const) {
        const keys = active.map((b) => b[field]);
        assert.equal(new Set(keys).size, keys.length, `two commands on one ${field} with timer state ${state ?? '(unset)'}: ${keys.join(', ')}`);
      }
      const on = (command: string) => active.some((b) => b.command === command);
      assert.equal(on('certStudy.startTimer'), !hasTimer(state), `Start's key, timer state ${state ?? '(unset)'}`);
      assert.equal(on('certStudy.stopTimer'), hasTimer(state), `Stop's key, timer state ${state ?? '(unset)'}`);
    }
  });

  it('packages no source, test, script or source map: `vsce ls` lists the bundles, media and docs only', function () {
    this.timeout(60_000);
    // In a copy of what decides the package (the manifest, .vscodeignore, the docs, media) beside a
    // planted source file, test, script, source map and built bundles: the check does not depend on
    // whether dist/ was built, and every kind of leak is there to be caught.
    const dir = mkdtempSync(path.join(tmpdir(), 'cert-study-vsce-ls-'));
    try {
      for (const file of ['package.json', 'package.nls.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE']) cpSync(path.join(ROOT, file), path.join(dir, file));
      cpSync(path.join(ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
      const planted = ['src/extension.ts', 'test/unit/a.test.ts', 'scripts/icon.mjs', 'dist/extension.js', 'dist/extension.js.map', 'dist/web/extension.js', 'dist/app.js', 'tsconfig.json', 'esbuild.js'];
      for (const file of planted) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), '// planted\n');
      }
      const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
      const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, `vsce ls failed:\n${r.stdout}${r.stderr}`);
      const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
      const leaked = files.filter((f) => /^(src|test|scripts)\//.test(f) || /\.(map|ts|mts|cts)$/.test(f) || ['tsconfig.json', 'esbuild.js'].includes(f));
      assert.deepEqual(leaked, []);
      for (const needed of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'dist/extension.js', 'dist/web/extension.js', 'dist/app.js']) {
        assert.ok(files.includes(needed), `${needed} is not packaged`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
