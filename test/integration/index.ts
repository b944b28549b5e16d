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
//    runs it again. The phase (1, 2, ...) comes from a JSON file the runner rewrites before each
//    load, at <user data>/User/cert-study-test-control.json, read through workspace.fs (found
//    from the extension's global storage folder, <user data>/User/globalStorage/<id>), so the
//    same bundle works in the Node host and in the browser's web worker host, which has neither
//    `fs` nor `process`. test-electron passes CERT_STUDY_TEST_PHASE in extensionTestsEnv instead.
//    The phase is exposed to tests as globalThis.certStudyTestPhase. Without a phase, "[reload]"
//    tests are skipped; with one, only they run.
//  - Hosts: esbuild.js builds this file twice: out/test/integration/index.js (Node) and
//    out/test/web/integration/index.js (the web worker: mocha's browser build, no Node built-ins).
//  - Summary: the last line is `<LABEL>: N passed, N failed`.
import * as vscode from 'vscode';
import Mocha from 'mocha';
import type { CertStudyApi } from '../../src/extension';
import { EXTENSION_ID } from './support';

/** Prefix the runners look for; an ASCII record separator never appears in normal output. */
export const HOST_LINE_MARK = '\u001e';

/** Tests whose full title contains this only run in the phases of a reload run. */
export const RELOAD_TAG = /\[reload\]/;

/**
 * Tests whose full title contains this only run in a session of their own (a new profile, where
 * they are the first thing the window does), which the runner asks for by grep.
 */
export const FRESH_PROFILE_TAG = /\[fresh profile\]/;

interface Control {
  phase?: number;
  grep?: string;
}

async function readControl(): Promise<Control> {
  const control: Control = {};
  const extension = vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID);
  if (extension) {
    const api = await extension.activate();
    const file = vscode.Uri.joinPath(api.globalStorageUri, '..', '..', 'cert-study-test-control.json');
    try {
      Object.assign(control, JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Control);
    } catch {
      // No control file: an ordinary run (test-electron may still pass a phase below).
    }
  }
  const env = typeof process === 'undefined' ? {} : process.env;
  if (control.phase === undefined && env.CERT_STUDY_TEST_PHASE) control.phase = Number(env.CERT_STUDY_TEST_PHASE);
  if (control.grep === undefined && env.CERT_STUDY_TEST_GREP) control.grep = env.CERT_STUDY_TEST_GREP;
  return control;
}

/** Formats console arguments the way a person reads them (the workbench forwards them unformatted). */
function format(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let text = typeof first === 'string' ? first.replace(/%[sdifj]/g, (spec) => (rest.length ? show(rest.shift(), spec) : spec)) : show(first, '%s');
  for (const arg of rest) text += ` ${show(arg, '%s')}`;
  return text;
}

function show(value: unknown, spec: string): string {
  if (spec === '%d' || spec === '%i') return String(Math.trunc(Number(value)));
  if (spec === '%j' || (typeof value === 'object' && value !== null && !(value instanceof Error))) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return value instanceof Error ? (value.stack ?? value.message) : String(value);
}

/**
 * Prints through the extension host's console with HOST_LINE_MARK on every line. The extension
 * host pins console.log & co. (non-writable forwarding properties), so we cannot patch them;
 * mocha's reporters, however, print through the assignable Base.consoleLog.
 */
export function hostLog(...args: unknown[]): void {
  // Format here: the workbench forwards arguments without applying %s/%d substitutions.
  for (const line of format(args).split('\n')) console.log(HOST_LINE_MARK + line);
}

/**
 * Runs the suites that `register` defines (by requiring test files after mocha's globals are
 * installed) and rejects if any test or hook failed.
 */
export async function runSuites(label: string, register: () => void, host = 'Node'): Promise<void> {
  // Mocha's reporters captured console.log when mocha was loaded; route them through hostLog.
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = hostLog;
  try {
    const control = await readControl();
    (globalThis as { certStudyTestPhase?: string }).certStudyTestPhase = control.phase === undefined ? undefined : String(control.phase);

    // The reporter is named: mocha's browser build defaults to its HTML one, which needs a document.
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
    // Installs describe/it/... on globalThis, as mocha's CLI does before loading each file.
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    register();
    if (control.grep) mocha.grep(control.grep);
    else if (control.phase !== undefined) mocha.grep(RELOAD_TAG);
    else mocha.grep(new RegExp(`${RELOAD_TAG.source}|${FRESH_PROFILE_TAG.source}`)).invert();

    const phaseNote = control.phase !== undefined ? ` (reload phase ${control.phase})` : '';
    const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
    });
    hostLog(`extension host: ${host}`);
    hostLog(`${label}${phaseNote}: ${passes} passed, ${failures} failed`);
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
  } finally {
    Mocha.reporters.Base.consoleLog = reporterLog;
  }
}

export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID)?.activate();
  const host = api?.host === 'web' ? 'web worker' : 'Node';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return runSuites('INTEGRATION', () => require('./all'), host);
}
