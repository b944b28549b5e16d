#!/usr/bin/env node
// Runner B: the same integration suites in VS Code desktop (Electron) through
// @vscode/test-electron, for machines that can download VS Code (this one cannot: only the npm
// registry and Debian's packages are reachable, hence Runner A, test/run-integration.mjs).
//   npm run test:electron   (= node esbuild.js --tests && npm run build && node test/run-electron.mjs)
//
// Usage: node test/run-electron.mjs [--tests out/test/integration/index.js] [--grep REGEX]
//          [--version 1.100.3] [--no-reload]
// On Linux without a display it re-runs itself under `xvfb-run -a` when that exists
// (Debian package: xvfb).
//
// Reload suites ("[reload]" in the title, see test/run-integration.mjs): test-electron cannot
// reload a window it does not control, so phase 1 and phase 2 are two VS Code launches on one
// --user-data-dir, with the phase in extensionTestsEnv (CERT_STUDY_TEST_PHASE, read by
// test/integration/index.ts). That is a restart rather than a reload: desktop VS Code keeps
// globalState in <user-data-dir>/User/globalStorage/state.vscdb, which a restart must keep too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './harness/paths.mjs';
import { which } from './harness/prereqs.mjs';

const VSCODE_VERSION = '1.100.3'; // the VS Code inside code-server 4.100.3, see harness/paths.mjs

const { values } = parseArgs({
  options: {
    tests: { type: 'string', default: 'out/test/integration/index.js' },
    grep: { type: 'string' },
    version: { type: 'string', default: VSCODE_VERSION },
    'no-reload': { type: 'boolean', default: false },
  },
});

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.CERT_STUDY_UNDER_XVFB) {
  if (which('xvfb-run')) {
    const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, CERT_STUDY_UNDER_XVFB: '1' },
    });
    process.exit(r.status ?? 1);
  }
  console.error('[electron] no display: install xvfb (apt-get install -y xvfb) or set DISPLAY');
}

// The extension host's report lines carry test/integration/index.ts's HOST_LINE_MARK (an ASCII
// record separator) for Runner A's benefit; it is noise on a terminal.
const write = /** @type {(chunk: unknown, ...rest: unknown[]) => boolean} */ (process.stdout.write.bind(process.stdout));
process.stdout.write = /** @type {typeof process.stdout.write} */ (
  /** @type {unknown} */ ((/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => write(typeof chunk === 'string' ? chunk.replaceAll('\u001e', '') : chunk, ...rest))
);

const extensionTestsPath = resolve(REPO_ROOT, values.tests);
// test-electron's own cache (.vscode-test/, git-ignored) holds the downloaded VS Code; the
// profile of each session lives beside it and is deleted afterwards.
const sessionRoot = join(REPO_ROOT, '.vscode-test', 'runs', `electron-${Date.now().toString(36)}`);

/**
 * One VS Code launch. Returns its exit code (test-electron rejects on non-zero).
 * @param {string} name
 * @param {Record<string, string>} env
 * @param {string} userDataDir
 */
async function launch(name, env, userDataDir) {
  const workspace = join(sessionRoot, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  // Same quiet, offline settings as the code-server runs (test/harness/run-dir.mjs).
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'git.enabled': false, 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false, 'update.mode': 'none', 'telemetry.telemetryLevel': 'off' }),
  );
  console.log(`[electron] ${name}`);
  try {
    return await runTests({
      version: values.version,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: { ...env, ...(values.grep ? { CERT_STUDY_TEST_GREP: values.grep } : {}) },
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${join(sessionRoot, 'extensions')}`,
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (err) {
    console.error(`[electron] ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** @type {number} */
let exitCode;
try {
  exitCode = await launch('integration', {}, join(sessionRoot, 'user-data'));
  if (!values['no-reload'] && !values.grep) {
    // A fresh profile for the reload suites, shared by both phases.
    const reloadProfile = join(sessionRoot, 'user-data-reload');
    for (const phase of ['1', '2']) {
      const code = await launch(`reload phase ${phase}`, { CERT_STUDY_TEST_PHASE: phase }, reloadProfile);
      if (code !== 0) {
        exitCode ||= code;
        break;
      }
    }
  }
} finally {
  if (process.env.KEEP_RUN !== '1') rmSync(sessionRoot, { recursive: true, force: true });
}
process.exit(exitCode);
