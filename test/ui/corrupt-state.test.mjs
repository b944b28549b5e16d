// UI test: stored data that cannot be read is reported to the user, once, with a way to open
// the untouched backup, and the valid rest still shows. The profile's sessions log gets a line
// a crash cut short before code-server starts; the user then opens the Cert Study view.
/* global describe, it */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from '../harness/paths.mjs';
import { useUiSession } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';

describe('UI: corrupt stored data', function () {
  this.timeout(90_000);

  const ui = useUiSession({
    label: 'ui-corrupt',
    prepare: (run) => {
      const folder = join(run.userDataDir, 'User', 'globalStorage', EXTENSION_ID);
      mkdirSync(folder, { recursive: true });
      const good = {
        id: '00000000-0000-4000-8000-000000000001',
        certKey: 'aws-mla-c01',
        start: '2026-11-24T08:00:00.000-07:00',
        end: '2026-11-24T09:00:00.000-07:00',
        domainId: null,
        activity: 'reading',
        source: 'timer',
        note: '',
      };
      writeFileSync(join(folder, 'sessions.jsonl'), `{"kind":"cert-study-sessions","v":1}\n${JSON.stringify(good)}\n{"id":"00000000-0000-4000-8000-0000000`);
    },
  });

  const toast = () => ui.page.locator('.notification-toast', { hasText: 'Cert Study could not read some stored data' });

  it('tells the user what failed and where when the view opens', async () => {
    await ui.page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]').click({ timeout: 30_000 });
    await toast().first().waitFor({ timeout: 20_000 });
    const text = await toast().first().innerText();
    assert.match(text, /sessions\.jsonl line 3/);
    assert.match(text, /not valid JSON/);
    assert.match(text, /copied to a backup/);
  });

  it('opens the untouched backup from the notification', async () => {
    // In a browser window the button opens the backup file itself (desktop reveals the folder).
    await toast().first().locator('.monaco-button', { hasText: 'Open Backup' }).click();
    const tab = ui.page.locator('.tabs-container .tab', { hasText: /sessions\.jsonl/ });
    await tab.first().waitFor({ timeout: 15_000 });
    await ui.page.locator('.monaco-editor .view-lines', { hasText: '"id":"00000000-0000-4000-8000-0000000' }).first().waitFor({ timeout: 15_000 });
  });

  it('keeps the valid rest: the intact session counts once the certification is added', async () => {
    await runCommand(ui.page, 'Cert Study: Add Certification');
    await ui.page.locator('.quick-input-widget .quick-input-box input').fill('Machine Learning Engineer');
    await ui.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AWS Certified Machine Learning Engineer' }).first().click();
    const row = ui.page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row', { hasText: 'AWS MLA-C01' });
    await row.first().waitFor({ timeout: 15_000 });
    assert.match(await row.first().locator('.label-description').innerText(), /^1 h( · |$)/);
  });
});
