#!/usr/bin/env node
// Every block over one 16 ms frame that OUR extension causes in the Node extension host (issue
// #20), step by step, at ten years of data: window start, the first view, a first command (Log
// Study Time), the first dashboard, the team report, the calendar export, and deactivation.
// The extension host profiles itself (CERT_STUDY_HOST_PROFILE: src/shell/hostProfile.ts, one CPU
// profile per step); scripts/bench/hostBlocks.mjs finds the runs of samples with our frames in
// them and names their heaviest functions through the source maps. Unlike Node's event-loop delay
// monitor (CERT_STUDY_HOST_PROBE), this counts no other extension's work. Reports only.
//   npm run bench:blocks [-- --budget 16] [-- --out <folder>]   (--out keeps the profiles, with the bundles and maps)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/harness/browser.mjs';
import { startCodeServer } from '../test/harness/code-server.mjs';
import { dashboardFrame } from '../test/harness/dashboard-seed.mjs';
import { seedDemoProfile } from '../test/harness/demo-profile.mjs';
import { EXTENSION_ID, REPO_ROOT } from '../test/harness/paths.mjs';
import { createRunDir, writeUserSettings } from '../test/harness/run-dir.mjs';
import { attachWorkbench, reloadWindow, runCommand, workbenchUrl } from '../test/harness/workbench.mjs';
import { readState } from '../test/harness/browser-state.mjs';
import { waitUntil } from '../test/harness/wait.mjs';
import { saveScreenshot } from '../test/harness/screenshot.mjs';
import { analyzeHost, blockSummary, formatBlock, longestWorkText, printHost } from './bench/hostBlocks.mjs';

/* global document */

const { values } = parseArgs({ options: { budget: { type: 'string', default: '16' }, out: { type: 'string' } } });
const BUDGET_MS = Number(values.budget);
const started = Date.now();
const TEAM_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'team');

const run = createRunDir('bench-blocks');
// The extension runs from a build of its own in the run folder: the production bundles with their
// maps, out of reach of any other build of dist/ while this runs.
const extensionDir = join(run.root, 'extension');
console.error('[bench] building the production bundles with source maps');
const build = spawnSync(process.execPath, ['esbuild.js', '--production', '--maps', `--outdir=${join(extensionDir, 'dist')}`], { cwd: REPO_ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
for (const file of ['package.json', 'package.nls.json', 'media']) cpSync(join(REPO_ROOT, file), join(extensionDir, file), { recursive: true });
const profiles = values.out ? resolve(values.out) : join(run.root, 'profiles');
mkdirSync(profiles, { recursive: true });

writeUserSettings(run);
process.env.CERT_STUDY_DATASET = 'ten-years';
// No CERT_STUDY_HOST_PROBE: its forced collections and its delay monitor would be work in the host that no user has.
const env = { ...(await seedDemoProfile(run)), CERT_STUDY_HOST_PROFILE: profiles };
const server = await startCodeServer(run, { env });
const context = await launchBrowser(run, { viewport: { width: 1400, height: 1000 } });

// ---- the extension host, seen from outside -------------------------------------------------------

/** @typedef {{ pid: number, dist: string, activation: { wallMs: number }, profiles: { file: string, step: string }[] }} HostIndex */
/** @returns {{ dir: string, index: HostIndex }[]} every host that has profiled, oldest first */
function hosts() {
  if (!existsSync(profiles)) return [];
  return readdirSync(profiles)
    .filter((d) => d.startsWith('host-') && existsSync(join(profiles, d, 'index.json')))
    .map((d) => ({ dir: join(profiles, d), index: /** @type {HostIndex} */ (JSON.parse(readFileSync(join(profiles, d, 'index.json'), 'utf8'))) }))
    .sort((a, b) => a.index.activation.wallMs - b.index.activation.wallMs);
}
/** The index of the host in `dir` as it is now. */
const indexOf = (/** @type {string} */ dir) => /** @type {HostIndex} */ (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
/** Waits until the host in `dir` has written the profile of `step`. */
const profiled = (/** @type {string} */ dir, /** @type {string} */ step, timeout = 60_000) =>
  waitUntil(() => indexOf(dir).profiles.some((p) => p.step === step), { timeout, what: `the extension host's profile "${step}"` });

/** CPU time (user + system) of a process so far, ms, from /proc (clock ticks of 10 ms). */
function cpuMs(/** @type {number} */ pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until the extension host is quiet: under 10 % of a core over the last 500 ms, so that what
 * a step starts is not mixed with what the last one left running. Gives up (and says so) after 20 s.
 * @param {number} pid
 * @param {string} after
 */
async function hostQuiet(pid, after) {
  /** @type {[number, number][]} */
  const window = [];
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = Date.now();
    window.push([now, cpuMs(pid)]);
    while (window.length > 2 && now - window[1][0] >= 500) window.shift();
    if (now - window[0][0] >= 500 && window.at(-1)[1] - window[0][1] <= 50) return;
    if (now > deadline) {
      console.error(`[bench] the extension host was still busy 20 s after ${after}; going on`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- the workbench -------------------------------------------------------------------------------

const viewIcon = (/** @type {import('playwright-core').Page} */ page) => page.locator('.part.activitybar a.action-label[class*="activity-workbench-view-extension-certStudy-"]');
const rowWithHours = (/** @type {import('playwright-core').Page} */ page) =>
  page.locator('[id="workbench.view.extension.certStudy"] .monaco-list-row .label-description').filter({ hasText: /^[\d.,]+ (\/ [\d.,]+ )?h/ }).first();

/**
 * Answers the quick inputs a command shows, as a person would, until `done`: each prompt (the
 * placeholder of a pick, the prompt of an input box) is answered once, by the first answer whose
 * pattern matches it. A prompt no answer matches (a validation message) fails with its text.
 * @param {import('playwright-core').Page} page
 * @param {{ prompt: RegExp, pick?: string | RegExp, type?: string }[]} answers
 * @param {() => Promise<unknown>} done
 */
async function answerPrompts(page, answers, done) {
  const widget = page.locator('.quick-input-widget');
  let last = '';
  await waitUntil(
    async () => {
      if (await done()) return true;
      const prompt = await page.evaluate(() => {
        const w = /** @type {HTMLElement | null} */ (document.querySelector('.quick-input-widget'));
        if (!w || w.style.display === 'none') return '';
        const input = /** @type {HTMLInputElement | null} */ (w.querySelector('.quick-input-box input'));
        return `${input?.placeholder ?? ''}|${w.querySelector('.quick-input-message')?.textContent ?? ''}`;
      });
      if (!prompt || prompt === last) return false;
      const answer = answers.find((a) => a.prompt.test(prompt));
      if (!answer) throw new Error(`no answer for the prompt "${prompt}"`);
      last = prompt;
      if (answer.pick) {
        await widget.locator('.quick-input-list .monaco-list-row', { hasText: answer.pick }).first().click({ timeout: 15_000 });
      } else {
        await widget.locator('.quick-input-box input').fill(answer.type ?? '');
        await page.keyboard.press('Enter');
      }
      return false;
    },
    { timeout: 60_000, interval: 100, what: 'the command to be answered and done' },
  );
}

/**
 * VS Code's file dialog in the browser (a quick input): waits until it has listed its start
 * folder (the workspace), types the path, waits until it lists that path's folder, Enter (as
 * test/ui/team-report.test.mjs does).
 * @param {import('playwright-core').Page} page
 * @param {string} path
 */
async function typePath(page, path) {
  await page.waitForFunction(
    (start) =>
      /** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget .quick-input-box input'))?.value.startsWith(start) &&
      [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row .label-name')].some((l) => l.textContent === '..'),
    `${run.workspace}/`,
    { timeout: 15_000 },
  );
  await page.locator('.quick-input-widget .quick-input-box input').fill(path);
  const folder = path.endsWith('/') ? path.slice(0, -1) : dirname(path);
  if (folder !== run.workspace) {
    const sub = readdirSync(folder, { withFileTypes: true }).find((e) => e.isDirectory());
    if (!sub) throw new Error(`typePath: ${folder} has no subfolder by which to see that the dialog went there`);
    await page.locator('.quick-input-widget .quick-input-list .label-name', { hasText: new RegExp(`^${sub.name}$`) }).waitFor({ timeout: 15_000 });
  }
  await page.keyboard.press('Enter');
}

/**
 * Copies the Node bundles and their maps beside the kept profiles (the run folder goes), the maps'
 * sources made absolute so that they still point into the repository from there.
 * @param {string} from
 * @param {string} to
 */
function keepBundles(from, to) {
  mkdirSync(to, { recursive: true });
  for (const bundle of ['extension.js', 'zod.js', 'app.js', 'team.js', 'calendar.js']) {
    cpSync(join(from, bundle), join(to, bundle));
    const map = JSON.parse(readFileSync(join(from, `${bundle}.map`), 'utf8'));
    map.sources = map.sources.map((/** @type {string} */ s) => resolve(from, s));
    writeFileSync(join(to, `${bundle}.map`), JSON.stringify(map));
  }
}

/** @type {{ step: string, wallMs: number }[]} when each step's first action was taken (the wall clock, as the profiles' index has it) */
const marks = [];
/** @type {{ dir: string, index: HostIndex } | undefined} */
let measured;
try {
  const { page, load } = await attachWorkbench(context);
  await load(workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: extensionDir }));
  await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });

  // The first window imports the ten years; it leaves the row record and the code cache of
  // dist/app.js behind, as every window after the first finds them.
  console.error('[bench] first window: importing ten years of data');
  await viewIcon(page).click({ timeout: 60_000 });
  await rowWithHours(page).waitFor({ timeout: 90_000 });
  await waitUntil(async () => (await readState(page))['certStudy.rowRecord']?.rows?.length > 0, { timeout: 30_000, interval: 250, what: 'the row record in the browser storage' });
  const codeCache = join(run.userDataDir, 'User', 'globalStorage', EXTENSION_ID, 'code-cache');
  await waitUntil(() => existsSync(codeCache) && readdirSync(codeCache).some((f) => f.startsWith('app.js.')), { timeout: 30_000, what: 'the code cache of dist/app.js' }).catch(() =>
    console.error('[bench] no code cache of dist/app.js was written'),
  );
  await runCommand(page, 'View: Show Explorer');
  const before = new Set(hosts().map((h) => h.index.pid));
  await reloadWindow(page);
  await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });

  // ---- the measured window ----
  measured = await waitUntil(() => hosts().find((h) => !before.has(h.index.pid)), { timeout: 60_000, what: 'the new window’s extension host to activate us' });
  const { dir, index } = measured;
  console.error(`[bench] measured window: extension host ${index.pid}`);
  marks.push({ step: 'window start', wallMs: index.activation.wallMs });
  await hostQuiet(index.pid, 'window start');

  const step = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ work) => {
    console.error(`[bench] ${name}`);
    marks.push({ step: name, wallMs: Date.now() });
    await work();
    await hostQuiet(index.pid, name);
  };

  await step('first view', async () => {
    await viewIcon(page).click({ timeout: 30_000 });
    await rowWithHours(page).waitFor({ timeout: 60_000 });
    await profiled(dir, 'after the first view');
  });

  await step('first command: Log Study Time', async () => {
    await runCommand(page, 'Cert Study: Log Study Time');
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    // Yesterday evening: the seeded sessions are all mornings.
    await answerPrompts(
      page,
      [
        { prompt: /Pick a certification/, pick: /./ },
        { prompt: /Start, in your local time/, type: `${day}T21:00` },
        { prompt: /End \(YYYY-MM-DDTHH:mm\)/, type: '30' },
        { prompt: /Which exam domain/, pick: 'No particular domain' },
        { prompt: /What kind of study/, pick: /./ },
        { prompt: /Note \(optional\)/, type: '' },
      ],
      () => Promise.resolve(indexOf(dir).profiles.some((p) => p.step === 'after the command logStudyTime')),
    );
  });

  await step('first dashboard', async () => {
    await runCommand(page, 'Cert Study: Open Dashboard');
    await dashboardFrame(page).locator('body[data-drawn-at]').waitFor({ timeout: 60_000 });
    await profiled(dir, 'after the dashboard');
  });

  await step('team report', async () => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Cert Study: Open Team Report');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A folder of team files' }).first().click({ timeout: 30_000 });
    await typePath(page, `${TEAM_FIXTURES}/`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Compare with client requirements' }).first().click({ timeout: 15_000 });
    await typePath(page, join(TEAM_FIXTURES, 'requirements.json'));
    await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'Team report' }).waitFor({ timeout: 60_000 });
    await profiled(dir, 'after the command openTeamReport');
  });

  await step('calendar export', async () => {
    const target = join(run.workspace, 'cert-study.ics');
    await runCommand(page, 'Cert Study: Export Calendar (.ics)');
    await typePath(page, target);
    await waitUntil(() => existsSync(target) && readFileSync(target, 'utf8').includes('END:VCALENDAR'), { timeout: 30_000, what: `the calendar in ${target}` });
    await profiled(dir, 'after the command exportCalendar');
  });

  console.error('[bench] deactivation (Developer: Reload Window)');
  marks.push({ step: 'deactivation', wallMs: Date.now() });
  await reloadWindow(page);
  await profiled(dir, 'at deactivation', 30_000).catch(() => console.error('[bench] the host wrote no profile at deactivation'));
} catch (err) {
  const shot = await saveScreenshot(context.pages()[0], `bench-blocks-failure-${Date.now()}`);
  console.error(`[bench] failed; screenshot: ${shot}`);
  throw err;
} finally {
  await context.close().catch(() => {});
  await server.stop();
}

// ---- the report -------------------------------------------------------------------------------------

try {
  if (values.out) keepBundles(join(extensionDir, 'dist'), join(profiles, 'dist'));
  const host = analyzeHost(measured.dir, { budgetMs: BUDGET_MS });
  /** The user's step a block belongs to: the last one started before it. */
  const stepOf = (/** @type {{ wallMs: number }} */ b) => marks.filter((m) => m.wallMs <= b.wallMs).at(-1)?.step ?? 'window start';
  const blocks = host.steps.flatMap((s) => s.blocks);
  console.log(`\n== blocks of ours in the Node extension host (code-server 4.100.3, ten years of data, the window after the import; budget ${BUDGET_MS} ms) ==`);
  console.log('  (a run of samples with our code on the stack, cut where one of our turns starts (src/core/util/turns.ts marks them):');
  console.log("   a run is one turn of ours or less. The event loop's own longest block per profile step, every extension's, is in the last section.)");
  const w = [32, 8, 18, 16];
  console.log(`  ${'step'.padEnd(w[0])} ${'budget'.padStart(w[1])} ${'our longest run'.padStart(w[2])} ${'ours, in blocks'.padStart(w[3])}   blocks over ${BUDGET_MS} ms`);
  for (const { step } of marks) {
    const mine = blocks.filter((b) => stepOf(b) === step);
    const longest = mine.reduce((a, b) => (!a || b.ms > a.ms ? b : a), /** @type {typeof mine[number] | undefined} */ (undefined));
    const over = mine.filter((b) => b.ms > BUDGET_MS).sort((a, b) => b.ms - a.ms);
    const total = mine.reduce((sum, b) => sum + b.ms, 0);
    console.log(`  ${step.padEnd(w[0])} ${`${BUDGET_MS} ms`.padStart(w[1])} ${(longest ? `${longest.ms.toFixed(1)} ms` : '—').padStart(w[2])} ${`${total.toFixed(0)} ms`.padStart(w[3])}   ${over.length || 'none'}`);
    // What they are, longest first: what entered the block, and the files that took its time.
    for (const b of over) console.log(`      ${blockSummary(b)}`);
  }
  console.log(`\n== every block over ${BUDGET_MS} ms, in order (the user's step; the host's profile step in brackets) ==`);
  for (const b of blocks.filter((x) => x.ms > BUDGET_MS)) console.log(`${stepOf(b)}:\n${formatBlock(b, '  ')}`);
  console.log('\n== per profile, as the host cut them ==');
  printHost(host, BUDGET_MS);
  // Each turn of our stepped work timed by our own stopwatch in the host, with the host thread's
  // CPU time beside it (src/shell/hostProfile.ts): a turn much longer than its CPU time is one
  // where the thread waited for a core, not one where it worked.
  console.log('\n== our stepped work: its longest turn of each kind per step, wall clock (the host thread\'s CPU time), ms; budget 16 each ==');
  for (const s of host.steps) console.log(`  ${s.step}: ${s.longestWork ? longestWorkText(s.longestWork) : '—'}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s${values.out ? `; profiles kept in ${profiles}: node scripts/bench/hostBlocks.mjs ${profiles}` : ''})`);
} finally {
  run.remove();
}
process.exit(0);
