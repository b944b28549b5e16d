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
    // Read off the host's thread first; only compiling and running the bundle blocks it. A cache
    // V8 refuses is not an error (it compiles anew, and the cache is written again), so a failure
    // here is the bundle's own and is reported as it is, once.
    const folder = useCache ? cacheFolder : undefined;
    const [files] = await Promise.all([readBundleFiles(file, folder), ready]);
    const loaded = loadWithCodeCache(file, folder, files, libraries);
    if (folder) setTimeout(() => loaded.saveCache(), SAVE_CACHE_AFTER_MS);
    return loaded.exports;
  };
  return {
    kind: 'node',
    probe: hostProbe(),
    ...bundleLoads(loadFile),
    demoSeedPath: () => process.env.CERT_STUDY_DEMO_SEED || undefined,
  };
}
