// UI test: a team report left open comes back after a window reload (issue 18: the report had no
// panel serializer, so a reload closed it). The page keeps the files the report was made from as
// its webview state; after the reload the shell's serializer hands them to dist/team.js, which
// reads them again, so a file removed in between is gone from the restored report.
// The report is opened the way a lead with a keybinding does (a user keybinding that passes
// Open Team Report its files, see "Example keybinding" in docs/commands.md), so no file dialog is needed.
// The webview's page is two iframes deep (page.frameLocator).
//   npm run build && npx mocha --no-config --timeout 120000 test/ui/team-report-reload.test.mjs
/* global describe, it */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/paths.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { reloadWindow } from '../harness/workbench.mjs';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'team');
const TEAM_FILES = ['alice.certstudy.json', 'bob.certstudy.json', 'chandra.certstudy.json', 'requirements.json'];
/** The report is made as of this day (the extension's test clock), so what expires and what is covered stays the same. */
const TODAY = '2026-11-26';
const KEY = 'ctrl+alt+shift+f9';

describe('UI: the team report after a window reload', function () {
  this.timeout(120_000);

  /** A copy of the sample team: the test removes a file from it before the reload. */
  let teamFolder = '';
  const ui = useUiSession({
    label: 'ui-team-reload',
    settings: { 'certStudy.testing.clockOffsetMs': new Date(`${TODAY}T12:00:00`).getTime() - Date.now() },
    prepare: (run) => {
      teamFolder = join(run.root, 'team');
      mkdirSync(teamFolder, { recursive: true });
      for (const name of TEAM_FILES) copyFileSync(join(FIXTURES, name), join(teamFolder, name));
      const user = join(run.userDataDir, 'User');
      mkdirSync(user, { recursive: true });
      const args = { files: [teamFolder], requirements: join(teamFolder, 'requirements.json') };
      writeFileSync(join(user, 'keybindings.json'), JSON.stringify([{ key: KEY, command: 'certStudy.openTeamReport', args }], null, 2));
    },
  });
  /** The report's page: the webview's host iframe, then the page's own frame. */
  const report = () => ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const tab = () => ui.page.locator('.tab', { hasText: 'Team Report' });

  it('opens from a keybinding that passes the team files', async () => {
    await ui.page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
    await ui.page.keyboard.press('Control+Alt+Shift+F9');
    await tab().first().waitFor({ timeout: 30_000 });
    await report().locator('h1', { hasText: 'Team report' }).waitFor({ timeout: 30_000 });
    assert.equal(await report().locator('.summary').innerText(), `3 engineers from 3 files · as of ${TODAY}`);
  });

  it('comes back after the reload, made again from its files as they are now', async () => {
    rmSync(join(teamFolder, 'chandra.certstudy.json'));
    await reloadWindow(ui.page, { timeout: 60_000 });
    await tab().first().waitFor({ timeout: 60_000 });
    const page = report();
    await page.locator('h1', { hasText: 'Team report' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.summary').innerText(), `2 engineers from 2 files · as of ${TODAY}`);
    const matrix = page.locator('section[aria-labelledby="matrix"] tbody tr');
    assert.deepEqual((await matrix.locator('th').allInnerTexts()).map((t) => t.split(' · ')[0]), ['Alice Chen', 'Bob Okafor']);
    await page.locator('section[aria-labelledby="requirements"]').waitFor({ timeout: 5_000 });
    assert.equal(await tab().count(), 1, 'one report, the restored one');
  });
});
