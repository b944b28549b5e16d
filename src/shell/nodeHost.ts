import type { BundleName, Bundles, ShellHost } from './host';
import { hostProbe } from './hostProbe';
import { loadWithCodeCache, readBundleFiles } from './codeCache';

/**
 * The Node extension host: each bundle is a file beside dist/extension.js, marked external in
 * esbuild.js so that activation (which VS Code times: loading dist/extension.js and calling
 * activate) never pays for compiling it. The requires are literal so esbuild leaves them alone.
 */
const REQUIRE: { [N in BundleName]: () => Bundles[N] } = {
  /* eslint-disable @typescript-eslint/no-require-imports */
  app: () => require('./app.js') as Bundles['app'],
  team: () => require('./team.js') as Bundles['team'],
  calendar: () => require('./calendar.js') as Bundles['calendar'],
  /* eslint-enable @typescript-eslint/no-require-imports */
};

/** How long after a bundle's first load its code cache is written: its first run's functions compiled by then, and the user not waiting on it. */
const SAVE_CACHE_AFTER_MS = 5_000;

/**
 * @param cacheFolder where V8 code caches of the bundles are kept (in the extension's global
 *   storage); undefined loads them with a plain require.
 */
export function nodeHost(cacheFolder?: string): ShellHost {
  const loaded: BundleName[] = [];
  const loading = new Map<BundleName, Promise<unknown>>();
  const load = async <N extends BundleName>(name: N): Promise<Bundles[N]> => {
    if (cacheFolder && !process.env.CERT_STUDY_NO_CODE_CACHE) {
      const file = `${__dirname}/${name}.js`;
      try {
        // Read off the host's thread first; only compiling and running the bundle blocks it.
        const files = await readBundleFiles(file, cacheFolder);
        const cached = loadWithCodeCache(file, cacheFolder, files);
        setTimeout(() => cached.saveCache(), SAVE_CACHE_AFTER_MS);
        return cached.exports as Bundles[N];
      } catch {
        // The plain require below reports a real problem with the bundle itself.
      }
    }
    return REQUIRE[name]();
  };
  return {
    kind: 'node',
    probe: hostProbe(),
    loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]> {
      let promise = loading.get(name) as Promise<Bundles[N]> | undefined;
      if (!promise) {
        promise = load(name).then((module) => {
          if (!loaded.includes(name)) loaded.push(name);
          return module;
        });
        loading.set(name, promise);
        // A failed load is tried again by the next caller.
        promise.catch(() => loading.delete(name));
      }
      return promise;
    },
    loadedBundles: () => loaded,
    demoSeedPath: () => process.env.CERT_STUDY_DEMO_SEED || undefined,
  };
}
