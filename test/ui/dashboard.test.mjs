// UI test of the progress dashboard in the real workbench (code-server + headless chromium): a
// profile seeded with a small hand-checked data set (test/harness/dashboard-seed.mjs, imported by
// the extension through CERT_STUDY_DEMO_SEED), the dashboard opened from the Command Palette:
// every chart drawn with its data table holding the seeded numbers, the pace forecast on top,
// the pass forecast's projection and band on the practice chart (screenshots in test-results/),
// keyboard navigation, a redraw on a theme change, a certification named
// `<img src=x onerror=alert(1)>` shown as text with no script run and no CSP violation, and the
// panel restored as it was after a window reload.
//   npm run build && npx mocha --no-config --timeout 180000 test/ui/dashboard.test.mjs
/* global describe, it, before, after, window */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardFrame, dashboardSeed, HOSTILE_KEY, HOSTILE_NAME, isoDay } from '../harness/dashboard-seed.mjs';
import { RESULTS_DIR } from '../harness/paths.mjs';
import { sessionExtensionLogs } from '../harness/extension-log.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { reloadWindow, runCommand } from '../harness/workbench.mjs';

const CHARTS = ['weekly', 'target', 'practice', 'domains', 'days'];

/**
 * The dashboard seed, with enough practice exams for a pass forecast: a third MLA-C01 score (three
 * weeks ago, before the seed's 62 and 81), and one for the custom certification (too few for one).
 */
function writeSeedWithForecast(file, now = new Date()) {
  const { seed, expected } = dashboardSeed(now);
  const pad = (n) => String(n).padStart(2, '0');
  /** Friday 19:00 `weeksBack` weeks before this one, as a stored instant with its local offset. */
  const friday = (weeksBack) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) - 7 * weeksBack + 4, 19, 0);
    const offset = -d.getTimezoneOffset();
    return { day: isoDay(d), takenAt: `${isoDay(d)}T19:00:00.000${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}` };
  };
  const [template] = seed.practiceExams;
  const third = friday(3);
  seed.practiceExams.push(
    { ...template, id: '00000000-0000-4000-8000-0000000000f1', takenAt: third.takenAt, scorePercent: 66, entered: { kind: 'percent', percent: 66 } },
    { ...template, id: '00000000-0000-4000-8000-0000000000f2', certKey: HOSTILE_KEY, takenAt: friday(1).takenAt, scorePercent: 72, entered: { kind: 'percent', percent: 72 } },
  );
  writeFileSync(file, JSON.stringify(seed));
  const examDay = seed.certifications.find((c) => c.key === 'aws-mla-c01').examDate;
  return { ...expected, examDay, practice: [...expected.practice, { day: third.day, percent: '66' }] };
}


/** How many pixels of a canvas are painted (a blank canvas is all transparent). */
const paintedPixels = (canvas) =>
  canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

/** The cells of the first body row holding `first`. */
async function rowCells(table, first) {
  const row = table.locator('tbody tr', { hasText: first }).first();
  return (await row.locator('th, td').allInnerTexts()).map((s) => s.trim());
}

describe('UI: the progress dashboard', function () {
  this.timeout(180_000);

  let expected;
  const ui = useUiSession({
    label: 'ui-dashboard',
    prepare: (run) => {
      const file = join(run.root, 'dashboard-seed.json');
      expected = writeSeedWithForecast(file);
      // The extension host inherits code-server's environment, and code-server this process's.
      process.env.CERT_STUDY_DEMO_SEED = file;
    },
  });
  const dialogs = [];
  before(() => {
    delete process.env.CERT_STUDY_DEMO_SEED;
    ui.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
  });
  after(() => delete process.env.CERT_STUDY_DEMO_SEED);

  const frame = () => dashboardFrame(ui.page);
  const drawnCount = async () => Number(await frame().locator('body').getAttribute('data-drawn'));
  const themeKind = () => frame().locator('body').evaluate((b) => ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-light', 'vscode-dark'].find((c) => b.classList.contains(c)) ?? 'unknown');
  const cspProblems = () => ui.session.consoleLines.filter((l) => /Content[- ]Security[- ]Policy|Refused to (load|execute|apply)/i.test(l));

  it('opens from the Command Palette with the pace forecast on top, in plain words', async () => {
    const { page } = ui;
    await page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]').waitFor({ timeout: 60_000 });
    await runCommand(page, 'Cert Study: Open Dashboard', { timeout: 30_000 });
    await page.locator('.tab', { hasText: 'Cert Study Dashboard' }).waitFor({ timeout: 30_000 });
    await frame().locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    const first = frame().locator('.forecast-item').first();
    assert.equal((await first.locator('.cert-name').innerText()).trim(), 'AWS MLA-C01');
    assert.equal((await first.locator('strong').innerText()).trim(), expected.forecast);
    const forecastFirst = await frame()
      .locator('main')
      .evaluate((main) => {
        const forecast = main.querySelector('.forecast');
        const chart = main.querySelector('.card');
        return !!(forecast.compareDocumentPosition(chart) & 4 /* FOLLOWING */);
      });
    assert.ok(forecastFirst, 'the forecast comes before every chart');
  });

  it('draws every chart (not blank), each with an accessible name and a table of the same numbers', async () => {
    for (const id of CHARTS) {
      const canvas = frame().locator(`#chart-${id}`);
      await canvas.waitFor({ state: 'visible', timeout: 10_000 });
      const painted = await paintedPixels(canvas);
      assert.ok(painted > 500, `${id}: ${painted} pixels painted`);
      assert.equal(await canvas.getAttribute('role'), 'img');
      assert.equal(await canvas.getAttribute('tabindex'), '0');
      const title = (await frame().locator(`#title-${id}`).innerText()).trim();
      assert.ok((await canvas.getAttribute('aria-label'))?.startsWith(`${title}: `), `${id} is named by its title and summary`);
      const toggle = frame().locator(`button[aria-controls="table-${id}"]`);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.press('Enter');
      await frame().locator(`#table-${id} table`).first().waitFor({ timeout: 5000 });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    }
    const table = (id) => frame().locator(`#table-${id} table`);

    const { lastWeek, weekBefore } = expected;
    assert.deepEqual(await table('weekly').locator('thead th').allInnerTexts(), ['Week', 'AWS MLA-C01', HOSTILE_NAME, 'Total']);
    assert.deepEqual((await rowCells(table('weekly'), `from ${lastWeek.start}`)).slice(1), [lastWeek.mla, lastWeek.hostile, lastWeek.total]);
    assert.deepEqual((await rowCells(table('weekly'), `from ${weekBefore.start}`)).slice(1), [weekBefore.mla, '0', weekBefore.total]);
    // Cumulative: 2 h the week before, 4.5 h after last week; the targets in the last row.
    assert.deepEqual((await rowCells(table('target'), `from ${lastWeek.start}`)).slice(1), ['4.5', '0.5']);
    assert.deepEqual(await rowCells(table('target'), 'Target'), ['Target', '90', '10']);
    for (const p of expected.practice) {
      assert.deepEqual((await rowCells(table('practice'), p.day)).slice(0, 5), [p.day, 'AWS MLA-C01', p.percent, '68.9', '73.9']);
    }
    const { dataPrep, modelDev } = expected.domains;
    assert.deepEqual((await rowCells(table('domains'), 'Data Preparation for Machine Learning')).slice(1), ['AWS MLA-C01', dataPrep.hours, dataPrep.share, dataPrep.weight]);
    assert.deepEqual((await rowCells(table('domains'), 'ML Model Development')).slice(1), ['AWS MLA-C01', modelDev.hours, modelDev.share, modelDev.weight]);
    for (const d of expected.studyDays) assert.deepEqual(await rowCells(table('days'), d.day), [d.day, d.minutes]);
  });

  it('draws the pass forecast on the practice chart: a band to the exam day, a line under the chart, a table', async () => {
    const f = frame();
    // The chart's band plugin says how many bands it filled: MLA-C01's (the custom one has one score).
    await f.locator('#chart-practice[data-forecast-bands="1"]').waitFor({ timeout: 10_000 });
    assert.match(await f.locator('#chart-practice').getAttribute('aria-describedby'), /\bnotes-practice\b/, 'the lines under the chart describe it');
    const mla = f.locator('#notes-practice .forecast-note[data-cert="aws-mla-c01"]');
    assert.equal(await mla.getAttribute('data-forecast'), 'forecast');
    const sentence = new RegExp(`^AWS MLA-C01: Pass forecast for exam day \\(${expected.examDay}\\): expected (\\d+) \\((\\d+)–(\\d+)\\) on a 100–1000 scale, pass 720: (likely pass|likely fail|too close to call)\\.`);
    const [, mid, lo, hi] = sentence.exec((await mla.innerText()).trim()) ?? assert.fail(await mla.innerText());
    assert.ok(Number(lo) <= Number(mid) && Number(mid) <= Number(hi), `${lo} ≤ ${mid} ≤ ${hi}`);
    const hostile = f.locator(`#notes-practice .forecast-note[data-cert="${HOSTILE_KEY}"]`);
    assert.equal((await hostile.innerText()).trim(), `${HOSTILE_NAME}: Pass forecast: not enough data yet (3 scores needed, 1 so far).`);
    assert.equal(await hostile.getAttribute('data-forecast'), 'insufficient');
    assert.match(await f.locator('#notes-practice .forecast-limits').innerText(), /cannot know the real exam form/);
    // The table alternative: the target day, the expected percent and the range, and the sentence.
    const table = f.locator('#table-practice table.forecast-table');
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Certification', 'Target day', 'Expected %', '80 % range %', 'In words']);
    const [name, day, expectedPercent, range, text] = await rowCells(table, 'AWS MLA-C01');
    assert.deepEqual([name, day], ['AWS MLA-C01', expected.examDay]);
    const [low, high] = range.split('–').map(Number);
    assert.ok(low <= Number(expectedPercent) && Number(expectedPercent) <= high, `${low} ≤ ${expectedPercent} ≤ ${high}`);
    assert.match(text, /^Pass forecast for exam day/);
    assert.deepEqual(await rowCells(table, HOSTILE_NAME), [HOSTILE_NAME, '—', '—', '—', 'Pass forecast: not enough data yet (3 scores needed, 1 so far).']);
    // The keyboard's last score says where the forecast goes.
    const canvas = f.locator('#chart-practice');
    await canvas.focus();
    await canvas.press('End');
    assert.match(await f.locator('[aria-live="polite"]').innerText(), new RegExp(`Pass forecast ${expected.examDay}: [\\d.]+ % \\([\\d.]+–[\\d.]+ %\\)$`));
    await f.locator('.card-practice .canvas-box').screenshot({ path: join(RESULTS_DIR, `dashboard-forecast-${await themeKind()}.png`) });
  });

  it('shows the plan timeline and ROI sections, saying which command to run when nothing is set yet', async () => {
    // The seed has no plan, no costs and no billing rates: both sections say what to do.
    assert.equal((await frame().locator('#title-plans').innerText()).trim(), 'Plan timeline');
    assert.match(await frame().locator('.card-plans .no-data').innerText(), /Apply a Certification Stack/);
    assert.equal(await frame().locator('.card-plans .canvas-box').isHidden(), true);
    assert.equal((await frame().locator('#title-roi').innerText()).trim(), 'Return on investment');
    assert.match(await frame().locator('.card-roi .no-data').innerText(), /Set Billing Rates/);
    assert.equal(await frame().locator('section.card-roi').getAttribute('aria-labelledby'), 'title-roi');
  });

  it('is operable by keyboard: the arrow keys walk a chart and its values are read out', async () => {
    const canvas = frame().locator('#chart-weekly');
    await canvas.focus();
    await canvas.press('End');
    await canvas.press('ArrowLeft');
    const live = frame().locator('[aria-live="polite"]');
    assert.match(await live.innerText(), new RegExp(`from ${expected.lastWeek.start}, AWS MLA-C01: ${expected.lastWeek.mla} h; Total ${expected.lastWeek.total} h`));
    await canvas.press('ArrowDown');
    assert.match(await live.innerText(), new RegExp(`${HOSTILE_NAME.replace(/[()]/g, '\\$&')}: ${expected.lastWeek.hostile} h`));
    const days = frame().locator('#chart-days');
    await days.focus();
    await days.press('End');
    assert.match(await live.innerText(), /^\w+ \d{4}-\d\d-\d\d: \d+ min$/);
  });

  it('redraws in the new colours when the theme changes', async () => {
    const { page } = ui;
    const canvas = frame().locator('#chart-weekly');
    const before = await canvas.evaluate((c) => c.toDataURL());
    const count = await drawnCount();
    const wasDark = await frame().locator('body').evaluate((b) => b.classList.contains('vscode-dark'));
    await runCommand(page, 'Preferences: Color Theme');
    const theme = wasDark ? 'Light Modern' : 'Dark Modern';
    await page.keyboard.type(theme);
    // The picker filters as it is typed and Enter takes the row in focus: wait until that is the theme.
    await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${theme}$`) }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await frame().locator(`body:not([data-drawn="${count}"])`).waitFor({ timeout: 10_000 });
    assert.equal(await frame().locator('body').getAttribute('data-drawn-reason'), 'theme');
    assert.equal(await frame().locator('body').evaluate((b) => b.classList.contains('vscode-dark')), !wasDark);
    const after = await canvas.evaluate((c) => c.toDataURL());
    assert.notEqual(after, before, 'the chart was drawn again in other colours');
    assert.ok((await paintedPixels(canvas)) > 500);
  });

  it('keeps the forecast band drawn in the light and high-contrast themes', async () => {
    const { page } = ui;
    const shot = async () => {
      await frame().locator('#chart-practice[data-forecast-bands="1"]').waitFor({ timeout: 10_000 });
      await frame().locator('.card-practice .canvas-box').screenshot({ path: join(RESULTS_DIR, `dashboard-forecast-${await themeKind()}.png`) });
    };
    await shot(); // the theme the test before left
    for (const theme of ['Dark High Contrast', 'Light High Contrast']) {
      const count = await drawnCount();
      await runCommand(page, 'Preferences: Color Theme');
      await page.keyboard.type(theme);
      await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${theme}$`) }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await frame().locator(`body:not([data-drawn="${count}"])`).waitFor({ timeout: 10_000 });
      await frame().locator(`body.${theme.startsWith('Dark') ? 'vscode-high-contrast' : 'vscode-high-contrast-light'}`).waitFor({ timeout: 10_000 });
      await shot();
    }
  });

  it('shows a certification named <img src=x onerror=alert(1)> as text: no element, no script run, no CSP violation', async () => {
    const f = frame();
    const forecastName = f.locator('.forecast-item .cert-name', { hasText: HOSTILE_NAME });
    assert.equal(await forecastName.count(), 1);
    assert.equal((await forecastName.innerText()).trim(), HOSTILE_NAME);
    assert.equal((await f.locator('#cert option').allInnerTexts()).filter((o) => o === HOSTILE_NAME).length, 1);
    assert.equal(await f.locator('img').count(), 0, 'no <img> element anywhere in the page');
    assert.equal(await f.locator('[onerror]').count(), 0);
    // VS Code's own acquireVsCodeApi shim, and ours: nothing else.
    assert.deepEqual(await f.locator('script').evaluateAll((all) => all.map((x) => x.id || x.getAttribute('src')?.replace(/^.*\/dist\//, 'dist/'))), ['_vscodeApiScript', 'dist/webview.js']);
    assert.deepEqual(dialogs, [], 'no alert() ran');
    assert.equal(await f.locator('body').evaluate(() => typeof window.alert), 'function');
    assert.deepEqual(cspProblems(), [], 'no Content Security Policy violation in the console');
    // The page's own console does not reach this one from inside the webview's frames; the page
    // reports every error and CSP violation (securitypolicyviolation) to the extension's log.
    // Checked: with the names inserted as HTML, the log says "CSP refused script-src-attr".
    const log = (await sessionExtensionLogs(ui.session)).join('\n');
    assert.match(log, /dashboard: 5 charts drawn in [\d.]+ ms \(data\)/);
    assert.doesNotMatch(log, /dashboard page:|ignored a message/, 'the page reported no problem (errors, CSP refusals)');
  });

  it('comes back as it was after a window reload: same range, same open tables', async () => {
    const { page } = ui;
    const count = await drawnCount();
    await frame().locator('#range').selectOption('12w');
    await frame().locator(`body:not([data-drawn="${count}"])`).waitFor({ timeout: 10_000 });
    assert.equal(await frame().locator('#table-weekly tbody tr').count(), 12);
    await frame().locator('button[aria-controls="table-target"]').click();
    await frame().locator('#table-target').waitFor({ state: 'hidden' });

    await reloadWindow(page);
    await page.locator('.tab', { hasText: 'Cert Study Dashboard' }).waitFor({ timeout: 60_000 });
    await frame().locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    assert.equal(await frame().locator('#range').inputValue(), '12w');
    assert.equal(await frame().locator('#table-weekly tbody tr').count(), 12, 'the weekly table is open, for 12 weeks');
    assert.equal(await frame().locator('#table-target').isHidden(), true, 'the table closed before the reload stays closed');
    assert.deepEqual((await rowCells(frame().locator('#table-weekly table'), `from ${expected.lastWeek.start}`)).slice(1), [expected.lastWeek.mla, expected.lastWeek.hostile, expected.lastWeek.total]);
    for (const id of CHARTS) assert.ok((await paintedPixels(frame().locator(`#chart-${id}`))) > 500, `${id} drawn after the reload`);
    assert.deepEqual(cspProblems(), []);
  });
});
