import type * as App from '../app/app';
import type { BundleLoader, LazyBundles } from '../app/shellParts';

/**
 * The bundles loaded on first use, by name: dist/app.js (everything but the startup shell),
 * dist/team.js (team export, backup, report) and dist/calendar.js (the .ics writer). The browser
 * build has the same three under dist/web/.
 */
export interface Bundles extends LazyBundles {
  app: typeof App;
}
export type BundleName = keyof Bundles;

/**
 * What differs between the two extension hosts, kept to the few things the shell needs: how a
 * bundle is loaded (Node's require, or the browser's fetch and evaluate), and whether
 * `npm start -- --demo` handed over data (an environment variable only Node has).
 */
export interface ShellHost extends BundleLoader {
  loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]>;
  /** The bundles loaded so far in this window, in the order they were loaded. */
  loadedBundles(): readonly BundleName[];
}
