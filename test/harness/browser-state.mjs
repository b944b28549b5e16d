// The extension's globalState where code-server's workbench keeps it, in both extension hosts:
// the browser's IndexedDB (the `cert-study.cert-study-tracker` row of vscode-web-state-db-global's
// ItemTable). Written there on a delay, so a test that reloads waits for a value to be stored.
/* global indexedDB, BroadcastChannel */
import { EXTENSION_ID } from './paths.mjs';

/** The extension's globalState as the workbench stored it in this browser profile. */
export function readState(page) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('vscode-web-state-db-global');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const value = await new Promise((resolve) => {
      const request = db.transaction('ItemTable').objectStore('ItemTable').get(id);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return typeof value === 'string' ? JSON.parse(value) : {};
  }, EXTENSION_ID);
}

/**
 * Adds `entries` to the extension's globalState in this browser profile, as another window of this
 * browser does: the row in IndexedDB, and a word on the channel the workbench's windows tell each
 * other about storage changes by (a BroadcastChannel named after the database, carrying the
 * changed rows), so the running workbench takes them in too and hands them to the extension's
 * globalState, as it does with what Settings Sync receives.
 */
export async function writeState(page, entries) {
  await page.evaluate(
    async ({ id, entries }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('vscode-web-state-db-global');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('ItemTable', 'readwrite').objectStore('ItemTable');
      const current = await new Promise((resolve) => {
        const request = store.get(id);
        request.onsuccess = () => resolve(typeof request.result === 'string' ? JSON.parse(request.result) : {});
      });
      const row = JSON.stringify({ ...current, ...entries });
      await new Promise((resolve, reject) => {
        const request = store.put(row, id);
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      });
      db.close();
      const channel = new BroadcastChannel(db.name);
      channel.postMessage({ changed: new Map([[id, row]]), deleted: new Set() });
      channel.close();
    },
    { id: EXTENSION_ID, entries },
  );
}
