// Debian's headless chromium driven by playwright-core (Playwright's own browser builds cannot be
// downloaded here). A persistent context on a per-run profile, because the web workbench keeps
// globalState/workspaceState in the browser's IndexedDB: reusing the profile is what lets state
// survive a window reload, and a fresh profile per run is what keeps runs independent.
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './paths.mjs';
import { ensurePrerequisites } from './prereqs.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI; chromium refuses its sandbox there
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // no traffic except to our 127.0.0.1 server
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes renderers
];

/**
 * @param {import('./run-dir.mjs').RunDir} run
 * @param {{ headless?: boolean, viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function launchBrowser(run, { headless = process.env.HEADED !== '1', viewport = { width: 1280, height: 800 } } = {}) {
  ensurePrerequisites(['chromium']);
  return chromium.launchPersistentContext(run.browserProfile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport,
    args: CHROMIUM_ARGS,
    // Our own handlers in cleanup.mjs stop code-server too; Playwright still kills the browser
    // from its own 'exit' hook, which our handlers end with.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
