// Starts code-server isolated in a run folder and hands back its address. Each server is the
// leader of its own process group so stopping it also stops the extension host, pty host and
// file watcher it forks (they would otherwise keep the port and the run folder busy).
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from './install-code-server.mjs';
import { killGroup, onCleanup } from './cleanup.mjs';

/**
 * Environment that keeps code-server's writes (config, logs, temp files, caches) in the run folder.
 * @param {import('./run-dir.mjs').RunDir} run
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function isolatedEnv(run, extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env };
  // When started from `npm run`, npm's variables would be inherited by the extension host and by
  // any npm the extension (or a terminal) runs; they describe our repo, not the test session.
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'INIT_CWD') delete env[key];
  // code-server reads these as fallbacks for --password / --port and would override our flags.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.PORT;
  return {
    ...env,
    TMPDIR: run.tmp,
    XDG_DATA_HOME: join(run.tmp, 'xdg-data'),
    XDG_CONFIG_HOME: join(run.tmp, 'xdg-config'),
    XDG_CACHE_HOME: join(run.tmp, 'xdg-cache'),
    // An empty gallery: the default (open-vsx.org) is unreachable here and only adds DNS errors
    // and timeouts. Installing from a .vsix still works.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
    ...extra,
  };
}

/**
 * Flags shared by the server and the CLI mode (`--install-extension`).
 * @param {import('./run-dir.mjs').RunDir} run
 */
function commonArgs(run) {
  const config = join(run.root, 'config.yaml');
  // An explicit config file stops code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(config, 'auth: none\ncert: false\n');
  return ['--config', config, '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
}

/**
 * @typedef {object} CodeServer
 * @property {string} url     e.g. http://127.0.0.1:41234 (no trailing slash)
 * @property {number} port
 * @property {number} pid     process group id
 * @property {string} logFile code-server's stdout+stderr
 * @property {Promise<number | null>} exited resolves with the exit code when the server ends
 * @property {() => Promise<void>} stop  SIGTERM the group, SIGKILL after 3 s; idempotent
 */

/**
 * @param {import('./run-dir.mjs').RunDir} run
 * @param {{ env?: Record<string, string>, port?: number, startTimeoutMs?: number, echo?: boolean, workspaceTrust?: boolean }} [options]
 *   env: extra variables for the server (the extension host inherits them, verified);
 *   port: 0 (default) lets the OS pick a free one, read back from the log;
 *   echo: copy code-server's output to stderr as well as its log file;
 *   workspaceTrust: leave VS Code's workspace trust on (off by default: `--disable-workspace-trust`),
 *   for a test of the extension in an untrusted folder (Restricted Mode).
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(run, { env = {}, port = 0, startTimeoutMs = 60_000, echo = false, workspaceTrust = false } = {}) {
  const entry = await ensureCodeServer();
  const logFile = join(run.root, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    entry,
    ...commonArgs(run),
    '--bind-addr', `127.0.0.1:${port}`, // loopback only
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    cwd: run.root,
    env: isolatedEnv(run, env),
    detached: true, // own process group, see killGroup()
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = /** @type {number} */ (child.pid);
  const unregister = onCleanup(() => killGroup(pid, 'SIGKILL'));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not report its address within ${startTimeoutMs} ms (log: ${logFile})`)),
      startTimeoutMs,
    );
    let buffered = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      log.write(chunk);
      if (echo) process.stderr.write(chunk);
      buffered += chunk.toString();
      const match = /HTTP server listening on (http:\/\/[^\s]+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited during start-up (${signal ?? code}); log: ${logFile}`));
    });
  }).catch((err) => {
    killGroup(pid, 'SIGKILL');
    unregister();
    throw err;
  });

  let stopping;
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    logFile,
    exited,
    stop: () =>
      (stopping ??= (async () => {
        if (killGroup(pid, 'SIGTERM')) {
          const timeout = new Promise((r) => setTimeout(r, 3000, 'timeout'));
          await Promise.race([exited, timeout]);
          // The leader may be gone while forked children linger: finish the whole group.
          killGroup(pid, 'SIGKILL');
        }
        unregister();
        log.end();
      })()),
  };
}

/**
 * Runs code-server in CLI mode (e.g. `--install-extension x.vsix`) against the run folder.
 * @param {import('./run-dir.mjs').RunDir} run
 * @param {string[]} args
 * @returns {Promise<string>} combined output
 */
export async function codeServerCli(run, args) {
  const entry = await ensureCodeServer();
  const child = spawn(process.execPath, [entry, ...commonArgs(run), ...args], {
    cwd: run.root,
    env: isolatedEnv(run),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const unregister = onCleanup(() => killGroup(child.pid, 'SIGKILL'));
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const code = await new Promise((resolve) => child.on('close', resolve));
  unregister();
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} failed (${code}):\n${output}`);
  return output;
}
