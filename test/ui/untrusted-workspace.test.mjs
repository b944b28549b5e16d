// UI test: the extension installed from its .vsix, in a folder VS Code does not trust (Restricted
// Mode). Without `capabilities.untrustedWorkspaces` in package.json VS Code disables an installed
// extension there: no Cert Study view, no status-bar item (issue 18). The tracker reads no
// workspace file, so it declares itself supported.
//
// Not the shared UI session: that one loads the repository as the extension under development,
// which VS Code never disables, trusted folder or not. Here the extension is packaged from a
// scratch copy (as the activation bench does) and installed, workspace trust stays on (the
// harness starts code-server with --disable-workspace-trust otherwise), the startup prompt is off,
// and the run's fresh folder was never trusted.
//   npm run build && npx mocha --no-config --timeout 180000 test/ui/untrusted-workspace.test.mjs
// UI_EXTENSION_PATH packages another folder instead of the repository (a copy of it without the
// capability fails this test: the Cert Study view never appears).
/* global describe, it, before, after, afterEach */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../harness/browser.mjs';
import { codeServerCli, startCodeServer } from '../harness/code-server.mjs';
import { REPO_ROOT } from '../harness/paths.mjs';
import { createRunDir, writeUserSettings } from '../harness/run-dir.mjs';
import { saveScreenshot } from '../harness/screenshot.mjs';
import { CERT_STUDY_ICON } from '../harness/ui-session.mjs';
import { attachWorkbench, runCommand, workbenchUrl } from '../harness/workbench.mjs';

const SOURCE = process.env.UI_EXTENSION_PATH || REPO_ROOT;

/** Packages `source` (its package.json, dist/, media/) into a .vsix in `work`, with vsce, offline. */
function packageExtension(source, work) {
  const dir = join(work, 'extension');
  cpSync(source, dir, {
    recursive: true,
    filter: (src) => !/\/(node_modules|\.git|\.cache|test-results|out|src|test|scripts)(\/|$)/.test(src.slice(source.length)),
  });
  const out = join(work, 'cert-study-tracker.vsix');
  const base = ['--baseContentUrl', 'https://example.invalid/cert-study-tracker/blob/main', '--baseImagesUrl', 'https://example.invalid/cert-study-tracker/raw/main'];
  const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', ...base, '--out', out], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
  return out;
}

describe('UI: installed, in an untrusted folder (Restricted Mode)', function () {
  this.timeout(180_000);

  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  let failed = false;

  before(async () => {
    const work = mkdtempSync(join(tmpdir(), 'cert-study-untrusted-'));
    cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
    const vsix = packageExtension(SOURCE, work);
    const run = createRunDir('ui-untrusted');
    cleanups.push(async () => run.remove());
    writeUserSettings(run, {
      'security.workspace.trust.enabled': true,
      // No modal question: the folder opens restricted, as when a person picks "Don't Trust".
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
    });
    await codeServerCli(run, ['--install-extension', vsix, '--force']);
    const server = await startCodeServer(run, { workspaceTrust: true });
    cleanups.unshift(() => server.stop());
    const context = await launchBrowser(run);
    cleanups.unshift(() => Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]));
    const workbench = await attachWorkbench(context);
    page = workbench.page;
    // No extensionDevelopmentPath: the installed extension, as a person has it.
    await workbench.load(workbenchUrl(server.url, { folder: run.workspace }));
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page || failed) return;
    failed = true;
    const file = await saveScreenshot(page, `ui-${this.currentTest.fullTitle()}`);
    if (file) console.log(`      screenshot: ${file}`);
  });

  it('opens the folder in Restricted Mode', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
  });

  it('has the Cert Study view and its commands there', async () => {
    await page.locator(CERT_STUDY_ICON).click({ timeout: 60_000 });
    await page.locator('#workbench\\.parts\\.sidebar').getByText(/certifications/i).first().waitFor({ timeout: 15_000 });
    await runCommand(page, 'Cert Study: Add Certification');
    await page.locator('.quick-input-widget .quick-input-box input').fill('MLA-C01');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AWS Certified Machine Learning Engineer' }).first().click({ timeout: 15_000 });
    const row = page.locator('[id="workbench.view.extension.certStudy"] .pane-body .monaco-list-row', { hasText: 'AWS MLA-C01' });
    await row.first().waitFor({ timeout: 15_000 });
  });

  it('shows its status-bar item (the exam countdown)', async () => {
    await runCommand(page, 'Cert Study: Set Exam Date');
    const d = new Date();
    d.setDate(d.getDate() + 23);
    const pad = (n) => String(n).padStart(2, '0');
    await page.locator('.quick-input-widget .quick-input-box input').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'AWS MLA-C01 · 23d' }).first().waitFor({ timeout: 15_000 });
    assert.ok((await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) > 0, 'still restricted');
  });
});
