#!/usr/bin/env node
// The README's screenshots, taken from the real workbench (code-server + headless Chromium) with
// the demo engineer of `npm start -- --demo` (five weeks into AWS MLA-C01, exam in four weeks):
//   npm run build && node scripts/screenshots.mjs [--only tree|dashboard]
// → media/screenshots/ (the README's):
//     tree-dark.png, tree-light.png   the Certifications view with AWS MLA-C01 and its practice
//                                     exams expanded, and the status bar's exam countdown
//     dashboard-dark.png, dashboard-light.png, dashboard-hc.png
// → test-results/screenshots/ (for review): tree-hc.png and a certification row's hover in each theme.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/harness/browser.mjs';
import { startCodeServer } from '../test/harness/code-server.mjs';
import { dashboardFrame } from '../test/harness/dashboard-seed.mjs';
import { seedDemoProfile } from '../test/harness/demo-profile.mjs';
import { REPO_ROOT, RESULTS_DIR } from '../test/harness/paths.mjs';
import { createRunDir, writeUserSettings } from '../test/harness/run-dir.mjs';
import { attachWorkbench, runCommand, workbenchUrl } from '../test/harness/workbench.mjs';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
if (values.only !== undefined && !['tree', 'dashboard'].includes(values.only)) {
  console.error('usage: node scripts/screenshots.mjs [--only tree|dashboard]');
  process.exit(2);
}

/** Theme label in the Color Theme picker, and the class VS Code puts on the workbench for it. */
const THEMES = {
  dark: { label: 'Dark Modern', workbenchClass: 'vs-dark' },
  light: { label: 'Light Modern', workbenchClass: 'vs' },
  hc: { label: 'Dark High Contrast', workbenchClass: 'hc-black' },
};
const mediaDir = join(REPO_ROOT, 'media', 'screenshots');
const reviewDir = join(RESULTS_DIR, 'screenshots');
mkdirSync(mediaDir, { recursive: true });
mkdirSync(reviewDir, { recursive: true });

/**
 * Picks a theme the way a person does (user settings written before start are not applied to a
 * fresh browser profile's first window), and waits until the workbench wears it.
 * @param {import('playwright-core').Page} page
 * @param {keyof typeof THEMES} name
 */
async function setTheme(page, name) {
  const { label, workbenchClass } = THEMES[name];
  await runCommand(page, 'Preferences: Color Theme', { timeout: 60_000 });
  await page.keyboard.type(label);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 10_000 });
}

/**
 * Opens a demo profile in a fresh code-server and browser, runs `shoot`, and removes everything.
 * @param {string} label
 * @param {{ settings: Record<string, unknown>, viewport: { width: number, height: number } }} options
 * @param {(page: import('playwright-core').Page) => Promise<void>} shoot
 */
async function withWorkbench(label, { settings, viewport }, shoot) {
  const run = createRunDir(label);
  writeUserSettings(run, settings);
  const env = await seedDemoProfile(run);
  const server = await startCodeServer(run, { env });
  const context = await launchBrowser(run, { viewport });
  try {
    const workbench = await attachWorkbench(context);
    await workbench.load(workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: REPO_ROOT }));
    await shoot(workbench.page);
  } finally {
    await context.close().catch(() => {});
    await server.stop();
    run.remove();
  }
}

/** The Certifications view, a row expanded, and the status bar, in each theme. */
async function treeShots() {
  await withWorkbench('shots-tree', { settings: {}, viewport: { width: 1280, height: 720 } }, async (page) => {
    await page.locator('.part.activitybar a.action-label[class*="certStudy"]').click({ timeout: 60_000 });
    const view = page.locator('[id="workbench.view.extension.certStudy"]');
    const rows = view.locator('.monaco-list-row');
    // Expand the booked certification and its practice exams ("This week" sits above it).
    const cert = rows.filter({ hasText: 'AWS MLA-C01' }).first();
    await cert.waitFor({ timeout: 60_000 });
    // Its hours are in once the logs are read ("…" until then).
    await cert.filter({ hasText: /\d+(\.\d+)? \/ \d+ h/ }).waitFor({ timeout: 30_000 });
    await cert.click();
    await page.keyboard.press('ArrowRight');
    const practice = rows.filter({ hasText: 'Practice exams' }).first();
    await practice.waitFor({ timeout: 10_000 });
    await practice.click();
    await page.keyboard.press('ArrowRight');
    await rows.filter({ hasText: /Ready|Not yet/ }).first().waitFor({ timeout: 10_000 });
    // The status bar's countdown to the booked exam.
    await page.locator('.part.statusbar .statusbar-item').filter({ hasText: /AWS MLA-C01/ }).first().waitFor({ timeout: 30_000 });
    // A side bar wide enough for the rows' descriptions: drag its edge.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = sidebar.x + sidebar.width;
      await page.mouse.move(edge, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge + 40, sidebar.y + sidebar.height / 2, { steps: 4 });
      await page.mouse.move(sidebar.x + 600, sidebar.y + sidebar.height / 2, { steps: 10 });
      await page.mouse.up();
    }
    for (const name of /** @type {(keyof typeof THEMES)[]} */ (['dark', 'light', 'hc'])) {
      await setTheme(page, name);
      // No hover, no focus ring on the screenshot: the mouse and the focus go to the editor area.
      await page.mouse.move(1200, 300);
      await page.locator('.part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
      await page.waitForTimeout(800);
      const box = await page.locator('.part.sidebar').boundingBox();
      const width = Math.min(1280, Math.round((box ? box.x + box.width : 650) + 1));
      const file = name === 'hc' ? join(reviewDir, 'tree-hc.png') : join(mediaDir, `tree-${name}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height: 720 } });
      console.log(`saved ${file}`);
      await cert.hover();
      await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(reviewDir, `hover-${name}.png`) });
    }
  });
}

/** The dashboard, alone in the window, in each theme. */
async function dashboardShots() {
  const settings = { 'workbench.activityBar.location': 'hidden', 'workbench.statusBar.visible': false };
  await withWorkbench('shots-dashboard', { settings, viewport: { width: 1200, height: 1720 } }, async (page) => {
    await page.locator('.part.editor').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(4000);
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => {});
    await runCommand(page, 'Cert Study: Open Dashboard', { timeout: 60_000 });
    const frame = dashboardFrame(page);
    await frame.locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    for (const name of /** @type {(keyof typeof THEMES)[]} */ (['light', 'dark', 'hc'])) {
      const before = await frame.locator('body').getAttribute('data-drawn');
      await setTheme(page, name);
      // Wait for the redraw in the new theme's colours (none when the theme was already on).
      await frame.locator(`body:not([data-drawn="${before}"])`).waitFor({ timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(600);
      await page.locator('.part.editor').screenshot({ path: join(mediaDir, `dashboard-${name}.png`) });
      console.log(`saved media/screenshots/dashboard-${name}.png`);
    }
  });
}

if (values.only !== 'dashboard') await treeShots();
if (values.only !== 'tree') await dashboardShots();
process.exit(0);
