import type * as App from '../app/app';
import type { BundleLoader, LazyBundles } from '../app/shellParts';
import type * as ZodBundle from '../app/zodBundle';

/**
 * The bundles loaded on first use, by name: dist/app.js (everything but the startup shell),
 * dist/team.js (team export, backup, report) and dist/calendar.js (the .ics writer); dist/zod.js
 * before the first of them (bundleLoads below). The browser build has the same under dist/web/.
 */
export interface Bundles extends LazyBundles {
  app: typeof App;
}
export type BundleName = keyof Bundles;

/**
 * What differs between the two extension hosts, kept to the few things the shell needs: how a
 * bundle is loaded (compiled with V8's code cache in Node, read and evaluated in the browser), and whether
 * `npm start -- --demo` handed over data (an environment variable only Node has).
 */
export interface ShellHost extends BundleLoader {
  loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]>;
  /** The bundles loaded so far in this window, in the order they were loaded. */
  loadedBundles(): readonly BundleName[];
}

/** The file every bundle's libraries come from: dist/zod.js (src/app/zodBundle.ts). */
export const LIBRARIES_BUNDLE = 'zod';
export type Libraries = typeof ZodBundle;

/**
 * What a bundle's `require` finds in dist/zod.js: zod's parts for `zod` and `zod/mini` (esbuild
 * leaves both external in app.js and team.js), undefined for anything else (`vscode`, Node's
 * built-ins), which the host's own require serves.
 */
export type LibraryLookup = (id: string) => unknown;

export function librariesIn(libraries: Libraries): LibraryLookup {
  return (id) => (id === 'zod' ? libraries.zod : id === 'zod/mini' ? libraries.zodMini : undefined);
}

const NO_LIBRARIES: LibraryLookup = () => undefined;

/**
 * Loads each bundle once, the libraries' bundle before any other (in a turn of its own, so that
 * compiling it and compiling the bundle are two short blocks instead of one long one).
 * Concurrent callers share a load; a failed load (a broken file, the network) is forgotten, so
 * the next caller tries again. Both hosts load this way; they differ in `loadFile`.
 */
export function bundleLoads(
  loadFile: (name: string, libraries: LibraryLookup) => Promise<unknown>,
): Pick<ShellHost, 'loadBundle' | 'loadedBundles'> {
  const loading = new Map<string, Promise<unknown>>();
  const loaded: BundleName[] = [];
  const once = (name: string, load: () => Promise<unknown>): Promise<unknown> => {
    let promise = loading.get(name);
    if (!promise) {
      promise = load();
      loading.set(name, promise);
      promise.catch(() => loading.delete(name));
    }
    return promise;
  };
  const libraries = () => once(LIBRARIES_BUNDLE, () => loadFile(LIBRARIES_BUNDLE, NO_LIBRARIES)) as Promise<Libraries>;
  return {
    loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]> {
      return once(name, async () => {
        const exports = await loadFile(name, librariesIn(await libraries()));
        loaded.push(name);
        return exports;
      }) as Promise<Bundles[N]>;
    },
    loadedBundles: () => loaded,
  };
}
