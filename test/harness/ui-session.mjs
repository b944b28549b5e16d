// A workbench with the extension under development loaded (no test module), for Playwright UI
// tests that click and type the way a person does. One session = one fresh run folder, one
// code-server, one chromium profile.
import { REPO_ROOT } from './paths.mjs';
import { createRunDir, webWorkerHost, writeUserSettings } from './run-dir.mjs';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { attachWorkbench, workbenchUrl } from './workbench.mjs';
import { saveScreenshot } from './screenshot.mjs';

/**
 * @typedef {object} UiSession
 * @property {import('playwright-core').Page} page
 * @property {import('./run-dir.mjs').RunDir} run
 * @property {string} url
 * @property {string[]} consoleLines  everything the page logged (for failure reports)
 * @property {(name: string) => Promise<string | undefined>} screenshot  saves test-results/<name>.png
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
  // prepare) goes to it as the hidden setting src/app.web.ts reads.
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
    // The workbench is usable once the activity bar has rendered.
    await workbench.page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
    const ctx = context;
    return {
      page: workbench.page,
      run,
      url,
      consoleLines,
      screenshot: (name) => saveScreenshot(workbench.page, name),
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
