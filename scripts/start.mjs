#!/usr/bin/env node
// `npm start`: try the extension as a user would, in a real VS Code (code-server) served on
// 127.0.0.1 only. Builds the .vsix (`npm run package`), installs it into a throwaway profile
// (.cache/runs/start-<id>: user data, extensions, logs) and serves until Ctrl-C, which stops
// code-server and deletes the profile (KEEP_RUN=1 keeps it).
//
//   npm start                      fresh, empty profile
//   npm start -- --demo            profile seeded with demo data (scripts/demo-data.mjs)
//   npm start -- --port 8080       fixed port (default: a free one)
//   npm start -- --no-package      reuse dist/cert-study-tracker.vsix as it is
//
// Demo data: seedDemo({ userDataDir, globalStorageDir }) from scripts/demo-data.mjs runs before
// code-server starts (test/harness/demo-profile.mjs). It may write files into globalStorageDir
// (the extension's globalStorageUri, on the server:
// <user-data>/User/globalStorage/cert-study.cert-study-tracker/) and may return the path of a
// seed JSON file, handed to the extension as CERT_STUDY_DEMO_SEED (src/platform/demoSeed.ts imports it
// into an empty store on activation). It cannot write globalState directly: in code-server that
// lives in the browser's IndexedDB, not in a state.vscdb on the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_VERSION, REPO_ROOT } from '../test/harness/paths.mjs';
import { seedDemoProfile } from '../test/harness/demo-profile.mjs';
import { createRunDir, writeUserSettings } from '../test/harness/run-dir.mjs';
import { codeServerCli, startCodeServer } from '../test/harness/code-server.mjs';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'no-package': { type: 'boolean', default: false },
  },
});

const vsix = join(REPO_ROOT, 'dist', 'cert-study-tracker.vsix');
if (!values['no-package']) {
  console.log('[start] npm run package');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('[start] packaging failed');
    process.exit(1);
  }
}
if (!existsSync(vsix)) {
  console.error(`[start] ${vsix} is missing (run npm run package)`);
  process.exit(1);
}

const run = createRunDir('start');
writeUserSettings(run, { 'git.enabled': true, 'workbench.startupEditor': 'none' });
console.log(`[start] installing ${vsix} into ${run.extensionsDir}`);
await codeServerCli(run, ['--install-extension', vsix, '--force']);

/** @type {Record<string, string>} */
let env = {};
if (values.demo) {
  try {
    env = await seedDemoProfile(run);
  } catch (err) {
    console.error(`[start] --demo: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1); // the exit hook removes the profile
  }
  console.log(`[start] demo data seeded${env.CERT_STUDY_DEMO_SEED ? ` (${env.CERT_STUDY_DEMO_SEED})` : ''}`);
}

const server = await startCodeServer(run, { env, port: Number(values.port) });
const url = `${server.url}/?folder=${encodeURIComponent(run.workspace)}`;
console.log(`\n  Cert Study Tracker in VS Code (code-server ${CODE_SERVER_VERSION}), this machine only:\n\n    ${url}\n`);
console.log(`  profile: ${run.root}${run.keep ? ' (kept)' : ' (deleted on exit)'}\n  Ctrl-C stops it.\n`);

// Ctrl-C is handled by test/harness/cleanup.mjs (kills code-server's process group, deletes the
// profile). If code-server dies on its own, report it and clean up the same way.
const code = await server.exited;
console.error(`[start] code-server exited (${code}); log: ${server.logFile}`);
process.exit(1);
