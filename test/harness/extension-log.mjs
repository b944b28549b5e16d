/* global indexedDB, TextDecoder */
// The extension's own log: code-server writes a LogOutputChannel to
// <user-data>/logs/<session>/exthost<N>/<publisher.name>/<channel name>.log, one folder per
// extension host (a window reload starts a new one). Benches and UI tests read it back.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './paths.mjs';
import { webWorkerHost } from './run-dir.mjs';

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

/** The files of every extension host that has a "Cert Study" log (a host that never loaded the app has none), oldest first. */
function diskLogFiles(/** @type {string} */ userDataDir) {
  return hostFolders(userDataDir)
    .map((dir) => join(dir, EXTENSION_ID, 'Cert Study.log'))
    .filter((f) => existsSync(f));
}

/** How many extension hosts have written a "Cert Study" log so far (a host that never loaded the app has none). */
export function extensionLogCount(/** @type {string} */ userDataDir) {
  return diskLogFiles(userDataDir).length;
}

/** The newest "Cert Study" log of any extension host ('' when there is none yet). */
export function latestExtensionLog(/** @type {string} */ userDataDir) {
  const file = diskLogFiles(userDataDir).at(-1);
  return file ? readFileSync(file, 'utf8') : '';
}

/**
 * The "Cert Study" logs kept by the browser, oldest window first. In the web worker extension host
 * (CERT_STUDY_EXTENSION_HOST=web) a LogOutputChannel is written to the workbench's IndexedDB
 * (object store `vscode-logs-store`, keys `/<window session>/exthost/webWorker/<id>/Cert Study.log`),
 * not to the server's disk, so it is read from the page.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
export async function browserExtensionLogs(page) {
  return page.evaluate(async (suffix) => {
    const texts = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (db.objectStoreNames.contains('vscode-logs-store')) {
        const store = db.transaction('vscode-logs-store').objectStore('vscode-logs-store');
        const keys = await new Promise((resolve) => {
          const request = store.getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String).filter((k) => k.endsWith(suffix)).sort());
        });
        for (const key of keys) {
          const value = await new Promise((resolve) => {
            const request = db.transaction('vscode-logs-store').objectStore('vscode-logs-store').get(key);
            request.onsuccess = () => resolve(request.result);
          });
          texts.push(typeof value === 'string' ? value : new TextDecoder().decode(value));
        }
      }
      db.close();
    }
    return texts;
  }, `/${EXTENSION_ID}/Cert Study.log`);
}

/**
 * Every "Cert Study" log of a UI session, oldest extension host first, wherever the host keeps it
 * (a host that never loaded the app has none).
 * @param {{ run: { userDataDir: string }, page: import('playwright-core').Page }} session
 * @returns {Promise<string[]>}
 */
export async function sessionExtensionLogs(session) {
  if (webWorkerHost()) return browserExtensionLogs(session.page);
  return diskLogFiles(session.run.userDataDir).map((f) => readFileSync(f, 'utf8'));
}
