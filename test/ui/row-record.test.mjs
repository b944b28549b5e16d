// UI test for the row record (src/core/tree/rowRecord.ts): after a reload, the click on the
// Cert Study icon draws the top rows, hours and all, from the small record the app keeps in
// globalState, before dist/app.js has loaded; the app then takes the rows over. Checked here:
//   1. the rows drawn from the record carry exactly the labels and descriptions the app draws;
//   2. a stale record (a session saved by another window that never rewrote the record) is
//      corrected on screen, without a reload, once the app has read the logs.
//   npm run build && npx mocha --no-config --timeout 180000 test/ui/row-record.test.mjs
/* global describe, it, before, after */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readState } from '../harness/browser-state.mjs';
import { writeDashboardSeed } from '../harness/dashboard-seed.mjs';
import { sessionExtensionLogs } from '../harness/extension-log.mjs';
import { EXTENSION_ID } from '../harness/paths.mjs';
import { CERT_STUDY_ICON, useUiSession } from '../harness/ui-session.mjs';
import { reloadWindow, runCommand } from '../harness/workbench.mjs';
import { waitUntil } from '../harness/wait.mjs';

const RECORD_KEY = 'certStudy.rowRecord';
const VIEW_ROWS = '[id="workbench.view.extension.certStudy"] .monaco-list-row';

/** Every row the view shows now, as "label | description". */
async function shownRows(page) {
  return page.locator(VIEW_ROWS).evaluateAll((rows) =>
    rows.map((row) => `${row.querySelector('.label-name')?.textContent?.trim() ?? ''} | ${row.querySelector('.label-description')?.textContent?.trim() ?? ''}`),
  );
}

/** The MLA-C01 row's description once its hours are in ("4.5 / 90 h · exam in 28 d"). */
const mlaRow = (page) => page.locator(VIEW_ROWS, { hasText: 'AWS MLA-C01' }).first();
const withHours = /^[\d.,]+ \/ [\d.,]+ h/;

/** The record the workbench stored, once it says `check`. */
const storedRecord = (page, check) =>
  waitUntil(
    async () => {
      const record = (await readState(page))[RECORD_KEY];
      return record && check(record) && record;
    },
    { timeout: 30_000, interval: 250, what: 'the row record in the browser storage' },
  );

/** The log of an extension host started after `hostsBefore` others, once it holds `pattern`. */
const logLine = (session, hostsBefore, pattern) =>
  waitUntil(
    async () => {
      const logs = await sessionExtensionLogs(session);
      return logs.length > hostsBefore && pattern.exec(logs.at(-1) ?? '');
    },
    { timeout: 30_000, what: `${pattern} in the extension's log` },
  );

describe('UI: the view top rows from the row record after a reload', function () {
  this.timeout(180_000);
  const ui = useUiSession({
    label: 'ui-row-record',
    prepare: (run) => {
      const file = join(run.root, 'row-record-seed.json');
      writeDashboardSeed(file);
      process.env.CERT_STUDY_DEMO_SEED = file;
    },
  });
  before(() => delete process.env.CERT_STUDY_DEMO_SEED);
  after(() => delete process.env.CERT_STUDY_DEMO_SEED);

  let appRows;

  it('draws the same rows from the record as the app draws', async () => {
    const page = ui.page;
    await page.locator(CERT_STUDY_ICON).click({ timeout: 30_000 });
    await mlaRow(page).locator('.label-description', { hasText: withHours }).waitFor({ timeout: 60_000 });
    appRows = await shownRows(page);
    // The record is written once the app's rows are complete; reloading before the workbench
    // stored it would start from no record at all.
    const record = await storedRecord(page, (r) => r.rows?.some((row) => withHours.test(row.description)));
    assert.deepEqual(
      record.rows.map((r) => `${r.label} | ${r.description}`),
      appRows,
      'the record holds the rows the app drew',
    );

    await runCommand(page, 'View: Show Explorer');
    const hosts = (await sessionExtensionLogs(ui.session)).length;
    await reloadWindow(page);
    await page.locator(CERT_STUDY_ICON).click({ timeout: 60_000 });
    await mlaRow(page).locator('.label-description', { hasText: withHours }).waitFor({ timeout: 60_000 });
    const firstDrawn = await shownRows(page);
    assert.deepEqual(firstDrawn, appRows, 'the first rows drawn after the reload are the app\'s rows, word for word');
    const shown = await logLine(ui.session, hosts, /tree rows from the record after ([\d.]+) ms since activation \((\d+) rows\)/);
    assert.equal(Number(shown[2]), appRows.length);
    await logLine(ui.session, hosts, /tree taken over by the app after [\d.]+ ms since activation: 0 rows changed/);
    assert.deepEqual(await shownRows(page), appRows, 'the app took the rows over without changing one');
  });

  it('corrects a stale record on screen, without a reload', async () => {
    const page = ui.page;
    const before = (await mlaRow(page).locator('.label-description').innerText()).trim();
    // Another window saves an hour of MLA-C01 and is gone before it rewrote the record (or the
    // hours came with Settings Sync): the log on disk has one more session than the record knows.
    await runCommand(page, 'View: Show Explorer');
    const file = join(ui.session.run.userDataDir, 'User', 'globalStorage', EXTENSION_ID, 'sessions.jsonl');
    const last = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1));
    const start = new Date(Date.now() - 3 * 3_600_000);
    const end = new Date(start.getTime() + 3_600_000);
    const withOffset = (d) => d.toISOString().replace('Z', '+00:00');
    appendFileSync(file, `${JSON.stringify({ ...last, id: '00000000-0000-4000-8000-00000000aaaa', certKey: 'aws-mla-c01', start: withOffset(start), end: withOffset(end), domainId: null })}\n`);

    const hosts = (await sessionExtensionLogs(ui.session)).length;
    await reloadWindow(page);
    await page.locator(CERT_STUDY_ICON).click({ timeout: 60_000 });
    await logLine(ui.session, hosts, /tree rows from the record after [\d.]+ ms since activation/);
    // The MLA-C01 row, and the week row when the hour falls in this week.
    const changed = await logLine(ui.session, hosts, /tree taken over by the app after [\d.]+ ms since activation: (\d+) rows changed/);
    assert.ok(Number(changed[1]) >= 1, `${changed[1]} rows changed`);
    const hours = (text) => Number(/^([\d.]+)/.exec(text)?.[1]);
    const after = await waitUntil(
      async () => {
        const text = (await mlaRow(page).locator('.label-description').innerText()).trim();
        return hours(text) === hours(before) + 1 && text;
      },
      { what: `one more hour than "${before}" on the MLA-C01 row` },
    );
    // The record now says what the app drew, for the next window.
    await storedRecord(page, (r) => r.rows?.some((row) => row.description === after));
  });
});
