// UI test of the team report, the way a team lead uses it: Open Team Report from the Command
// Palette, pick the folder of the three sample engineers (test/fixtures/team) and the client
// requirements through VS Code's own file dialog (in the browser workbench: a path typed into a
// quick input), see the merged report in its webview with a gap, and export the merged table as
// CSV with the keyboard. The webview's page is two iframes deep (page.frameLocator).
/* global describe, it, document */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../harness/paths.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';
import { waitUntil } from '../harness/wait.mjs';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'team');
/** The report is made as of this day (the extension's test clock), so what expires and what is covered stays the same. */
const TODAY = '2026-11-26';

describe('UI: the team report', function () {
  this.timeout(120_000);

  const ui = useUiSession({ label: 'ui-team', settings: { 'certStudy.testing.clockOffsetMs': new Date(`${TODAY}T12:00:00`).getTime() - Date.now() } });
  const quickInput = () => ui.page.locator('.quick-input-widget .quick-input-box input');
  const pick = (text) => ui.page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  /** The report's page: the webview's host iframe, then the page's own frame. */
  const report = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  /**
   * VS Code's file dialog in the browser: type the path, Enter. It is a quick input that opens on
   * the workspace folder (the extension passes no other start), and two of its states are traps:
   *  - while it opens, the widget still shows the previous quick input's text and rows, then a
   *    placeholder path, until it has listed its start folder; what is typed before that is
   *    overwritten;
   *  - a path in another folder makes it go to that folder first, and an Enter before it has
   *    arrived only navigates, it does not accept.
   * So: wait until it lists the workspace, type, wait until it lists the typed path's folder, Enter.
   */
  async function typePath(path) {
    const { workspace } = ui.session.run;
    await ui.page.waitForFunction(
      (start) =>
        document.querySelector('.quick-input-widget .quick-input-box input')?.value.startsWith(start) &&
        [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row .label-name')].some((l) => l.textContent === '..'),
      `${workspace}/`,
      { timeout: 15_000 },
    );
    await quickInput().fill(path);
    const folder = path.endsWith('/') ? path.slice(0, -1) : dirname(path);
    if (folder !== workspace) {
      // It has arrived once it lists that folder's content: a subfolder (every dialog lists folders).
      const sub = readdirSync(folder, { withFileTypes: true }).find((e) => e.isDirectory());
      if (!sub) throw new Error(`typePath: ${folder} has no subfolder by which to see that the dialog went there`);
      await ui.page.locator('.quick-input-widget .quick-input-list .label-name', { hasText: new RegExp(`^${sub.name}$`) }).waitFor({ timeout: 15_000 });
    }
    await ui.page.keyboard.press('Enter');
  }

  it('opens from the Command Palette with a folder of team files and a requirements file', async () => {
    await runCommand(ui.page, 'Cert Study: Open Team Report');
    await pick('A folder of team files').click({ timeout: 30_000 });
    await typePath(`${FIXTURES}/`);
    await pick('Compare with client requirements').click({ timeout: 15_000 });
    await typePath(join(FIXTURES, 'requirements.json'));
    await ui.page.locator('.tab', { hasText: 'Team Report' }).first().waitFor({ timeout: 30_000 });
  });

  it('shows the three engineers, what expires soon, and a gap in the client requirements', async () => {
    const page = report();
    await page.locator('h1', { hasText: 'Team report' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.summary').innerText(), `3 engineers from 3 files · as of ${TODAY}`);
    const matrix = page.locator('section[aria-labelledby="matrix"] tbody tr');
    assert.deepEqual((await matrix.locator('th').allInnerTexts()).map((t) => t.split(' · ')[0]), ['Alice Chen', 'Bob Okafor', 'Chandra Rao']);
    const requirements = page.locator('section[aria-labelledby="requirements"]');
    assert.match(await requirements.locator('h2').innerText(), /Client requirements · 3 gaps/);
    const contoso = requirements.locator('tbody tr', { hasText: 'Contoso Health' });
    assert.match(await contoso.innerText(), /Gap\s+in the pipeline: Bob Okafor \(exam 2026-12-15\)/);
    const northwind = requirements.locator('tbody tr', { hasText: 'Northwind Bank' });
    assert.match(await northwind.innerText(), /Covered\s+Alice Chen \(until 2028-03-10\)/);
    assert.equal(await requirements.locator('.badge.gap').count(), 3);
    const expiring = page.locator('section[aria-labelledby="expiring"] tbody tr');
    assert.deepEqual(await expiring.allInnerTexts(), ['Alice Chen\tDatabricks Certified Machine Learning Associate\t2026-12-20\t24 d']);
  });

  it('exports the merged table as CSV from the keyboard', async () => {
    const button = report().locator('button', { hasText: 'Export CSV' });
    await button.focus();
    await ui.page.keyboard.press('Enter');
    const target = join(ui.session.run.workspace, 'team.csv');
    await typePath(target);
    // The file appears (empty) before its content is written: wait until it holds whole rows, each
    // ended by CRLF.
    const text = await waitUntil(
      () => {
        const content = existsSync(target) ? readFileSync(target, 'utf8') : '';
        return content.endsWith('\r\n') && content;
      },
      { what: `the exported ${target}` },
    );
    const rows = text.split('\r\n').filter(Boolean);
    assert.equal(rows[0].split(',')[0], 'engineer_id');
    assert.equal(rows.length, 1 + 7, 'one row per engineer and certification');
  });
});
