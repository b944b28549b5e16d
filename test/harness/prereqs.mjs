// The Debian packages the real-VS-Code harness needs (chromium, and what code-server's npm install
// compiles with). Like Playwright's `install --with-deps`, a missing one is installed on the spot:
// with apt-get as root, through `sudo -n` for a user with passwordless sudo, and otherwise the run
// stops with the exact apt-get line to type. CERT_STUDY_AUTO_INSTALL=0 turns the install off for
// people who manage their machines by hand (they get the message instead).
import { existsSync, accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { CHROMIUM_PATH } from './paths.mjs';

/** @param {string} cmd @returns {string | undefined} absolute path of `cmd` on PATH */
export function which(cmd) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const candidate = join(dir, cmd);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

/**
 * @typedef {{ what: string, why: string, apt: string, ok: () => boolean }} Requirement
 */

/** @type {Record<string, Requirement>} */
const REQUIREMENTS = {
  chromium: {
    what: `chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another)`,
    why: 'the browser that shows VS Code',
    apt: 'chromium',
    // Only Debian's own path can be fixed by installing the package.
    ok: () => existsSync(CHROMIUM_PATH),
  },
  ripgrep: {
    // @vscode/ripgrep's postinstall downloads rg from GitHub; we seed its cache with Debian's rg.
    what: 'rg (ripgrep) on PATH',
    why: "VS Code's search binary, which its installer would download",
    apt: 'ripgrep',
    ok: () => which('rg') !== undefined,
  },
  krb5: {
    // VS Code's `kerberos` native module is compiled during the install and needs these headers.
    what: 'Kerberos development headers (krb5-config, gssapi/gssapi.h)',
    why: "headers VS Code's kerberos module compiles against",
    apt: 'libkrb5-dev',
    ok: () => which('krb5-config') !== undefined && existsSync('/usr/include/gssapi/gssapi.h'),
  },
  toolchain: {
    what: 'a C/C++ toolchain for node-gyp (make, g++)',
    why: "compiles VS Code's native modules",
    apt: 'build-essential',
    ok: () => which('make') !== undefined && which('g++') !== undefined,
  },
  python: {
    what: 'python3 for node-gyp',
    why: 'node-gyp runs on it',
    apt: 'python3',
    ok: () => which('python3') !== undefined,
  },
};

/** Every prerequisite name, for a set-up step that installs all of them at once. */
export const ALL_PREREQUISITES = /** @type {(keyof typeof REQUIREMENTS)[]} */ (Object.keys(REQUIREMENTS));

/** @returns {boolean} false when CERT_STUDY_AUTO_INSTALL says not to install anything */
function autoInstallAllowed() {
  return !/^(0|false|no|off)$/i.test(process.env.CERT_STUDY_AUTO_INSTALL ?? '');
}

/**
 * How this user can run apt-get without a prompt: directly as root, through `sudo -n` with
 * passwordless sudo, or not at all.
 * @returns {string[] | undefined} the command prefix
 */
function aptPrefix() {
  if (!which('apt-get')) return undefined;
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  if (which('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

/**
 * @param {string[]} prefix
 * @param {string[]} args
 */
function runApt(prefix, args) {
  const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
  const r = spawnSync(cmd, rest, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${[cmd, ...rest].join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail}`);
  }
}

/** @param {Requirement[]} missing @param {string} hint */
function missingMessage(missing, hint) {
  const lines = missing.map((r) => `  - ${r.what}  (Debian package: ${r.apt})`);
  const pkgs = [...new Set(missing.map((r) => r.apt))].join(' ');
  return (
    `Missing prerequisites for the code-server test harness:\n${lines.join('\n')}\n` +
    `Install them with: apt-get update && apt-get install -y ${pkgs}${hint ? `\n(${hint})` : ''}`
  );
}

let aptUpdated = false;

/**
 * Makes sure every named prerequisite is there, installing the missing Debian packages when this
 * user may (see the file comment); throws one error naming what is still missing otherwise.
 * Quiet when nothing is missing.
 * @param {(keyof typeof REQUIREMENTS)[]} names
 * @param {{ log?: (line: string) => void }} [options]
 */
export function ensurePrerequisites(names, { log = (l) => console.error(l) } = {}) {
  const missing = names.map((n) => REQUIREMENTS[n]).filter((r) => !r.ok());
  if (missing.length === 0) return;
  if (!autoInstallAllowed()) throw new Error(missingMessage(missing, 'CERT_STUDY_AUTO_INSTALL=0: not installing them myself'));
  const prefix = aptPrefix();
  if (!prefix) throw new Error(missingMessage(missing, 'not root and no passwordless sudo, so not installing them myself'));

  const pkgs = [...new Set(missing.map((r) => r.apt))];
  const via = prefix.length ? 'sudo -n apt-get' : 'apt-get';
  log(`[setup] installing Debian packages with ${via}: ${missing.map((r) => `${r.apt} (${r.why})`).join(', ')}`);
  const started = Date.now();
  // Another process (a parallel harness run) may hold dpkg's lock: wait for it instead of failing.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!aptUpdated) {
    runApt(prefix, ['update', '-qq', ...lockWait]);
    aptUpdated = true;
  }
  runApt(prefix, ['install', '-y', '-qq', '--no-install-recommends', ...lockWait, ...pkgs]);
  const still = missing.filter((r) => !r.ok());
  if (still.length > 0) throw new Error(missingMessage(still, `apt-get installed ${pkgs.join(' ')}, but these are still not found`));
  log(`[setup] installed ${pkgs.join(' ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
