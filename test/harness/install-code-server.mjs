// Installs the pinned code-server into the git-ignored .cache/code-server/ on first use, the way
// @vscode/test-electron downloads VS Code into .vscode-test/. Only the npm registry is reachable,
// so the one step that would fetch from elsewhere (@vscode/ripgrep's GitHub download) is served
// from a cache we seed with Debian's rg.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { CODE_SERVER_PREFIX, CODE_SERVER_VERSION } from './paths.mjs';
import { ALL_PREREQUISITES, ensurePrerequisites, which } from './prereqs.mjs';

/**
 * The @vscode/ripgrep that code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins, and the
 * ripgrep release its lib/postinstall.js asks for. Its download.js looks for
 * `$TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<release>-<target>.tar.gz`, untars it
 * into bin/ and expects `bin/rg`, so the tarball holds `rg` at its root.
 * Re-check both when bumping CODE_SERVER_VERSION.
 */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';

const PACKAGE_DIR = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
/** Written last, so a half-finished install (Ctrl-C, failed compile) is never mistaken for done. */
const MARKER = join(CODE_SERVER_PREFIX, `.installed-${CODE_SERVER_VERSION}`);
/** The install's own TMPDIR: keeps the seeded cache and node-gyp leftovers out of /tmp. */
const INSTALL_TMP = join(CODE_SERVER_PREFIX, 'tmp');
const LOG = join(CODE_SERVER_PREFIX, 'install.log');

/** Path of code-server's CLI entry point inside the install. */
export const CODE_SERVER_ENTRY = join(PACKAGE_DIR, 'out', 'node', 'entry.js');

/** @returns {boolean} whether the pinned version is fully installed */
export function isCodeServerInstalled() {
  if (!existsSync(MARKER) || !existsSync(CODE_SERVER_ENTRY)) return false;
  try {
    return JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function ripgrepTarget() {
  // Mirrors getTarget() in @vscode/ripgrep's postinstall.js for the Linux machines we run on.
  switch (arch()) {
    case 'x64':
      return 'x86_64-unknown-linux-musl';
    case 'arm64':
      return 'aarch64-unknown-linux-musl';
    default:
      throw new Error(`No ripgrep cache seeding for architecture ${arch()}`);
  }
}

function seedRipgrepCache() {
  const rg = which('rg');
  if (!rg) throw new Error('rg not found on PATH (Debian package: ripgrep)');
  const cacheDir = join(INSTALL_TMP, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${ripgrepTarget()}.tar.gz`);
  if (existsSync(tarball)) return;
  const staging = join(INSTALL_TMP, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/**
 * The outer `npm run` exports its own npm_config_* (prefix=/usr, loglevel=silent, ...) and
 * npm_package_* variables; a nested install must not inherit those, only the user's registry,
 * proxy, CA and header settings.
 * @returns {NodeJS.ProcessEnv}
 */
function installEnv() {
  const keep = /^npm_config_(registry|cafile|ca|cache|userconfig|globalconfig|nodedir|https?_proxy|proxy|noproxy|strict_ssl)$/i;
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'INIT_CWD') continue;
    env[k] = v;
  }
  // node-gyp would download Node's headers from nodejs.org; Debian's nodejs ships them in /usr.
  if (!env.npm_config_nodedir && existsSync(`/usr/include/node/node_version.h`)) {
    const header = readFileSync('/usr/include/node/node_version.h', 'utf8');
    const major = /#define NODE_MAJOR_VERSION (\d+)/.exec(header)?.[1];
    if (major === process.versions.node.split('.')[0]) env.npm_config_nodedir = '/usr';
  }
  return {
    ...env,
    TMPDIR: INSTALL_TMP,
    // code-server's postinstall.sh refuses to run as root without it; npm 11 rejects the flag.
    npm_config_unsafe_perm: 'true',
    // postinstall runs nested npm/npx commands that would otherwise stop at a prompt.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
}

/**
 * One install at a time: the lock is a folder holding its owner's pid. It is made under a name of
 * its own and renamed into place whole (and renamed away before it is deleted), so no process ever
 * sees it without its pid, which it would take for a lock left by a process that died.
 * @param {string} dir
 */
function acquireLock(dir) {
  const lock = join(dir, '.install-lock');
  const mine = `${lock}.${process.pid}`;
  const remove = (/** @type {string} */ path) => {
    const gone = `${path}.gone.${process.pid}`;
    try {
      renameSync(path, gone);
    } catch {
      return; // released or taken over meanwhile
    }
    rmSync(gone, { recursive: true, force: true });
  };
  for (;;) {
    mkdirSync(mine, { recursive: true });
    writeFileSync(join(mine, 'pid'), String(process.pid));
    try {
      renameSync(mine, lock); // fails while another lock folder is there
      return () => remove(lock);
    } catch {
      rmSync(mine, { recursive: true, force: true });
    }
    // Held by another install: wait for it, or take it over if that process is gone.
    let owner;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    try {
      process.kill(owner, 0);
    } catch {
      remove(lock);
      continue;
    }
    execFileSync('sleep', ['1']); // how often to look, not what is waited for
  }
}

/**
 * Makes sure code-server CODE_SERVER_VERSION is installed; returns its entry point.
 * Idempotent and quick when it already is.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function ensureCodeServer({ log = (l) => console.error(l) } = {}) {
  if (isCodeServerInstalled()) return CODE_SERVER_ENTRY;
  ensurePrerequisites(['ripgrep', 'krb5', 'toolchain', 'python']);
  mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  const release = acquireLock(CODE_SERVER_PREFIX);
  try {
    if (isCodeServerInstalled()) return CODE_SERVER_ENTRY; // another process finished it meanwhile
    mkdirSync(INSTALL_TMP, { recursive: true });
    seedRipgrepCache();
    log(`[harness] installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_PREFIX} (first use, about a minute; log: ${LOG})`);
    const started = Date.now();
    const out = createWriteStream(LOG);
    const code = await new Promise((resolve, reject) => {
      const child = spawn(
        'npm',
        ['install', '--prefix', CODE_SERVER_PREFIX, '--no-save', `code-server@${CODE_SERVER_VERSION}`],
        { cwd: CODE_SERVER_PREFIX, env: installEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
      child.on('error', reject);
      child.on('close', resolve);
    });
    out.end();
    if (code !== 0 || !existsSync(CODE_SERVER_ENTRY)) {
      const tail = existsSync(LOG) ? readFileSync(LOG, 'utf8').split('\n').slice(-40).join('\n') : '';
      throw new Error(`code-server install failed (npm exit ${code}); last lines of ${LOG}:\n${tail}`);
    }
    const rgBinary = join(PACKAGE_DIR, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!existsSync(rgBinary)) throw new Error(`code-server installed but ${rgBinary} is missing (see ${LOG})`);
    writeFileSync(MARKER, new Date().toISOString() + '\n');
    rmSync(INSTALL_TMP, { recursive: true, force: true });
    log(`[harness] code-server@${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return CODE_SERVER_ENTRY;
  } finally {
    release();
  }
}

// `node test/harness/install-code-server.mjs` sets up everything the harness needs without running
// anything: every Debian package in one apt-get call (chromium included), then code-server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.resolve()
    .then(() => ensurePrerequisites(ALL_PREREQUISITES))
    .then(() => ensureCodeServer())
    .then(
      (entry) => console.log(entry),
      (err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
}
