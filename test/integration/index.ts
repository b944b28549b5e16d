// Entry point the extension host loads as `extensionTestsPath` (bundled by `node esbuild.js
// --tests` into out/test/integration/index.js, mocha included, `vscode` external). VS Code calls
// run(); the window reports exit code 0 if the promise resolves and 1 if it rejects.
//
// Contract with the runners (test/run-integration.mjs, test/run-electron.mjs):
//  - Output: extension-host console output reaches the runner only through the workbench's page
//    console, mixed with the workbench's own log lines. The report (mocha's spec reporter and the
//    summary) is printed with HOST_LINE_MARK on each line so the runner can show it alone; other
//    console output (tests', the extension's) is shown with VERBOSE=1, and its errors on failure.
//  - Phases: a "[reload]" test checks that something survives a window reload. The runner runs
//    the suite, reloads the window (new extension host, same user data and browser storage) and
//    runs it again. The phase (1, 2, ...) comes from the JSON file named by
//    CERT_STUDY_TEST_CONTROL (rewritten by the runner before each load; env vars cannot change
//    across a reload because the extension host inherits code-server's environment) or from
//    CERT_STUDY_TEST_PHASE (test-electron passes extensionTestsEnv). It is exposed to tests as
//    process.env.CERT_STUDY_TEST_PHASE. Without a phase, "[reload]" tests are skipped; with
//    one, only they run.
//  - Summary: the last line is `<LABEL>: N passed, N failed`.
import * as fs from 'fs';
import * as util from 'util';
import Mocha from 'mocha';

/** Prefix the runners look for; an ASCII record separator never appears in normal output. */
export const HOST_LINE_MARK = '\u001e';

/** Tests whose full title contains this only run in the phases of a reload run. */
export const RELOAD_TAG = /\[reload\]/;

interface Control {
  phase?: number;
  grep?: string;
}

function readControl(): Control {
  const file = process.env.CERT_STUDY_TEST_CONTROL;
  const control: Control = {};
  if (file && fs.existsSync(file)) Object.assign(control, JSON.parse(fs.readFileSync(file, 'utf8')) as Control);
  if (control.phase === undefined && process.env.CERT_STUDY_TEST_PHASE) {
    control.phase = Number(process.env.CERT_STUDY_TEST_PHASE);
  }
  if (control.grep === undefined && process.env.CERT_STUDY_TEST_GREP) control.grep = process.env.CERT_STUDY_TEST_GREP;
  return control;
}

/**
 * Prints through the extension host's console with HOST_LINE_MARK on every line. The extension
 * host pins console.log & co. (non-writable forwarding properties), so we cannot patch them;
 * mocha's reporters, however, print through the assignable Base.consoleLog.
 */
export function hostLog(...args: unknown[]): void {
  // Format here: the workbench forwards arguments without applying %s/%d substitutions.
  for (const line of util.format(...args).split('\n')) console.log(HOST_LINE_MARK + line);
}

/**
 * Runs the suites that `register` defines (by requiring test files after mocha's globals are
 * installed) and rejects if any test or hook failed.
 */
export async function runSuites(label: string, register: () => void): Promise<void> {
  // Mocha's reporters captured console.log when mocha was loaded; route them through hostLog.
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = hostLog;
  try {
    const control = readControl();
    if (control.phase !== undefined) process.env.CERT_STUDY_TEST_PHASE = String(control.phase);
    else delete process.env.CERT_STUDY_TEST_PHASE;

    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
    // Installs describe/it/... on globalThis, as mocha's CLI does before loading each file.
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    register();
    if (control.grep) mocha.grep(control.grep);
    else if (control.phase !== undefined) mocha.grep(RELOAD_TAG);
    else mocha.grep(RELOAD_TAG).invert();

    const phaseNote = control.phase !== undefined ? ` (reload phase ${control.phase})` : '';
    const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
    });
    hostLog(`${label}${phaseNote}: ${passes} passed, ${failures} failed`);
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
  } finally {
    Mocha.reporters.Base.consoleLog = reporterLog;
  }
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return runSuites('INTEGRATION', () => require('./all'));
}
