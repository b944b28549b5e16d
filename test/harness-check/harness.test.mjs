// Checks of the code-server test harness itself, in plain Node (mocha):
//   npx mocha --no-config --timeout 180000 'test/harness-check/*.test.mjs'
// They prove the runner cannot report green for a red suite: a failing extension-test module
// exits non-zero, a passing one exits zero, a hung one times out (and leaves no process or run
// folder behind), and the reload mechanism keeps globalState across a window reload.
// Needs `node esbuild.js --tests && npm run build` first (the passing/failing modules).
/* global describe, it, after */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RUNS_DIR } from '../harness/paths.mjs';
import { runExtensionTests } from '../harness/extension-tests.mjs';
import { cleanExtensionHostLine, formatConsoleArgs, workbenchUrl } from '../harness/workbench.mjs';

const fixtures = join(REPO_ROOT, 'test', 'harness', 'fixtures');

/** Runs a module quietly, keeping its printed lines for assertions. */
async function quietRun(/** @type {Parameters<typeof runExtensionTests>[0]} */ options) {
  /** @type {string[]} */
  const lines = [];
  // Failures are expected here: keep test-results/ for real ones.
  const result = await runExtensionTests({ keepFailureLogs: false, ...options, print: (l) => lines.push(l) });
  // Prefixed so a failed assertion that quotes it is not read as a mocha summary by test-all.
  return { ...result, lines, output: lines.map((l) => `| ${l}`).join('\n') };
}

/** Processes whose command line mentions a run folder of this label. */
function leftoverProcesses(/** @type {string} */ label) {
  const needle = join(RUNS_DIR, `${label}-`);
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}

function leftoverRunDirs(/** @type {string} */ label) {
  return existsSync(RUNS_DIR) ? readdirSync(RUNS_DIR).filter((d) => d.startsWith(`${label}-`)) : [];
}

describe('harness helpers', () => {
  it('formats console arguments like DevTools, without styling', () => {
    assert.equal(formatConsoleArgs(['%c INFO', 'color: #33f', 'hello', 42]), ' INFO hello 42');
    assert.equal(formatConsoleArgs(['%s has %d items %c!', 'list', 3.7, 'color: red']), 'list has 3 items !');
    assert.equal(formatConsoleArgs([{ a: 1 }, 'x']), ' {"a":1} x');
    assert.equal(formatConsoleArgs(['100%% sure']), '100% sure');
    // Chromium's own reports (a CSP violation) have no arguments: their text is kept.
    assert.equal(formatConsoleArgs([], "Refused to execute inline event handler"), "Refused to execute inline event handler");
  });

  it('strips the extension-host label and source frame', () => {
    assert.equal(cleanExtensionHostLine('[Extension Host] hello (at file:///x/y.js:1:2)'), 'hello');
    assert.equal(cleanExtensionHostLine('plain line'), 'plain line');
  });

  it('builds the payload URL with vscode-remote URIs on the server authority', () => {
    const url = new URL(workbenchUrl('http://127.0.0.1:1234', { folder: '/w', extensionDevelopmentPath: '/e', extensionTestsPath: '/t.js' }));
    assert.equal(url.searchParams.get('folder'), '/w');
    assert.deepEqual(JSON.parse(/** @type {string} */ (url.searchParams.get('payload'))), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:1234/e'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:1234/t.js'],
      ['skipWelcome', 'true'],
    ]);
  });
});

describe('extension-test runner in code-server', function () {
  this.timeout(180_000);

  it('exits 1 and shows the failure for a failing suite (test/selfcheck)', async () => {
    const r = await quietRun({ testsPath: join(REPO_ROOT, 'out/test/selfcheck/index.js'), label: 'hc-fail' });
    assert.equal(r.code, 1, r.output);
    assert.deepEqual([r.passed, r.failed], [1, 1], r.output);
    assert.match(r.output, /deliberate failure: the runner must exit non-zero/);
    assert.match(r.output, /^\| SELFCHECK: 1 passed, 1 failed$/m);
  });

  it('exits 0 for a passing suite (test/integration smoke)', async () => {
    const r = await quietRun({ testsPath: join(REPO_ROOT, 'out/test/integration/index.js'), label: 'hc-pass', grep: '^smoke ' });
    assert.equal(r.code, 0, r.output);
    assert.ok(r.passed > 0 && r.failed === 0, r.output);
  });

  it('exits 1 when the test module has no run()', async () => {
    const r = await quietRun({ testsPath: join(fixtures, 'no-run-tests.cjs'), label: 'hc-norun' });
    assert.equal(r.code, 1, r.output);
  });

  it('keeps globalState and globalStorage across a window reload, in a new extension host', async () => {
    const r = await quietRun({
      testsPath: join(fixtures, 'reload-tests.cjs'),
      extensionPath: join(fixtures, 'probe-extension'),
      phases: 2,
      label: 'hc-reload',
    });
    assert.equal(r.code, 0, r.output);
    assert.equal(r.phasesRun, 2, r.output);
    assert.deepEqual([r.passed, r.failed], [2, 0], r.output);
    // Where code-server keeps an extension's files: on the server, in the run's user data.
    assert.match(r.output, /globalStorage=\S+\/user-data\/User\/globalStorage\/harness\.probe /);
    assert.match(r.output, /logUri=\S+\/user-data\/logs\/\d{8}T\d{6}\/exthost1\/harness\.probe /);
    assert.match(r.output, /logUri=\S+\/exthost2\/harness\.probe /, 'phase 2 ran in a second extension host');
  });

  it('times out a hung run with exit 2 and leaves no process or run folder', async () => {
    const started = Date.now();
    const r = await quietRun({ testsPath: join(fixtures, 'hang-tests.cjs'), label: 'hc-hang', timeoutMs: 20_000 });
    assert.equal(r.code, 2, r.output);
    assert.match(r.output, /timed out waiting for the tests/);
    assert.ok(Date.now() - started < 40_000, 'the timeout was not enforced');
    assert.deepEqual(leftoverProcesses('hc-hang'), []);
    assert.deepEqual(leftoverRunDirs('hc-hang'), []);
  });

  after(() => {
    for (const label of ['hc-fail', 'hc-pass', 'hc-norun', 'hc-reload']) {
      assert.deepEqual(leftoverProcesses(label), [], `processes left by ${label}`);
      assert.deepEqual(leftoverRunDirs(label), [], `run folders left by ${label}`);
    }
  });
});
