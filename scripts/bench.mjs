#!/usr/bin/env node
// `npm run bench`: prints the Foundation's budgets beside measured figures. Benchmarks are not
// tests: nothing here fails on a slow figure; it only reports.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const kb = (file) => (statSync(join(root, file)).size / 1024).toFixed(1);

console.log('== bundle and package ==');
run('npm', ['run', '--silent', 'package']);
console.log(`dist/extension.js ${kb('dist/extension.js')} KB minified: what activation loads (the shell)`);
console.log(`dist/app.js ${kb('dist/app.js')} KB minified: loaded on first use   budget 200 KB`);
console.log(`dist/cert-study-tracker.vsix ${kb('dist/cert-study-tracker.vsix')} KB   budget 1024 KB`);

console.log('\n== state load in plain Node ==');
process.stdout.write(run(process.execPath, ['--import', 'tsx', 'scripts/bench/loadState.ts']));

console.log('\n== zod variants: first validation of ten years of sessions in a fresh process (ms, 7 processes each) ==');
{
  const dir = mkdtempSync(join(tmpdir(), 'cert-study-zod-'));
  const data = join(dir, 'sessions.json');
  run(process.execPath, ['--import', 'tsx', 'scripts/bench/writeSessions.ts', data]);
  /** @type {Record<string, number[]>} */
  const byVariant = {};
  for (let round = 0; round < 7; round++) {
    for (const variant of ['classic', 'classic-jitless', 'mini', 'mini-jitless']) {
      const out = JSON.parse(run(process.execPath, ['--import', 'tsx', 'scripts/bench/zodVariants.ts', variant, data]));
      (byVariant[variant] ??= []).push(out.coldValidateMs);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  for (const [variant, ms] of Object.entries(byVariant)) {
    ms.sort((a, b) => a - b);
    console.log(`  ${variant.padEnd(16)} min ${ms[0].toFixed(1)} / median ${ms[3].toFixed(1)} / max ${ms[6].toFixed(1)}`);
  }
}

console.log('\n== bundles in plain Node: load, then the longest module step (ms, fresh process each, 5 each; budget 16 per block) ==');
{
  const cacheDir = mkdtempSync(join(tmpdir(), 'cert-study-bundles-'));
  const figure = (values) => {
    values.sort((a, b) => a - b);
    return `min ${values[0].toFixed(1)} / median ${values[2].toFixed(1)} / max ${values[4].toFixed(1)}`;
  };
  for (const bundle of ['dist/app.js', 'dist/team.js', 'dist/calendar.js']) {
    for (const cached of [false, true]) {
      const args = ['--import', 'tsx', 'scripts/bench/bundleLoad.ts', bundle, cacheDir, ...(cached ? [] : ['--no-cache'])];
      // With the cache: a first run writes it, as the shell does a few seconds after a window's first load.
      if (cached) run(process.execPath, args);
      const runs = Array.from({ length: 5 }, () => JSON.parse(run(process.execPath, args)));
      const steps = runs[0].steps.length;
      console.log(`  ${bundle.padEnd(17)} ${cached ? 'code cache' : 'no cache  '}  ` + (runs[0].zodMs ? `dist/zod.js first ${figure(runs.map((r) => r.zodMs))}, then ` : '') + `load ${figure(runs.map((r) => r.ms))}` + (steps ? `   longest of ${steps} steps ${figure(runs.map((r) => r.longestStep[1]))}` : ''));
    }
  }
  rmSync(cacheDir, { recursive: true, force: true });
}

console.log('\n== the Certifications tree in plain Node, ten years (ms; rebuilt after each change and on focus) ==');
process.stdout.write(run(process.execPath, ['--import', 'tsx', 'scripts/bench/treeRows.ts']));

console.log('\n== activation in a real VS Code (code-server) ==');
const activation = join(root, 'scripts/bench-activation.mjs');
if (existsSync(activation)) {
  const r = spawnSync(process.execPath, [activation], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`activation bench exited with ${r.status}`);
} else {
  console.log('not measured (scripts/bench-activation.mjs missing)');
}

console.log('\n== study timer in a real VS Code (code-server) ==');
{
  const r = spawnSync(process.execPath, [join(root, 'scripts/bench-timer.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`timer bench exited with ${r.status}`);
}

console.log('\n== dashboard: figures, page bundle, command to charts drawn ==');
{
  const r = spawnSync(process.execPath, [join(root, 'scripts/bench-dashboard.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`dashboard bench exited with ${r.status}`);
}

console.log('\n== blocks of ours over one frame in the extension host (code-server, ten years of data) ==');
{
  const r = spawnSync(process.execPath, [join(root, 'scripts/bench-blocks.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`blocks bench exited with ${r.status}`);
}
