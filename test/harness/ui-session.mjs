// A workbench with the extension under development loaded (no test module), for Playwright UI
// tests that click and type the way a person does. One session = one fresh run folder, one
// code-server, one chromium profile.
import { readdirSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from './paths.mjs';
import { createRunDir, webWorkerHost, writeUserSettings } from './run-dir.mjs';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { attachWorkbench, workbenchUrl } from './workbench.mjs';
import { saveScreenshot } from './screenshot.mjs';

/**
 * The Cert Study entry of the activity bar (its class carries the view container's id). The real
 * extension and the contract stand-in (test/harness/fixtures/contract-extension) both have it.
 */
export const CERT_STUDY_ICON = '.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]';

/**
 * Waits until the workbench has registered the extension's contributions: its view container,
 * view and commands. The workbench draws its activity bar before its extension host has even
 * read the extension's package.json; the Cert Study icon appears once the contributions are
 * registered (the view container and the commands are registered in the same pass), so from then
 * on the Command Palette lists our commands and the view can be opened.
 * @param {import('playwright-core').Page} page
 * @param {{ timeout?: number }} [options]
 */
export async function waitForContributions(page, { timeout = 60_000 } = {}) {
  await page.locator(CERT_STUDY_ICON).waitFor({ timeout });
}

/**
 * @typedef {object} UiSession
 * @property {import('playwright-core').Page} page
 * @property {import('./run-dir.mjs').RunDir} run
 * @property {string} url
 * @property {string[]} consoleLines  everything the page logged (for failure reports)
 * @property {(name: string) => Promise<string | undefined>} screenshot  saves test-results/<name>.png
 * @property {() => number[]} endExtensionHosts  kills the Node extension hosts code-server runs for
 *   this session's windows and returns their pids (see extensionHostPids)
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ label?: string, extensionPath?: string, settings?: Record<string, unknown>, prepare?: (run: import('./run-dir.mjs').RunDir) => void }} [options]
 *   extensionPath defaults to UI_EXTENSION_PATH or the repo (its package.json + dist/extension.js);
 *   prepare runs before code-server starts, e.g. to put files into the profile.
 * @returns {Promise<UiSession>}
 */
export async function openUiSession({ label = 'ui', extensionPath = process.env.UI_EXTENSION_PATH || REPO_ROOT, settings, prepare } = {}) {
  const run = createRunDir(label);
  prepare?.(run);
  // The web worker host has no environment: a demo seed named by CERT_STUDY_DEMO_SEED (set by
  // prepare) goes to it as the hidden setting src/app/app.web.ts reads.
  const seed = webWorkerHost() && process.env.CERT_STUDY_DEMO_SEED ? { 'certStudy.testing.demoSeedPath': process.env.CERT_STUDY_DEMO_SEED } : {};
  writeUserSettings(run, { ...seed, ...settings });
  /** @type {string[]} */
  const consoleLines = [];
  const server = await startCodeServer(run);
  let context;
  try {
    context = await launchBrowser(run);
    const workbench = await attachWorkbench(context, { onLine: (line, type) => consoleLines.push(`[${type}] ${line}`) });
    const url = workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: extensionPath });
    await workbench.load(url);
    // Not just the activity bar: tests start once the extension's contributions are registered.
    await waitForContributions(workbench.page);
    const ctx = context;
    return {
      page: workbench.page,
      run,
      url,
      consoleLines,
      screenshot: (name) => saveScreenshot(workbench.page, name),
      endExtensionHosts: () => {
        const pids = extensionHostPids(server.pid);
        for (const pid of pids) process.kill(pid, 'SIGKILL');
        return pids;
      },
      close: async () => {
        await Promise.race([ctx.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
        await server.stop();
        run.remove();
      },
    };
  } catch (err) {
    await context?.close().catch(() => {});
    await server.stop();
    run.remove();
    throw err;
  }
}

/**
 * The Node extension hosts code-server runs in its process group `groupId` (code-server is
 * started as a group leader, see code-server.mjs). One per window, and it outlives its window:
 * when a tab dies without closing (a renderer crash), code-server keeps that window's host running
 * for its reconnection grace time, timers and all, where a desktop window's host would die with
 * it. A test of a killed tab ends it to stand where the desktop does.
 * @param {number} groupId
 * @returns {number[]}
 */
function extensionHostPids(groupId) {
  /** @type {number[]} */
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== groupId) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes('--type=extensionHost')) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/**
 * Mocha hooks for a UI suite whose steps build on each other: one session for the suite, a
 * screenshot and the last workbench errors on a failure, and the remaining steps skipped after
 * it instead of each timing out. Call inside describe(); read `.page` / `.session` in tests.
 * @param {Parameters<typeof openUiSession>[0]} options
 * @returns {{ readonly session: UiSession, readonly page: import('playwright-core').Page }}
 */
export function useUiSession(options) {
  /** @type {UiSession | undefined} */
  let session;
  let failed = false;
  /* global before, beforeEach, afterEach, after */
  before(async () => {
    session = await openUiSession(options);
  });
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !session) return;
    failed = true;
    const file = await session.screenshot(`ui-${this.currentTest.fullTitle()}`);
    if (file) console.log(`      screenshot: ${file}`);
    const errors = session.consoleLines.filter((l) => l.startsWith('[error]') && l.trim() !== '[error]');
    if (errors.length) console.log(`      last workbench errors:\n        ${errors.slice(-10).join('\n        ')}`);
  });
  after(async () => {
    await session?.close();
  });
  return {
    get session() {
      if (!session) throw new Error('the UI session is not open yet');
      return session;
    },
    get page() {
      return this.session.page;
    },
  };
}
