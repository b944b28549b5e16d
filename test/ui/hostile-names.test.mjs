// UI test (issue 18): custom certifications named like markup (HTML with inline handlers, a
// Markdown image and command link, theme-icon syntax) are added through the command
// certStudy.addCertification with its argument object, then shown everywhere a name goes: the
// tree rows and their hovers, the status-bar countdown and its hover, the Start Study Timer
// pickers, notifications, the dashboard and the team report. Each must read exactly as typed,
// nothing may run (window.__pwned stays undefined in every frame) and neither the workbench page
// nor any webview frame may report a Content Security Policy violation: VS Code computes a
// plain-text form of each Markdown hover by parsing HTML, and a name that reached that parser as
// `<img onerror=…>` made Chromium report the inline handler on every redraw of its row.
//   npm run build && npx mocha --no-config --timeout 120000 test/ui/hostile-names.test.mjs
//   CERT_STUDY_EXTENSION_HOST=web …  (the same in the browser's web worker extension host)
// Commands with arguments run through keybindings written to the profile's keybindings.json
// (`runCommands` for several in a row), the way a user binds them.
/* global describe, it, window, document */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchCsp } from '../harness/csp.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';

const PROVIDER = 'Evil & Co <b>bold</b> $(zap)';
const NAMES = [
  '<img src=x onerror=window.__pwned=1>',
  '<img src=x onerror="window.__pwned=4">',
  '<script>window.__pwned=2</script>',
  '<svg onload=window.__pwned=3>',
  '![x](https://example.invalid/x.png)',
  '[click](command:workbench.action.quit)',
  '$(alert) icon',
];
/** Custom exam domains of the first certification: the timer's domain picker lists them. */
const DOMAINS = ['<img src=y onerror=window.__pwned=6>', '$(zap) [docs](command:workbench.action.quit)'];
const ENGINEER = '<img src=z onerror=window.__pwned=5> $(account)';

/** The key the extension derives from a custom name (src/core/catalog/catalog.ts customKeyFor, slugify). */
const keyOf = (/** @type {string} */ name) =>
  `custom:${name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/g, '')}`;
assert.equal(new Set(NAMES.map(keyOf)).size, NAMES.length, 'every name gets its own key');

const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
const dayIn = (/** @type {number} */ days) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** Name i gets its exam in 30 - i days: setting them in order moves the countdown to each in turn. */
const examDays = (/** @type {number} */ i) => 30 - i;

/**
 * Quick picks, the status bar and notifications render `$(icon)` and command links; the
 * extension breaks those patterns with an invisible WORD JOINER (U+2060) after `$` and `]`
 * (src/core/util/plainText.ts). What a person reads is the text without it.
 */
const read = (/** @type {string} */ text) => text.replace(/\u2060/g, '');

/** Keys outside VS Code's defaults (Ctrl+Alt+Shift+letter). */
const KEYS = {
  addAll: 'ctrl+alt+shift+a',
  team: 'ctrl+alt+shift+t',
  exam: ['b', 'c', 'd', 'e', 'g', 'h', 'i'].map((k) => `ctrl+alt+shift+${k}`),
  remove: ['j', 'k', 'l', 'm', 'n', 'o', 'p'].map((k) => `ctrl+alt+shift+${k}`),
};
const press = (/** @type {string} */ key) => key.replace('ctrl', 'Control').replace('alt', 'Alt').replace('shift', 'Shift').replace(/\+([a-z])$/, (_m, k) => `+Key${k.toUpperCase()}`);

function keybindings(/** @type {string} */ exportDir) {
  const add = NAMES.map((name, i) => ({
    command: 'certStudy.addCertification',
    args: { custom: { name, provider: PROVIDER, ...(i === 0 ? { domains: DOMAINS } : {}) }, targetHours: 40 },
  }));
  return [
    { key: KEYS.addAll, command: 'runCommands', args: { commands: add } },
    ...NAMES.map((name, i) => ({ key: KEYS.exam[i], command: 'certStudy.editCertification', args: { key: keyOf(name), examDate: dayIn(examDays(i)) } })),
    ...NAMES.map((name, i) => ({ key: KEYS.remove[i], command: 'certStudy.removeCertification', args: { key: keyOf(name), skipConfirmation: true } })),
    {
      key: KEYS.team,
      command: 'runCommands',
      args: {
        commands: [
          { command: 'certStudy.editProfile', args: { name: ENGINEER } },
          { command: 'certStudy.exportTeamFile', args: { path: join(exportDir, 'me.certstudy.json') } },
          { command: 'certStudy.openTeamReport', args: { files: [exportDir] } },
        ],
      },
    },
  ];
}

describe('UI: hostile certification names are shown as typed, never interpreted', function () {
  this.timeout(180_000);

  let exportDir = '';
  const ui = useUiSession({
    label: 'ui-hostile',
    prepare: (run) => {
      exportDir = join(run.workspace, 'team');
      mkdirSync(exportDir, { recursive: true });
      const user = join(run.userDataDir, 'User');
      mkdirSync(user, { recursive: true });
      writeFileSync(join(user, 'keybindings.json'), JSON.stringify(keybindings(exportDir), null, 2));
    },
  });
  /** @type {import('../harness/csp.mjs').CspWatch} */
  let csp;
  const page = () => ui.page;
  const treeRows = () => page().locator('[id="workbench.view.extension.certStudy"] .pane-body .monaco-list-row');
  const rowOf = (/** @type {string} */ name) => treeRows().filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  /** The hover on screen holding `text` (tree rows and the status bar use the workbench's hover widget). */
  const hover = (/** @type {string} */ text) => page().locator('.monaco-hover:visible, .workbench-hover:visible', { hasText: text }).last();
  const quickInput = () => page().locator('.quick-input-widget');
  const pickRows = () => page().locator('.quick-input-widget .quick-input-list .monaco-list-row');

  /** Keyboard focus back in the workbench (not a webview, not an input) before a keybinding. */
  async function pressKey(/** @type {string} */ key) {
    await page().keyboard.press('Escape');
    await page().locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
    await page().keyboard.press(press(key));
  }

  async function clearHover() {
    await page().mouse.move(900, 300); // the empty editor area: nothing there has a hover
    await page().keyboard.press('Escape');
    await page().locator('.monaco-hover:visible, .workbench-hover:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }

  /** Nothing reported so far: no CSP violation in any frame, no console report, nothing ran. */
  async function assertClean(/** @type {string} */ step) {
    await csp.armFrames();
    const seen = await csp.report();
    assert.ok(seen.frames >= 1);
    assert.deepEqual(seen.unarmed, [], `${step}: every frame listens for securitypolicyviolation`);
    assert.deepEqual(seen.console, [], `${step}: the console reported a Content Security Policy violation`);
    assert.deepEqual(seen.events, [], `${step}: a frame fired securitypolicyviolation`);
    assert.deepEqual(seen.globals, [], `${step}: a name ran as script`);
  }

  /**
   * Elements a name must never become, inside `scope`. A webview page holds its own scripts
   * (`ownScripts`: checked by their list instead).
   */
  async function assertNoMarkup(/** @type {import('playwright-core').Locator} */ scope, /** @type {string} */ where, { ownScripts = false } = {}) {
    const selectors = ['img', 'svg', 'a[href]', '[onerror]', '[onload]', '.codicon-alert', '.codicon-zap', '.codicon-account', ...(ownScripts ? [] : ['script'])];
    for (const selector of selectors) {
      assert.equal(await scope.locator(selector).count(), 0, `${where}: found ${selector}`);
    }
  }

  it('adds the certifications through certStudy.addCertification with its argument', async () => {
    csp = await watchCsp(page());
    await page().locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]').click({ timeout: 30_000 });
    await pressKey(KEYS.addAll);
    for (const name of NAMES) await rowOf(name).first().waitFor({ timeout: 30_000 });
    await assertClean('adding');
  });

  it('shows each name as typed in its tree row and its hover', async () => {
    for (const name of NAMES) {
      const row = rowOf(name).first();
      assert.equal(await row.locator('.label-name').innerText(), name, 'the row label');
      await row.hover();
      const shown = hover('Status:');
      await shown.waitFor({ timeout: 15_000 });
      const text = (await shown.innerText()).trim();
      assert.equal(text.split('\n')[0], name, `the hover's title: ${text}`);
      assert.ok(text.includes(PROVIDER), `the hover names the provider as typed: ${text}`);
      await assertNoMarkup(shown, `hover of ${name}`);
      await clearHover();
    }
    // The first one's children, among them its custom exam domains.
    const first = rowOf(NAMES[0]).first();
    await first.click();
    await page().keyboard.press('ArrowRight');
    const domains = treeRows().filter({ hasText: 'Domains' }).first();
    await domains.waitFor({ timeout: 15_000 });
    await domains.click();
    await page().keyboard.press('ArrowRight');
    for (const domain of DOMAINS) {
      const row = rowOf(domain).first();
      await row.waitFor({ timeout: 15_000 });
      await row.hover();
      await hover('Study logged against this exam domain').waitFor({ timeout: 15_000 });
      await clearHover();
    }
    // Every row on screen, hovered once more (each hover draws the row's tooltip again).
    for (let i = 0; i < (await treeRows().count()); i++) {
      // Every row has a tooltip (TreeNodeView.tooltip is required): wait until it is drawn.
      await treeRows().nth(i).hover();
      await page().locator('.monaco-hover:visible, .workbench-hover:visible').first().waitFor({ timeout: 15_000 });
      await clearHover();
    }
    await clearHover();
    await assertNoMarkup(page().locator('[id="workbench.view.extension.certStudy"]'), 'the Certifications view');
    await page().keyboard.press('ArrowLeft');
    await assertClean('tree rows and hovers');
  });

  it('shows each name as typed in the status-bar countdown and its hover', async () => {
    for (const [i, name] of NAMES.entries()) {
      await pressKey(KEYS.exam[i]);
      const days = examDays(i);
      const expected = `${name} · ${days}d`;
      const items = page().locator('.part.statusbar .statusbar-item');
      const item = items.filter({ hasText: ` · ${days}d` }).first();
      await item.waitFor({ timeout: 15_000 });
      assert.equal(read((await item.innerText()).trim()), expected, 'the status bar text');
      await assertNoMarkup(item, `status item of ${name}`);
      assert.equal(await item.locator('.codicon-mortar-board').count(), 1, 'the countdown keeps its own icon');
      await item.hover();
      const shown = hover(`exam on ${dayIn(days)}`);
      await shown.waitFor({ timeout: 15_000 });
      const text = (await shown.innerText()).trim();
      assert.equal(read(text.split('\n')[0]), `${name}: exam on ${dayIn(days)} (in ${days} days)`, `the hover's first line: ${text}`);
      await assertNoMarkup(shown, `countdown hover of ${name}`);
      await clearHover();
    }
    await assertClean('status bar');
  });

  it('lists the names as typed in the Start Study Timer pickers', async () => {
    await runCommand(page(), 'Cert Study: Start Study Timer');
    await pickRows().first().waitFor({ timeout: 15_000 });
    const labels = (await quickInput().locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map(read);
    for (const name of NAMES) assert.ok(labels.includes(name), `${name} in ${JSON.stringify(labels)}`);
    await assertNoMarkup(quickInput(), 'the certification picker');
    // The first one's exam domains come next.
    await pickRows().filter({ has: page().locator('.label-name', { hasText: 'window.__pwned=1>' }) }).filter({ hasNotText: '"' }).first().click();
    await quickInput().locator('.quick-input-list .monaco-list-row .label-name', { hasText: 'pwned=6' }).first().waitFor({ timeout: 15_000 });
    const domainLabels = (await quickInput().locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map(read);
    for (const domain of DOMAINS) assert.ok(domainLabels.includes(domain), `${domain} in ${JSON.stringify(domainLabels)}`);
    await assertNoMarkup(quickInput(), 'the domain picker');
    await page().keyboard.press('Escape');
    await quickInput().waitFor({ state: 'hidden', timeout: 15_000 });
    await assertClean('pickers');
  });

  it('names each certification as typed in a notification (Removed …, then Undo)', async () => {
    for (const [i, name] of NAMES.entries()) {
      await pressKey(KEYS.remove[i]);
      const toast = page().locator('.notifications-toasts .notification-toast', { hasText: 'Removed' }).last();
      await toast.waitFor({ timeout: 15_000 });
      const message = toast.locator('.notification-list-item-message');
      assert.equal(read((await message.innerText()).trim()), `Removed ${name}.`);
      await assertNoMarkup(message, `notification for ${name}`);
      await rowOf(name).first().waitFor({ state: 'detached', timeout: 15_000 });
      await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
      await toast.waitFor({ state: 'detached', timeout: 15_000 });
      await rowOf(name).first().waitFor({ timeout: 15_000 });
    }
    await assertClean('notifications');
  });

  it('shows the names as text in the dashboard', async () => {
    await runCommand(page(), 'Cert Study: Open Dashboard');
    const frame = page().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    await csp.armFrames();
    const options = await frame.locator('#cert option').allInnerTexts();
    for (const name of NAMES) assert.equal(options.filter((o) => o === name).length, 1, `${name} in the certification filter ${JSON.stringify(options)}`);
    const forecast = await frame.locator('.forecast-item .cert-name').allInnerTexts();
    for (const name of NAMES) assert.ok(forecast.includes(name), `${name} in the forecast ${JSON.stringify(forecast)}`);
    await assertNoMarkup(frame.locator('body'), 'the dashboard', { ownScripts: true });
    assert.deepEqual(
      await frame.locator('script').evaluateAll((all) => all.map((x) => x.id || x.getAttribute('src')?.replace(/^.*\/dist\//, 'dist/'))),
      ['_vscodeApiScript', 'dist/webview.js'],
    );
    await assertClean('dashboard');
    await runCommand(page(), 'View: Close All Editors');
  });

  it('shows the names as text in the team report', async () => {
    await pressKey(KEYS.team);
    await page().locator('.tab', { hasText: 'Team Report' }).first().waitFor({ timeout: 30_000 });
    const frame = page().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('h1', { hasText: 'Team report' }).waitFor({ timeout: 30_000 });
    await csp.armFrames();
    const columns = await frame.locator('section[aria-labelledby="matrix"] thead th').allInnerTexts();
    for (const name of NAMES) assert.ok(columns.includes(name), `${name} in the matrix header ${JSON.stringify(columns)}`);
    const engineers = await frame.locator('section[aria-labelledby="matrix"] tbody th').allInnerTexts();
    assert.deepEqual(engineers.map((e) => e.split(' · ')[0]), [ENGINEER]);
    await assertNoMarkup(frame.locator('body'), 'the team report', { ownScripts: true });
    assert.deepEqual(
      await frame.locator('script').evaluateAll((all) => all.map((x) => x.id || x.getAttribute('src')?.replace(/^.*\/dist\//, 'dist/'))),
      ['_vscodeApiScript', 'dist/team-report/page.js'],
    );
    await assertClean('team report');
  });

  it('saw no violation and ran nothing, in the workbench and in every frame', async () => {
    const seen = await csp.report();
    assert.ok(seen.frames >= 3, `the workbench and the team report's two frames at least (${seen.frames})`);
    assert.deepEqual(seen, { console: [], events: [], globals: [], frames: seen.frames, unarmed: [] });
    assert.equal(await page().evaluate(() => typeof window.__pwned), 'undefined');
    assert.equal(await page().evaluate(() => document.querySelectorAll('[onerror], [onload]').length), 0);
  });

  it('(control) the watch does see a violation in the workbench and in a webview frame', async () => {
    /** An inline handler, run the way a parsed `<img onerror=…>` would: refused by each CSP. */
    const violate = () => {
      const div = document.createElement('div');
      div.setAttribute('onclick', 'window.__pwned = "control"');
      document.body.append(div);
      div.click();
      div.remove();
    };
    const reportPage = [];
    for (const frame of page().frames()) if (await frame.evaluate(() => !!document.getElementById('report')).catch(() => false)) reportPage.push(frame);
    assert.equal(reportPage.length, 1, 'the team report page is one of the frames');
    await page().evaluate(violate);
    await reportPage[0].evaluate(violate);
    const deadline = Date.now() + 5000;
    let seen = await csp.report();
    while ((seen.events.length < 2 || seen.console.length < 2) && Date.now() < deadline) {
      await page().waitForTimeout(200);
      seen = await csp.report();
    }
    assert.equal(seen.events.filter((e) => /script-src/.test(e)).length, 2, JSON.stringify(seen.events));
    assert.ok(seen.console.length >= 2, JSON.stringify(seen.console));
    assert.deepEqual(seen.globals, [], 'the CSP refused the control handler too');
  });
});

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
