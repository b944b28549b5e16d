// UI tests for the two dialogs of the Foundation: picking a retired exam says since when and
// offers its successors; removing asks first and can be undone from the notification.
/* global describe, it, before */
import assert from 'node:assert/strict';
import { useUiSession } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';

describe('UI: retired exams and removal', function () {
  this.timeout(90_000);

  const ui = useUiSession({ label: 'ui-retired' });

  before(async () => {
    await ui.page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]').click({ timeout: 30_000 });
  });

  const treeRow = (text) => ui.page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row', { hasText: text });
  const dialog = () => ui.page.locator('.monaco-dialog-box');

  it('marks a retired exam in the picker and offers its successors when picked', async () => {
    await runCommand(ui.page, 'Cert Study: Add Certification');
    await ui.page.locator('.quick-input-widget .quick-input-box input').fill('Specialty');
    const pick = ui.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AWS Certified Machine Learning – Specialty' }).first();
    await pick.waitFor({ timeout: 15_000 });
    assert.match(await pick.innerText(), /Retired since 2026-03-31/);
    await pick.click();
    await dialog().waitFor({ timeout: 15_000 });
    const text = await dialog().innerText();
    assert.match(text, /no longer offered/);
    assert.match(text, /Retired since 2026-03-31/);
    await dialog().locator('.monaco-button', { hasText: 'Add AWS MLA-C01 instead' }).click();
    await treeRow('AWS MLA-C01').first().waitFor({ timeout: 15_000 });
    assert.equal(await treeRow('AWS MLS-C01').count(), 0, 'the retired exam was not added');
  });

  it('asks before removing and brings the certification back with Undo', async () => {
    await treeRow('AWS MLA-C01').first().click({ button: 'right' });
    // Keyboard, as a person using the menu without a mouse would: the last entry is Remove.
    const remove = ui.page.locator('.context-view .action-item', { hasText: 'Remove Certification' }).first();
    await remove.waitFor({ timeout: 15_000 });
    await ui.page.keyboard.press('ArrowUp');
    await ui.page.keyboard.press('Enter');
    await dialog().waitFor({ timeout: 15_000 });
    assert.match(await dialog().innerText(), /logged study time and practice exams are kept/);
    await dialog().locator('.monaco-button', { hasText: /^Remove$/ }).click();
    await treeRow('AWS MLA-C01').first().waitFor({ state: 'detached', timeout: 15_000 });
    const toast = ui.page.locator('.notification-toast', { hasText: 'Removed AWS MLA-C01' }).first();
    await toast.waitFor({ timeout: 15_000 });
    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await treeRow('AWS MLA-C01').first().waitFor({ timeout: 15_000 });
  });
});
