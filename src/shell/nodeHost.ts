import type { BundleName, Bundles, ShellHost } from './host';
import { hostProbe } from './hostProbe';
import { loadWithCodeCache } from './codeCache';

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
  const modules = new Map<BundleName, unknown>();
  const load = <N extends BundleName>(name: N): Bundles[N] => {
    if (cacheFolder && !process.env.CERT_STUDY_NO_CODE_CACHE) {
      try {
        const cached = loadWithCodeCache(`${__dirname}/${name}.js`, cacheFolder);
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
      try {
        let module = modules.get(name) as Bundles[N] | undefined;
        if (!module) {
          module = load(name);
          modules.set(name, module);
        }
        if (!loaded.includes(name)) loaded.push(name);
        return Promise.resolve(module);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    loadedBundles: () => loaded,
    demoSeedPath: () => process.env.CERT_STUDY_DEMO_SEED || undefined,
  };
}
