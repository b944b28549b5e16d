// UI test of the Command Palette's `when` clauses (issue 21): the timer commands appear only when
// they can run. Idle, "Cert Study: Pause" finds nothing; with a timer running Pause and Stop are
// there and Resume is not; once paused, Resume is there and Pause is not. The clauses read the
// context key src/features/timer/timerContext.ts sets (`certStudy.timerState`).
//   npm run build && npx mocha --no-config --timeout 120000 test/ui/command-palette.test.mjs
// (CERT_STUDY_EXTENSION_HOST=web in front for the web worker host.)
/* global describe, it */
import assert from 'node:assert/strict';
import { CERT_STUDY_ICON, useUiSession } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';

const TIMER_COMMANDS = ['Start Study Timer', 'Pause Study Timer', 'Resume Study Timer', 'Stop Study Timer (Save)', 'Discard Study Timer', 'Study Timer…'].map((t) => `Cert Study: ${t}`);

/**
 * The timer commands the Command Palette lists for ">Study Timer" (all six match it), once the
 * list shows them. The palette reads the context keys when it opens, so it is opened again until
 * `ready(titles)` holds or `timeout` passes (then the last list is returned, for the assertion
 * to name). Nothing waits a fixed time: a row must appear, and Start Study Timer and Study Timer…
 * are listed in every state, so once they are in the list it is complete.
 * @param {import('playwright-core').Page} page
 * @param {(titles: string[]) => boolean} ready
 */
async function timerCommandsListed(page, ready, { timeout = 30_000 } = {}) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const rows = widget.locator('.quick-input-list .monaco-list-row .label-name');
  const deadline = Date.now() + timeout;
  let titles = [];
  for (let attempt = 1; ; attempt++) {
    const patience = Math.max(1, Math.min(deadline - Date.now(), attempt * 1000));
    await page.keyboard.press('F1');
    const shown = await input
      .waitFor({ state: 'visible', timeout: patience })
      .then(async () => {
        await input.fill('>Study Timer');
        await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Cert Study: Study Timer…' }).first().waitFor({ timeout: patience });
        await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Cert Study: Start Study Timer' }).first().waitFor({ timeout: patience });
        return true;
      })
      .catch(() => false);
    if (shown) titles = (await rows.allInnerTexts()).map((t) => t.trim()).filter((t) => TIMER_COMMANDS.includes(t));
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    if ((shown && ready(titles)) || Date.now() >= deadline) return titles.sort();
  }
}

/** What the palette lists for exactly "Cert Study: Pause" (the palette left open). */
async function pauseQuery(page) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Cert Study: Pause');
  // Either our row or the palette's own "no results" row: the list has been filtered.
  await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  const titles = (await widget.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  return titles;
}

const sorted = (titles) => titles.map((t) => `Cert Study: ${t}`).sort();

describe('UI: the Command Palette offers the timer commands that can run', function () {
  this.timeout(120_000);
  const ui = useUiSession({ label: 'ui-command-palette' });

  it('idle: Start and the menu only; "Cert Study: Pause" finds nothing', async () => {
    const idle = sorted(['Start Study Timer', 'Study Timer…']);
    assert.deepEqual(await timerCommandsListed(ui.page, (t) => t.length === idle.length), idle);
    const paused = await pauseQuery(ui.page);
    assert.ok(!paused.includes('Cert Study: Pause Study Timer'), `listed: ${paused.join(', ')}`);
  });

  it('running: Pause, Stop and Discard appear, Resume does not', async () => {
    const page = ui.page;
    // A certification to time, from the palette, then Start Study Timer with its pickers.
    await page.locator(CERT_STUDY_ICON).click({ timeout: 30_000 });
    await runCommand(page, 'Cert Study: Add Certification');
    await page.locator('.quick-input-widget .quick-input-box input').fill('MLA-C01');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AWS Certified Machine Learning Engineer' }).first().click({ timeout: 15_000 });
    await page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row', { hasText: 'AWS MLA-C01' }).first().waitFor({ timeout: 15_000 });
    await runCommand(page, 'Cert Study: Start Study Timer');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'No particular domain' }).first().click({ timeout: 15_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reading' }).first().click({ timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: 'AWS MLA-C01' }).filter({ hasText: /\d\d:\d\d/ }).first().waitFor({ timeout: 15_000 });

    const running = sorted(['Start Study Timer', 'Pause Study Timer', 'Stop Study Timer (Save)', 'Discard Study Timer', 'Study Timer…']);
    assert.deepEqual(await timerCommandsListed(page, (t) => t.includes('Cert Study: Pause Study Timer')), running);
    assert.ok((await pauseQuery(page)).includes('Cert Study: Pause Study Timer'));
  });

  it('paused: Resume appears, Pause does not', async () => {
    const page = ui.page;
    await runCommand(page, 'Cert Study: Pause Study Timer');
    const paused = sorted(['Start Study Timer', 'Resume Study Timer', 'Stop Study Timer (Save)', 'Discard Study Timer', 'Study Timer…']);
    assert.deepEqual(await timerCommandsListed(page, (t) => t.includes('Cert Study: Resume Study Timer')), paused);
  });

  it('stopped: back to Start and the menu only', async () => {
    const page = ui.page;
    await runCommand(page, 'Cert Study: Stop Study Timer (Save)');
    const idle = sorted(['Start Study Timer', 'Study Timer…']);
    assert.deepEqual(await timerCommandsListed(page, (t) => t.length === idle.length), idle);
  });
});
