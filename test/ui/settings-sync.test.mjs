// UI test: two profiles, two machines. Each is its own code-server with its own user data and its
// own browser profile, seeded with its own study. The test plays Settings Sync's part: it copies
// the keys the extension lists for sync (certStudy.sync.machine.*) out of one profile's
// globalState and into the other's, where the workbench keeps it (the browser's IndexedDB: the
// `cert-study.cert-study-tracker` row of vscode-web-state-db-global's ItemTable), then reloads.
// Laptop: MLA-C01 and PMLE, 30 minutes of MLA-C01 yesterday. Desktop: MLA-C01, 45 minutes
// yesterday. After the exchange both show PMLE and 1.3 h (75 minutes) on MLA-C01: once, not
// 1.8 h, which is what the desktop republishing the laptop's minutes as its own would make.
//   npm run build && npx mocha --no-config --timeout 180000 test/ui/settings-sync.test.mjs
/* global describe, it, after */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useUiSession, waitForContributions } from '../harness/ui-session.mjs';
import { runCommand } from '../harness/workbench.mjs';
import { waitUntil } from '../harness/wait.mjs';
import { readState, writeState } from '../harness/browser-state.mjs';

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A local wall-clock time with this machine's offset, as the extension stores instants. */
function instant(d) {
  const offset = -d.getTimezoneOffset();
  const abs = Math.abs(offset);
  return `${isoDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:00.000${offset >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const yesterday = new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() - 1, 7, 0);
const cert = (key) => ({ key, status: 'studying', examDate: null, targetMinutes: null, costUsd: null, notes: '', addedAt: instant(yesterday), earnedOn: null, expiresOnOverride: null, attempts: [] });
const session = (id, minutes) => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  certKey: 'aws-mla-c01',
  start: instant(yesterday),
  end: instant(new Date(yesterday.getTime() + minutes * 60_000)),
  domainId: null,
  activity: 'reading',
  source: 'manual',
  note: '',
});

/** A profile seeded with `seed` (through the demo import: CERT_STUDY_DEMO_SEED, read when code-server starts). */
function machine(label, seed) {
  return useUiSession({
    label,
    prepare: (run) => {
      const file = join(run.root, 'seed.json');
      writeFileSync(file, JSON.stringify(seed));
      process.env.CERT_STUDY_DEMO_SEED = file;
    },
  });
}

/** The synced keys of this profile, once the workbench has stored `count` machine records (its own, and those it received). */
function syncedEntries(page, count = 1) {
  return waitUntil(
    async () => {
      const state = await readState(page);
      const entries = Object.fromEntries(Object.entries(state).filter(([key]) => key.startsWith('certStudy.sync.machine.')));
      return Object.keys(entries).length >= count && entries;
    },
    { timeout: 30_000, interval: 250, what: `${count} certStudy.sync.machine.* key(s) in the browser storage` },
  );
}

/**
 * Waits until the browser storage holds `entries` again. The running window has them (its view
 * shows what they carry), but its row in IndexedDB can be rewritten once more from a copy taken
 * before they arrived (seen once in a loaded run: the received key gone from the row, while the view
 * showed its study). Then they are handed over again, as Settings Sync would on its next round,
 * without a reload.
 */
async function untilStored(page, entries) {
  for (let attempt = 1; ; attempt++) {
    const stored = await waitUntil(
      async () => {
        const state = await readState(page);
        return Object.keys(entries).every((key) => key in state);
      },
      { timeout: 10_000, interval: 250, what: 'the received keys in the browser storage' },
    ).catch(() => false);
    if (stored) return;
    if (attempt === 5) throw new Error(`the received keys did not stay in the browser storage: ${Object.keys(entries).join(', ')}`);
    await writeState(page, entries);
  }
}

const row = (page, text) => page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row', { hasText: text }).first();
const hoursOf = async (page, text) => (await row(page, text).locator('.label-description').innerText()).trim();

/**
 * Shows the Cert Study view. Through the command that shows it, not the activity-bar icon: a reload
 * restores the view open, at a moment of the workbench's choosing, and a click on the icon of an
 * open view closes it.
 */
async function openView(page) {
  await runCommand(page, 'View: Show Cert Study');
}

/**
 * Copies `entries` into the profile, then reloads the window: the extension reads the synced keys
 * when it starts. A globalState write the extension had in flight when the entries were written
 * can still overwrite the row with the extension's whole state from before them, so the row the
 * new window started from is checked (storage is read before the workbench draws), and the
 * exchange done again if the entries did not make it.
 */
async function receive(page, entries) {
  for (let attempt = 1; ; attempt++) {
    await writeState(page, entries);
    await page.reload();
    await waitForContributions(page);
    const state = await readState(page);
    if (Object.keys(entries).every((key) => key in state)) break;
    if (attempt === 5) throw new Error(`the synced keys did not survive ${attempt} reloads: ${Object.keys(entries).join(', ')}`);
  }
  await openView(page);
}

describe('UI: Settings Sync between two profiles (the keys exchanged by the test)', function () {
  this.timeout(180_000);

  const laptop = machine('ui-sync-laptop', { certifications: [cert('aws-mla-c01'), cert('google-pmle')], sessions: [session(1, 30)], practiceExams: [] });
  const desktop = machine('ui-sync-desktop', { certifications: [cert('aws-mla-c01')], sessions: [session(2, 45)], practiceExams: [] });
  after(() => delete process.env.CERT_STUDY_DEMO_SEED);

  it('each profile shows only its own study before anything is exchanged', async () => {
    await openView(laptop.page);
    await openView(desktop.page);
    await row(laptop.page, 'Google').waitFor({ timeout: 30_000 });
    assert.match(await hoursOf(laptop.page, 'AWS MLA-C01'), /^0\.5 h\b/);
    await row(desktop.page, 'AWS MLA-C01').waitFor({ timeout: 30_000 });
    assert.match(await hoursOf(desktop.page, 'AWS MLA-C01'), /^0\.8 h\b/);
    assert.equal(await row(desktop.page, 'Google').count(), 0);
  });

  it('the desktop, given the laptop\'s key, shows the laptop\'s certification and 75 minutes', async () => {
    const fromLaptop = await syncedEntries(laptop.page);
    assert.equal(Object.keys(fromLaptop).length, 1, 'the laptop publishes one key of its own');
    await receive(desktop.page, fromLaptop);
    await row(desktop.page, 'Google').waitFor({ timeout: 30_000 });
    await row(desktop.page, 'AWS MLA-C01').locator('.label-description', { hasText: /^1\.3 h/ }).waitFor({ timeout: 30_000 });
    await untilStored(desktop.page, fromLaptop);
  });

  it('the laptop, given the desktop\'s keys back, shows 75 minutes too: the laptop\'s 30 are not counted twice', async () => {
    const fromDesktop = await syncedEntries(desktop.page, 2);
    const keys = Object.keys(fromDesktop).sort();
    assert.equal(keys.length, 2, `the desktop lists its own key and the laptop's: ${keys.join(', ')}`);
    await receive(laptop.page, fromDesktop);
    await row(laptop.page, 'AWS MLA-C01').locator('.label-description', { hasText: /^1\.3 h/ }).waitFor({ timeout: 30_000 });
    assert.match(await hoursOf(laptop.page, 'AWS MLA-C01'), /^1\.3 h\b/);
    await laptop.session.screenshot('ui-settings-sync-laptop');
  });
});
