// The extension's own log: code-server writes a LogOutputChannel to
// <user-data>/logs/<session>/exthost<N>/<publisher.name>/<channel name>.log, one folder per
// extension host (a window reload starts a new one). Benches and UI tests read it back.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './paths.mjs';

/** Every extension host's log folder for this extension, oldest host first. */
function hostFolders(/** @type {string} */ userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  /** @type {string[]} */
  const folders = [];
  for (const session of readdirSync(logs)) {
    const dir = join(logs, session);
    if (!statSync(dir).isDirectory()) continue;
    for (const host of readdirSync(dir).filter((d) => d.startsWith('exthost'))) folders.push(join(dir, host));
  }
  const hostNumber = (/** @type {string} */ f) => Number(f.match(/exthost(\d+)$/)?.[1] ?? 0);
  return folders.sort((a, b) => hostNumber(a) - hostNumber(b));
}

/** The newest extension host's "Cert Study" log ('' when that host has none: the app never loaded there). */
export function newestExtensionLog(/** @type {string} */ userDataDir) {
  const newest = hostFolders(userDataDir).at(-1);
  const file = newest ? join(newest, EXTENSION_ID, 'Cert Study.log') : '';
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** The newest "Cert Study" log of any extension host ('' when there is none yet). */
export function latestExtensionLog(/** @type {string} */ userDataDir) {
  const file = hostFolders(userDataDir)
    .map((dir) => join(dir, EXTENSION_ID, 'Cert Study.log'))
    .filter((f) => existsSync(f))
    .at(-1);
  return file ? readFileSync(file, 'utf8') : '';
}

/** Every extension host's "Cert Study" log, oldest first, as one text (a window reload starts a new one). */
export function allExtensionLogs(/** @type {string} */ userDataDir) {
  return hostFolders(userDataDir)
    .map((dir) => join(dir, EXTENSION_ID, 'Cert Study.log'))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}
