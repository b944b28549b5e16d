import { bundleLoads, type LibraryLookup, type ShellHost } from './host';
import { hostProbe } from './hostProbe';
import { loadWithCodeCache, readBundleFiles } from './codeCache';
import { warmIntlOffThread } from './warmIntl';

/** How long after a bundle's first load its code cache is written: its first run's functions compiled by then, and the user not waiting on it. */
const SAVE_CACHE_AFTER_MS = 5_000;

/**
 * The Node extension host: each bundle is a file beside dist/extension.js, marked external in
 * esbuild.js so that activation (which VS Code times: loading dist/extension.js and calling
 * activate) never pays for compiling it. The shell compiles and runs it itself (vm.Script, as
 * Node's require does) for two reasons: V8's code cache, and the bundle's `require('zod')`,
 * which is served from dist/zod.js (./host.ts).
 *
 * @param cacheFolder where V8 code caches of the bundles are kept (in the extension's global
 *   storage); undefined, or CERT_STUDY_NO_CODE_CACHE set, loads them without one.
 */
export function nodeHost(cacheFolder?: string): ShellHost {
  const useCache = cacheFolder !== undefined && !process.env.CERT_STUDY_NO_CODE_CACHE;
  const loadFile = async (name: string, libraries: LibraryLookup): Promise<unknown> => {
    const file = `${__dirname}/${name}.js`;
    // The calendar's time zones: ICU's data, loaded off this thread while the bundle is read.
    const ready = name === 'calendar' ? warmIntlOffThread() : undefined;
    // Read off the host's thread first; only compiling and running the bundle blocks it.
    const read = async (folder: string | undefined) => (await Promise.all([readBundleFiles(file, folder), ready]))[0];
    if (useCache) {
      try {
        const cached = loadWithCodeCache(file, cacheFolder, await read(cacheFolder), libraries);
        setTimeout(() => cached.saveCache(), SAVE_CACHE_AFTER_MS);
        return cached.exports;
      } catch {
        // The load below, without a cache, reports a real problem with the bundle itself.
      }
    }
    return loadWithCodeCache(file, undefined, await read(undefined), libraries).exports;
  };
  return {
    kind: 'node',
    probe: hostProbe(),
    ...bundleLoads(loadFile),
    demoSeedPath: () => process.env.CERT_STUDY_DEMO_SEED || undefined,
  };
}
