#!/usr/bin/env node
// Screenshots of the dashboard for the README: the demo engineer of `npm start -- --demo` (five
// weeks into AWS MLA-C01, exam in four weeks), in Light Modern, Dark Modern and High Contrast.
//   npm run build && node scripts/screenshots-dashboard.mjs   → media/screenshots/dashboard-*.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/harness/browser.mjs';
import { startCodeServer } from '../test/harness/code-server.mjs';
import { dashboardFrame } from '../test/harness/dashboard-seed.mjs';
import { seedDemoProfile } from '../test/harness/demo-profile.mjs';
import { REPO_ROOT } from '../test/harness/paths.mjs';
import { createRunDir, writeUserSettings } from '../test/harness/run-dir.mjs';
import { attachWorkbench, runCommand, workbenchUrl } from '../test/harness/workbench.mjs';

const themes = { light: 'Light Modern', dark: 'Dark Modern', hc: 'Dark High Contrast' };
const outDir = join(REPO_ROOT, 'media', 'screenshots');
mkdirSync(outDir, { recursive: true });

const run = createRunDir('shots-dashboard');
writeUserSettings(run, { 'workbench.activityBar.location': 'hidden', 'workbench.statusBar.visible': false });
const env = await seedDemoProfile(run);
const server = await startCodeServer(run, { env });
const context = await launchBrowser(run, { viewport: { width: 1200, height: 1720 } });
try {
  const workbench = await attachWorkbench(context);
  const page = workbench.page;
  await workbench.load(workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: REPO_ROOT }));
  await page.locator('.part.editor').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(4000);
  await runCommand(page, 'View: Close Primary Side Bar').catch(() => {});
  await runCommand(page, 'Cert Study: Open Dashboard', { timeout: 60_000 });
  const frame = dashboardFrame(page);
  await frame.locator('body[data-drawn]').waitFor({ timeout: 60_000 });
  for (const [name, theme] of Object.entries(themes)) {
    const before = await frame.locator('body').getAttribute('data-drawn');
    await runCommand(page, 'Preferences: Color Theme');
    await page.keyboard.type(theme);
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    // Wait for the redraw in the new theme's colours (none when the theme was already on).
    await frame.locator(`body:not([data-drawn="${before}"])`).waitFor({ timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(600);
    await page.locator('.part.editor').screenshot({ path: join(outDir, `dashboard-${name}.png`) });
    console.log(`saved media/screenshots/dashboard-${name}.png`);
  }
} finally {
  await context.close().catch(() => {});
  await server.stop();
  run.remove();
}
process.exit(0);
