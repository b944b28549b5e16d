import type * as SyncModule from './settingsSync';
import type { SettingsSync, SettingsSyncDeps } from './settingsSync';
import { nextTurn } from '../../core/util/turns';

/**
 * Starts Settings Sync once `after` settles (stored data loaded, the tree has its hours):
 * this machine's record goes out, other machines' come in. The module is required here rather
 * than imported at the top: esbuild then runs the sync modules' bodies (their zod schemas, about
 * 3 ms) only now, not while dist/app.js loads. `onStarted` receives the part to dispose of.
 * The returned promise never rejects: a failure is logged as a warning.
 */
export function startSettingsSync(after: Promise<unknown>, deps: SettingsSyncDeps, onStarted: (sync: SettingsSync) => void): Promise<void> {
  return after
    // A turn of its own: `after` settles when the logs load, with the tree and the status record
    // starting their work on the same promise.
    .then(() => nextTurn())
    .then(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SettingsSync } = require('./settingsSync') as typeof SyncModule;
      const sync = new SettingsSync(deps);
      onStarted(sync);
      return sync.start();
    })
    .catch((err) => deps.log.warn(`settings sync: ${String(err)}`));
}
