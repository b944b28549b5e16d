#!/usr/bin/env node
// Screenshots of what the user sees, for review: the Certifications view with demo data in the
// Dark Modern, Light Modern and High Contrast themes, a row expanded and its hover shown.
//   node scripts/screenshots.mjs   → test-results/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/harness/browser.mjs';
import { startCodeServer } from '../test/harness/code-server.mjs';
import { seedDemoProfile } from '../test/harness/demo-profile.mjs';
import { REPO_ROOT, RESULTS_DIR } from '../test/harness/paths.mjs';
import { createRunDir, writeUserSettings } from '../test/harness/run-dir.mjs';
import { attachWorkbench, runCommand, workbenchUrl } from '../test/harness/workbench.mjs';

const themes = { dark: 'Default Dark Modern', light: 'Default Light Modern', hc: 'Default High Contrast' };
const outDir = join(RESULTS_DIR, 'screenshots');
mkdirSync(outDir, { recursive: true });

for (const [name, theme] of Object.entries(themes)) {
  const run = createRunDir(`shots-${name}`);
  writeUserSettings(run);
  const env = await seedDemoProfile(run);
  const server = await startCodeServer(run, { env });
  const context = await launchBrowser(run, { viewport: { width: 1100, height: 700 } });
  try {
    const workbench = await attachWorkbench(context);
    const page = workbench.page;
    await workbench.load(workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: REPO_ROOT }));
    // Pick the theme the way a person does (user settings written before start are not applied
    // to a fresh browser profile's first window).
    await runCommand(page, 'Preferences: Color Theme', { timeout: 60_000 });
    await page.keyboard.type(theme);
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.locator('.part.activitybar a.action-label[class*="certStudy"]').click({ timeout: 60_000 });
    const rows = page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row');
    // Expand the booked certification and its practice exams ("This week" sits above it).
    const cert = rows.filter({ hasText: 'AWS MLA-C01' }).first();
    await cert.waitFor({ timeout: 30_000 });
    await cert.click();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    await rows.filter({ hasText: 'Practice exams' }).first().click();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, `tree-${name}.png`) });
    await cert.hover();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(outDir, `hover-${name}.png`) });
    console.log(`saved ${name}`);
  } finally {
    await context.close().catch(() => {});
    await server.stop();
    run.remove();
  }
}
process.exit(0);
