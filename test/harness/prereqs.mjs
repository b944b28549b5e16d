// Fails early, with the Debian package to install, instead of letting a 300 MB npm install or a
// browser launch die halfway with an obscure node-gyp or spawn error.
import { existsSync, accessSync, constants } from 'node:fs';
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
 * @typedef {{ what: string, apt: string, ok: () => boolean }} Requirement
 */

/** @type {Record<string, Requirement>} */
const REQUIREMENTS = {
  chromium: {
    what: `chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another)`,
    apt: 'chromium',
    ok: () => existsSync(CHROMIUM_PATH),
  },
  ripgrep: {
    // @vscode/ripgrep's postinstall downloads rg from GitHub; we seed its cache with Debian's rg.
    what: 'rg (ripgrep) on PATH',
    apt: 'ripgrep',
    ok: () => which('rg') !== undefined,
  },
  krb5: {
    // VS Code's `kerberos` native module is compiled during the install and needs these headers.
    what: 'Kerberos development headers (krb5-config, gssapi/gssapi.h)',
    apt: 'libkrb5-dev',
    ok: () => which('krb5-config') !== undefined && existsSync('/usr/include/gssapi/gssapi.h'),
  },
  toolchain: {
    what: 'a C/C++ toolchain for node-gyp (make, g++)',
    apt: 'build-essential',
    ok: () => which('make') !== undefined && which('g++') !== undefined,
  },
  python: {
    what: 'python3 for node-gyp',
    apt: 'python3',
    ok: () => which('python3') !== undefined,
  },
};

/**
 * Throws one error naming every missing prerequisite and the apt packages that provide them.
 * @param {(keyof typeof REQUIREMENTS)[]} names
 */
export function requirePrerequisites(names) {
  const missing = names.map((n) => REQUIREMENTS[n]).filter((r) => !r.ok());
  if (missing.length === 0) return;
  const lines = missing.map((r) => `  - ${r.what}  (Debian package: ${r.apt})`);
  const pkgs = [...new Set(missing.map((r) => r.apt))].join(' ');
  throw new Error(
    `Missing prerequisites for the code-server test harness:\n${lines.join('\n')}\n` +
      `Install them with: apt-get update && apt-get install -y ${pkgs}`,
  );
}
