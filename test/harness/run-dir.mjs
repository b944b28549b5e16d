// A fresh folder per run under .cache/runs/<id>: code-server's user data, extensions, logs and
// temp files, plus chromium's profile. Nothing leaks into $HOME or /tmp, runs cannot see each
// other's state, and deleting the folder undoes the run (the opened workspace is an empty folder
// under the system temp dir, outside the repository). KEEP_RUN=1 keeps it for post-mortems.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, EXTENSION_ID, RUNS_DIR } from './paths.mjs';
import { onCleanup } from './cleanup.mjs';

/**
 * @typedef {object} RunDir
 * @property {string} id
 * @property {string} root         .cache/runs/<id>
 * @property {string} userDataDir  code-server --user-data-dir (User/, logs/, ...)
 * @property {string} extensionsDir code-server --extensions-dir
 * @property {string} browserProfile chromium user-data-dir (IndexedDB holds the web workbench's storage)
 * @property {string} workspace    the folder opened in the workbench: under the system temp dir, outside
 *   the repository, so VS Code's Git extension does not offer to open the repository found in a
 *   parent folder
 * @property {string} tmp          TMPDIR and XDG_* homes for code-server (see shortTmp())
 * @property {boolean} keep
 * @property {() => void} remove   deletes the folder unless kept; safe to call twice
 */

/**
 * code-server creates IPC sockets named $TMPDIR/vscode-ipc-<uuid>.sock (52 characters after the
 * folder) and warns, and its CLI bridge fails, when the path exceeds the 107-character limit of a
 * unix socket. Use <run>/t when that fits, else .cache/t/<suffix> (linked from <run>/t so a kept
 * run still shows it), else a folder under the system temp dir.
 * @param {string} root
 * @param {string} suffix unique part of the run id
 */
function shortTmp(root, suffix) {
  const fits = (/** @type {string} */ dir) => dir.length + 53 <= 107;
  const inside = join(root, 't');
  if (fits(inside)) return inside;
  const cached = join(CACHE_DIR, 't', suffix);
  if (fits(cached)) {
    mkdirSync(cached, { recursive: true });
    mkdirSync(root, { recursive: true });
    symlinkSync(cached, inside);
    return cached;
  }
  return mkdtempSync(join(tmpdir(), 'cst-'));
}

let runsCreated = 0;

/**
 * @param {string} label short name for humans, e.g. "integration"
 * @param {{ keep?: boolean }} [options]
 * @returns {RunDir}
 */
export function createRunDir(label, { keep = process.env.KEEP_RUN === '1' } = {}) {
  // Short ids: unix socket paths under TMPDIR must stay below 108 characters.
  const suffix = `${Date.now().toString(36)}-${process.pid.toString(36)}${(runsCreated++).toString(36)}`;
  const id = `${label}-${suffix}`;
  const root = join(RUNS_DIR, id);
  const tmp = shortTmp(root, suffix);
  /** @type {RunDir} */
  const dir = {
    id,
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    browserProfile: join(root, 'browser-profile'),
    workspace: mkdtempSync(join(tmpdir(), `cert-study-${label}-`)),
    tmp,
    keep,
    remove: () => {},
  };
  for (const d of [dir.userDataDir, dir.extensionsDir, dir.browserProfile, dir.workspace, dir.tmp]) {
    mkdirSync(d, { recursive: true });
  }
  // Registered now so even a crash before the first awaited step removes it; by the time the
  // cleanup runs (newest first) the processes using the folder have been killed.
  const unregister = onCleanup(() => removeNow());
  function removeNow() {
    unregister();
    if (keep) return;
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(dir.workspace, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  dir.remove = removeNow;
  return dir;
}

/** Whether this run forces the extension into the web worker host (CERT_STUDY_EXTENSION_HOST=web). */
export function webWorkerHost() {
  return process.env.CERT_STUDY_EXTENSION_HOST === 'web';
}

/**
 * Settings that keep a test window quiet and offline: no git scanning of the repo, no welcome
 * page, no update or gallery checks. Written to <user-data>/User/settings.json, which is where
 * code-server keeps user settings (on the server, unlike globalState, which lives in the browser).
 * @param {RunDir} run
 * @param {Record<string, unknown>} [extra]
 */
export function writeUserSettings(run, extra = {}) {
  // CERT_STUDY_EXTENSION_HOST=web runs the extension in the browser's web worker extension host
  // (its `browser` entry, dist/web/), as on vscode.dev: code-server reads this before it starts.
  const host = webWorkerHost() ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {};
  const dir = join(run.userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'github.gitAuthentication': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.commandCenter.enabled': false,
    ...host,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}
