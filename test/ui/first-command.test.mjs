// UI test of the defect where a certification added as the first thing in a new window was gone
// after a reload (the command's globalState writes raced Settings Sync's first ones: see
// src/core/store/serialStorage.ts). Each scenario is a fresh profile whose keybindings run
// `certStudy.addCertification` with an argument, pressed before anything else loads the app;
// then the view is opened, the window reloaded, and every row must still be there with its name.
/* global describe, it */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useUiSession } from '../harness/ui-session.mjs';
import { waitUntil } from '../harness/wait.mjs';
import { reloadWindow } from '../harness/workbench.mjs';

/** Keys a person would not press by accident, one per scenario step: as Playwright presses them and as keybindings.json names them. */
const KEYS = ['Control+Alt+Shift+1', 'Control+Alt+Shift+2'];
const BOUND = ['ctrl+alt+shift+1', 'ctrl+alt+shift+2'];

/** @param {{ key?: string, custom?: { name: string, provider: string }, targetHours?: number }[]} adds */
function keybindingsFor(adds) {
  return [
    ...adds.map((arg, i) => ({ key: BOUND[i], command: 'certStudy.addCertification', args: arg })),
    // Never pressed: the palette shows a key only for a binding without arguments, so this one
    // tells the test when the file has been read (see waitForKeybinding).
    { key: 'ctrl+alt+shift+9', command: 'certStudy.showLog' },
  ];
}

/**
 * @param {string} title
 * @param {{ arg: object, label: string }[]} steps what each key adds, and the row label it must show
 */
function scenario(title, steps) {
  describe(`UI: the first command of a new window, kept after a reload: ${title}`, function () {
    this.timeout(120_000);
    const ui = useUiSession({
      label: 'ui-first-command',
      prepare: (run) => {
        mkdirSync(join(run.userDataDir, 'User'), { recursive: true });
        writeFileSync(join(run.userDataDir, 'User', 'keybindings.json'), JSON.stringify(keybindingsFor(steps.map((s) => s.arg)), null, 2));
      },
    });
    const activityBarItem = () => ui.page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]');
    const rowLabels = () => ui.page.locator('[id="workbench.view.extension.certStudy"] .pane-body .monaco-list-row .label-name');
    const certRows = async () => (await rowLabels().allInnerTexts()).filter((l) => !/^This week/.test(l));
    const expected = steps.map((s) => s.label).sort();

    /** Waits until the tree shows exactly the expected certification rows (by label). */
    async function waitForRows() {
      let seen = [];
      await waitUntil(
        async () => {
          seen = (await certRows()).sort();
          return JSON.stringify(seen) === JSON.stringify(expected);
        },
        { timeout: 60_000, what: 'the expected rows' },
      ).catch(() => assert.deepEqual(seen, expected, 'the rows shown'));
    }

    /**
     * Waits until the workbench has read the user's keybindings and our contributions: the
     * palette's row for Show Log then shows the key the file binds it to. Opening the palette runs none of the
     * extension's code, so the key press that follows is still the window's first action. (A key
     * pressed before the keybindings are read does nothing, and a fixed pause is a guess.)
     */
    async function waitForKeybinding() {
      const page = ui.page;
      const input = page.locator('.quick-input-widget .quick-input-box input');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cert Study: Show Log' }).first();
      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        await input.fill('>Cert Study: Show Log');
        const bound = await row
          .locator('.monaco-keybinding')
          .first()
          .waitFor({ timeout: 1000 })
          .then(() => true, () => false);
        await page.keyboard.press('Escape');
        await input.waitFor({ state: 'hidden' });
        if (bound) return;
        assert.ok(Date.now() < deadline, 'the palette never showed the keybinding of Show Log');
      }
    }

    it('adds the certifications by keybinding as the window’s first action, then shows them', async () => {
      await activityBarItem().waitFor({ timeout: 60_000 });
      await ui.page.locator('.part.editor').click();
      await waitForKeybinding();
      for (let i = 0; i < steps.length; i++) await ui.page.keyboard.press(KEYS[i]);
      await activityBarItem().click();
      await waitForRows();
    });

    it('still shows every one of them, by name, after Developer: Reload Window', async () => {
      await reloadWindow(ui.page);
      await activityBarItem().waitFor({ timeout: 60_000 });
      const sidebarOpen = await ui.page.locator('[id="workbench.view.extension.certStudy"]').isVisible();
      if (!sidebarOpen) await activityBarItem().click();
      await waitForRows();
      assert.ok((await certRows()).every((l) => !l.startsWith('custom:')), 'no row shows a raw key for a lost definition');
    });
  });
}

const custom = (name) => ({ arg: { custom: { name, provider: 'Agency' }, targetHours: 20 }, label: name });
scenario('one custom certification', [custom('Agency Retrieval Engineer')]);
scenario('two custom certifications back to back', [custom('Agency Retrieval Engineer'), custom('Agency Evaluation Lead')]);
scenario('a custom certification, then one from the catalog', [custom('Agency Retrieval Engineer'), { arg: { key: 'aws-mla-c01' }, label: 'AWS MLA-C01' }]);
