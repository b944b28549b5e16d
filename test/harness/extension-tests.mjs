// Runs an extension-test module (VS Code's `extensionTestsPath` contract: a CommonJS file
// exporting run(): Promise<void>) inside code-server + chromium, and returns its exit code.
// Used by test/run-integration.mjs and by test/harness-check/harness.test.mjs, which also runs the
// deliberately failing suite test/selfcheck/index.ts through it to prove a failure is reported.
import { createWriteStream, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RESULTS_DIR } from './paths.mjs';
import { createRunDir, writeUserSettings } from './run-dir.mjs';
import { startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { attachWorkbench, reloadWindow, workbenchUrl } from './workbench.mjs';
import { saveScreenshot } from './screenshot.mjs';

/** Must match HOST_LINE_MARK in test/integration/index.ts. */
export const HOST_LINE_MARK = '\u001e';

/** `LABEL: N passed, N failed` or `LABEL (reload phase 2): N passed, N failed` from index.ts. */
const SUMMARY = /^([A-Z][\w-]*)(?: \(reload phase (\d+)\))?: (\d+) passed, (\d+) failed$/;

/**
 * @typedef {object} ExtensionTestOptions
 * @property {string} testsPath        absolute path of the compiled test module
 * @property {string} [extensionPath]  extension under development (default: the repo)
 * @property {number} [phases]         0: one ordinary run. N: a reload run, phases 1..N, the
 *                                     window reloaded between them (see run-integration.mjs)
 * @property {string} [grep]           only tests whose full title matches (regex source)
 * @property {number} [timeoutMs]      hard limit for the whole run, start-up included
 * @property {string} [label]          names the run folder and the artefacts folder
 * @property {boolean} [verbose]       also print the workbench's own console lines
 * @property {boolean} [keepFailureLogs] copy a failed run's logs (and a screenshot on harness
 *                                     errors) to test-results/ (default true)
 * @property {(line: string) => void} [print]
 *
 * @typedef {object} ExtensionTestResult
 * @property {number} code      0 passed; 1 the workbench reported failure; 2 timeout or harness error
 * @property {number} passed    summed over the summary lines the test module printed
 * @property {number} failed
 * @property {number} phasesRun
 * @property {number} ms
 */

/**
 * @param {ExtensionTestOptions} options
 * @returns {Promise<ExtensionTestResult>}
 */
export async function runExtensionTests({
  testsPath,
  extensionPath = REPO_ROOT,
  phases = 0,
  grep,
  timeoutMs = 5 * 60_000,
  label = 'extension-tests',
  verbose = process.env.VERBOSE === '1',
  keepFailureLogs = true,
  print = (line) => console.log(line),
}) {
  const started = Date.now();
  if (!existsSync(testsPath)) {
    print(`[harness] ${testsPath} does not exist; build it first (node esbuild.js --tests)`);
    return { code: 2, passed: 0, failed: 0, phasesRun: 0, ms: 0 };
  }
  const run = createRunDir(label);
  // Where test/integration/index.ts looks, through workspace.fs (no env in the web worker host).
  const controlFile = join(run.userDataDir, 'User', 'cert-study-test-control.json');
  const consoleLog = createWriteStream(join(run.root, 'workbench-console.log'));
  /** @type {string[]} the workbench's recent error lines, shown when the run fails */
  const recentErrors = [];
  const counts = { passed: 0, failed: 0, lastPassed: -1, lastFailed: -1 };
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  /** @type {import('./workbench.mjs').Workbench | undefined} */
  let workbench;
  let code = 2;
  let phasesRun = 0;

  /** @param {string} line @param {string} type */
  const onLine = (line, type) => {
    const mark = line.indexOf(HOST_LINE_MARK);
    if (mark >= 0) {
      const text = line.slice(mark + HOST_LINE_MARK.length);
      print(text);
      const summary = SUMMARY.exec(text.trim());
      if (summary) {
        counts.lastPassed = Number(summary[3]);
        counts.lastFailed = Number(summary[4]);
        counts.passed += counts.lastPassed;
        counts.failed += counts.lastFailed;
      }
      return;
    }
    consoleLog.write(`[${type}] ${line}\n`);
    if (verbose) print(`[workbench ${type}] ${line}`);
    else if (type === 'error' && line.trim()) {
      recentErrors.push(line);
      if (recentErrors.length > 30) recentErrors.shift();
    }
  };

  /** @param {object} control */
  const writeControl = (control) => {
    mkdirSync(join(run.userDataDir, 'User'), { recursive: true });
    writeFileSync(controlFile, JSON.stringify(control));
  };

  try {
    const deadline = started + timeoutMs;
    writeControl({ grep, ...(phases ? { phase: 1 } : {}) });
    writeUserSettings(run);
    server = await withDeadline(
      // Also named in the environment for the harness's own CommonJS fixtures (Node host only).
      startCodeServer(run, { env: { CERT_STUDY_TEST_CONTROL: controlFile }, echo: verbose }),
      deadline,
      'starting code-server',
    );
    context = await withDeadline(launchBrowser(run), deadline, 'starting chromium');
    workbench = await attachWorkbench(context, { onLine, logsDir: join(run.root, 'workbench-logs') });
    const url = workbenchUrl(server.url, { folder: run.workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath });

    for (let phase = 1; phase <= Math.max(1, phases); phase++) {
      if (phases) {
        writeControl({ grep, phase });
        print(`[harness] reload run: phase ${phase} of ${phases}${phase > 1 ? ' (window reloaded)' : ''}`);
      }
      const exit = workbench.nextExit();
      counts.lastPassed = counts.lastFailed = -1;
      // A reload restarts the extension host, which runs extensionTestsPath again; user data
      // (server side) and browser storage (IndexedDB: globalState) are kept.
      if (phase === 1) await withDeadline(workbench.load(url), deadline, 'loading the workbench');
      else await withDeadline(reloadWindow(workbench.page), deadline, 'reloading the window');
      code = await withDeadline(exit, deadline, `waiting for the tests${phases ? ` (phase ${phase})` : ''}`);
      phasesRun = phase;
      if (code !== 0) break;
      if (phases && counts.lastPassed === 0 && counts.lastFailed === 0) {
        print('[harness] no [reload] tests selected; skipping the remaining phases');
        break;
      }
    }
  } catch (err) {
    code = 2;
    print(`[harness] ${err instanceof Error ? err.message : String(err)}`);
    if (workbench && keepFailureLogs) await screenshot(workbench.page, `${run.id}-harness-error`, print);
  } finally {
    await workbench?.flush().catch(() => {});
    if (code !== 0) {
      // When the report already shows failing tests the workbench errors only repeat them.
      if (recentErrors.length && counts.failed === 0) {
        print('[harness] last workbench errors:');
        for (const line of recentErrors) print(`  ${line}`);
      }
      if (keepFailureLogs) saveArtifacts(run, label, print);
    }
    await closeQuietly(context);
    await server?.stop();
    consoleLog.end();
    run.remove();
    if (run.keep) print(`[harness] KEEP_RUN=1: kept ${run.root}`);
  }
  return { code, passed: counts.passed, failed: counts.failed, phasesRun, ms: Date.now() - started };
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} deadline epoch ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withDeadline(promise, deadline, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out ${what}`)), Math.max(0, deadline - Date.now()));
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer));
}

/** @param {import('playwright-core').BrowserContext | undefined} context */
async function closeQuietly(context) {
  if (!context) return;
  await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {(line: string) => void} print
 */
export async function screenshot(page, name, print) {
  // The page may be gone; the logs are still saved.
  const file = await saveScreenshot(page, name);
  if (file) print(`[harness] screenshot: ${file}`);
}

/**
 * Keeps the logs of a failed run (the run folder itself is deleted) under test-results/.
 * @param {import('./run-dir.mjs').RunDir} run
 * @param {string} label
 * @param {(line: string) => void} print
 */
function saveArtifacts(run, label, print) {
  const target = join(RESULTS_DIR, run.id);
  try {
    mkdirSync(target, { recursive: true });
    for (const name of ['code-server.log', 'workbench-console.log', 'workbench-logs']) {
      const from = join(run.root, name);
      if (existsSync(from)) cpSync(from, join(target, name), { recursive: true });
    }
    const serverLogs = join(run.userDataDir, 'logs');
    if (existsSync(serverLogs)) cpSync(serverLogs, join(target, 'server-logs'), { recursive: true });
    print(`[harness] logs of the failed ${label} run: ${target}`);
  } catch (err) {
    print(`[harness] could not save logs: ${err instanceof Error ? err.message : String(err)}`);
  }
}
