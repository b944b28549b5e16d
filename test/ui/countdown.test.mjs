// UI test for the exam countdown at window start: after a reload, with the Cert Study view not
// open, the status bar shows the countdown from the small status record alone, and the rest of
// the extension (dist/app.js, which opens the "Cert Study" log) has not been loaded for it.
/* global describe, it */
import assert from 'node:assert/strict';
import { sessionExtensionLogs } from '../harness/extension-log.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { reloadWindow, runCommand } from '../harness/workbench.mjs';
import { waitUntil } from '../harness/wait.mjs';

describe('UI: the exam countdown at window start', function () {
  this.timeout(120_000);
  const ui = useUiSession({ label: 'ui-countdown' });

  it('shows after a reload without loading the rest of the extension', async () => {
    const page = ui.page;
    await page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]').click({ timeout: 30_000 });
    await runCommand(page, 'Cert Study: Add Certification');
    await page.locator('.quick-input-widget .quick-input-box input').fill('MLA-C01');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AWS Certified Machine Learning Engineer' }).first().click({ timeout: 15_000 });
    await runCommand(page, 'Cert Study: Set Exam Date');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const d = new Date();
    d.setDate(d.getDate() + 23);
    const pad = (n) => String(n).padStart(2, '0');
    await input.fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    await page.keyboard.press('Enter');
    const item = page.locator('.statusbar-item', { hasText: 'AWS MLA-C01 · 23d' });
    await item.first().waitFor({ timeout: 15_000 });

    await runCommand(page, 'View: Show Explorer');
    // The first window loaded the app (the commands above), which opened its log. Waited for, not
    // read at once: in the web worker host it reaches the browser's storage through a throttled writer.
    const logsBefore = await waitUntil(async () => (await sessionExtensionLogs(ui.session)).length || undefined, { what: 'the log the app opened in the first window' });
    await reloadWindow(page);
    await item.first().waitFor({ timeout: 60_000 });
    assert.equal((await sessionExtensionLogs(ui.session)).length, logsBefore, 'the countdown came from the shell alone: the new host never opened the app\'s log');
    await item.first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'exam on' });
    await hover.first().waitFor({ timeout: 15_000 });
    assert.match(await hover.first().innerText(), /0 h logged/);
  });
});
