#!/usr/bin/env node
// `npm test`: every check in sequence, continuing after failures, then one closing line
// `N passed, N failed` (the line CI reads) and a non-zero exit if anything failed.
// Counts come from mocha's "N passing" / "N failing" lines; lint and type-check count as one
// test each; a step that exits non-zero without reporting a failing test counts as one failure
// (a build error, a crash, a timeout).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * kind: 'tests' counts mocha's lines; 'check' is one test; 'setup' counts only when it fails.
 * env: added to the step's environment.
 * @type {{ name: string, command: string[], kind: 'tests' | 'check' | 'setup', env?: Record<string, string> }[]}
 */
const STEPS = [
  // First run on a fresh machine: the Debian packages (one apt-get call, when root or with
  // passwordless sudo) and the pinned code-server (about a minute), as a visible step of its own
  // instead of eating into the first test's timeout. Quick when everything is there.
  { name: 'setup', command: [process.execPath, 'test/harness/install-code-server.mjs'], kind: 'setup' },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], kind: 'check' },
  { name: 'check', command: ['npm', 'run', '--silent', 'check'], kind: 'check' },
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'], kind: 'tests' },
  { name: 'harness', command: ['npm', 'run', '--silent', 'test:harness'], kind: 'tests' },
  { name: 'integration', command: ['npm', 'run', '--silent', 'test:integration'], kind: 'tests' },
  { name: 'ui', command: ['npm', 'run', '--silent', 'test:ui'], kind: 'tests' },
  // The same two suites with the extension in the browser's web worker extension host (its
  // `browser` entry, as on vscode.dev), forced there through remote.extensionKind.
  { name: 'integ. (web)', command: ['npm', 'run', '--silent', 'test:integration'], kind: 'tests', env: { CERT_STUDY_EXTENSION_HOST: 'web' } },
  { name: 'ui (web)', command: ['npm', 'run', '--silent', 'test:ui'], kind: 'tests', env: { CERT_STUDY_EXTENSION_HOST: 'web' } },
];

/**
 * Runs a command, echoing its output live, and returns exit code and output.
 * @param {string[]} command
 * @param {Record<string, string>} [env]
 * @returns {Promise<{ code: number, output: string }>}
 */
function runStep([cmd, ...args], env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (err) => resolve({ code: 1, output: String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * @param {string} output
 * @param {RegExp} pattern with one count group, global and multiline
 */
function sum(output, pattern) {
  let total = 0;
  for (const match of output.matchAll(pattern)) total += Number(match[1]);
  return total;
}

let passed = 0;
let failed = 0;
/** @type {string[]} */
const table = [];
for (const step of STEPS) {
  console.log(`\n===== ${step.name} (${Object.entries(step.env ?? {}).map(([k, v]) => `${k}=${v} `).join('')}${step.command.join(' ').replace(process.execPath, 'node')}) =====`);
  const started = Date.now();
  const { code, output } = await runStep(step.command, step.env);
  let p = 0;
  let f = code === 0 ? 0 : 1;
  if (step.kind === 'tests') {
    p = sum(output, /^\s*(\d+) passing\b/gm);
    f = Math.max(sum(output, /^\s*(\d+) failing\b/gm), f); // a crash without a report is one failure
  } else if (step.kind === 'check') {
    p = code === 0 ? 1 : 0;
  }
  passed += p;
  failed += f;
  table.push(`${step.name.padEnd(12)} ${code === 0 ? 'ok  ' : 'FAIL'}  ${String(p).padStart(4)} passed ${String(f).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log('\n===== summary =====');
for (const row of table) console.log(row);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
