#!/usr/bin/env node
// Runner A: runs the integration suites inside a real VS Code (code-server's web workbench,
// with a real Node extension host) driven by headless chromium. The npm script builds first:
//   npm run test:integration   (= node esbuild.js --tests && node test/run-integration.mjs)
//
// Usage: node test/run-integration.mjs [--tests out/test/x/index.js] [--grep REGEX] [--only SESSION,...]
//          [--timeout MS] [--phases N | --no-reload] [--verbose]
//
// Exit code: 0 all passed; 1 a test failed (the workbench reported exit code 1); 2 timeout or
// harness error. The default hard timeout is 5 minutes per run.
//
// RELOAD MECHANISM ("state survives a window reload")
// A real window reload restarts the extension host, which runs extensionTestsPath again. So a
// reload test is one test written for two phases:
//     describe('tracked certifications [reload]', () => {
//       it('persist', async () => {
//         if (process.env.CERT_STUDY_TEST_PHASE === '1') { /* add a certification */ }
//         else { /* assert it is still there */ }
//       });
//     });
// After the ordinary run (which skips "[reload]" tests), this runner starts a second, fresh
// session and loads the window in phase 1, where only "[reload]" tests run; when the workbench
// reports success it runs "Developer: Reload Window" from the command palette (same code-server,
// user-data-dir and chromium profile, hence the same IndexedDB where the web workbench keeps
// globalState) and the new extension host runs the module again in phase 2. If phase 1 selects
// no test, phase 2 is skipped. The command, not page.reload(): it flushes the workbench's storage
// before unloading, while a plain browser reload can lose globalState written in the last ~5 s
// (observed: phase 2 saw undefined).
// The phase travels in a file, not an environment variable: the extension host inherits
// code-server's environment (verified), which cannot change between reloads. The runner sets
// CERT_STUDY_TEST_CONTROL=<run folder>/test-control.json on code-server and rewrites that JSON
// ({ "phase": 2 }) before each load; test/integration/index.ts reads it and exposes the phase
// as process.env.CERT_STUDY_TEST_PHASE. (test/run-electron.mjs does the same with two VS Code
// launches on one --user-data-dir and extensionTestsEnv, i.e. a restart rather than a reload.)
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './harness/paths.mjs';
import { runExtensionTests } from './harness/extension-tests.mjs';
import { webWorkerHost } from './harness/run-dir.mjs';

const { values } = parseArgs({
  options: {
    // CERT_STUDY_EXTENSION_HOST=web: the web worker host's bundle of the same suites.
    tests: { type: 'string', default: webWorkerHost() ? 'out/test/web/integration/index.js' : 'out/test/integration/index.js' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: String(5 * 60_000) },
    phases: { type: 'string', default: '2' },
    'no-reload': { type: 'boolean', default: false },
    // Runs only the named session(s), comma-separated: integration, integration-reload, integration-fresh-profile.
    only: { type: 'string' },
    verbose: { type: 'boolean', default: process.env.VERBOSE === '1' },
  },
});

const testsPath = resolve(REPO_ROOT, values.tests);
const timeoutMs = Number(values.timeout);
const phases = values['no-reload'] ? 0 : Number(values.phases);

/** @type {{ name: string, phases: number, grep?: string }[]} */
const sessions = [{ name: 'integration', phases: 0, grep: values.grep }];
if (phases > 0 && !values.grep) {
  sessions.push({ name: 'integration-reload', phases });
  // A new profile where the "[fresh profile]" suite is alone, so its commands are the window's
  // first action (they load the app while Settings Sync starts), then two reloads.
  sessions.push({ name: 'integration-fresh-profile', phases: 3, grep: '\\[fresh profile\\]' });
}

if (values.only) {
  const wanted = values.only.split(',');
  sessions.splice(0, sessions.length, ...sessions.filter((s) => wanted.includes(s.name)));
}

let exitCode = 0;
let passed = 0;
let failed = 0;
for (const session of sessions) {
  console.log(`[harness] ${session.name}: ${values.tests} in code-server${session.phases ? `, ${session.phases} phases` : ''}`);
  const result = await runExtensionTests({
    testsPath,
    phases: session.phases,
    grep: session.grep,
    timeoutMs,
    label: session.name,
    verbose: values.verbose,
  });
  console.log(`[harness] ${session.name}: exit ${result.code} after ${(result.ms / 1000).toFixed(1)} s`);
  passed += result.passed;
  failed += result.failed;
  if (result.code !== 0 && exitCode === 0) exitCode = result.code;
}
console.log(`integration: ${passed} passed, ${failed} failed${exitCode === 2 ? ' (harness error or timeout)' : ''}`);
process.exit(exitCode);
