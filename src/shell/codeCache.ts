/**
 * Loads a bundle in the Node extension host through V8's code cache. Loading dist/app.js (375 KB)
 * is the one long block of the extension's first use: 74 ms in a fresh Node process on the build
 * machine, of which compiling the file and the functions its first run needs is about 30 ms. With
 * a cache made after a run (so it holds the functions compiled lazily too) the same load took 45 ms
 * (docs/performance.md). The cache lives in the extension's global storage folder, one file per
 * bundle, named by the SHA-1 of the bundle's source: V8 itself checks only the source's length and
 * its own version and flags, so a new bundle of the same length must not meet an old cache. A
 * cache V8 refuses costs only speed (it compiles anew and the cache is written again); a cache
 * that cannot be written costs the next window speed.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- Node built-ins, loaded when a bundle is */
export interface CachedLoad {
  exports: unknown;
  /** Writes the cache when this load had none (or V8 refused it), off the user's path: call later. */
  saveCache(): void;
}

/** A bundle's source and its code cache as read from disk, and where the cache belongs. */
export interface BundleFiles {
  source: string;
  /** Undefined when the bundle is loaded without a cache. */
  cacheFile: string | undefined;
  cachedData: Buffer | undefined;
}

/**
 * Reads a bundle and its cache without blocking the host: on a busy machine the reads alone were
 * 10 ms of a 23-35 ms block (docs/performance.md, "Blocks over a frame").
 */
export async function readBundleFiles(file: string, cacheFolder: string | undefined): Promise<BundleFiles> {
  const fs = require('node:fs') as typeof import('node:fs');
  const source = await fs.promises.readFile(file, 'utf8');
  const cacheFile = cacheFolder === undefined ? undefined : cacheFileOf(file, cacheFolder, source);
  const cachedData = cacheFile === undefined ? undefined : await fs.promises.readFile(cacheFile).catch(() => undefined); // none yet: this load makes one
  return { source, cacheFile, cachedData };
}

function cacheFileOf(file: string, cacheFolder: string, source: string): string {
  const path = require('node:path') as typeof import('node:path');
  const crypto = require('node:crypto') as typeof import('node:crypto');
  const digest = crypto.createHash('sha1').update(source).update(process.version).digest('hex').slice(0, 16);
  return path.join(cacheFolder, `${path.basename(file)}.${digest}.v8cache`);
}

/**
 * Compiles and runs a bundle read by readBundleFiles: the one part of loading it that blocks the
 * host. `libraries` serves the bundle's `require` first (zod, from dist/zod.js: src/shell/host.ts).
 */
export function loadWithCodeCache(file: string, cacheFolder: string | undefined, read: BundleFiles, libraries: (id: string) => unknown = () => undefined): CachedLoad {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const vm = require('node:vm') as typeof import('node:vm');
  const Module = require('node:module') as typeof import('node:module') & { wrap(source: string): string };
  const { source, cacheFile, cachedData } = read;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  // The bundle's own require: relative to its file, and `vscode` resolved for this extension (VS
  // Code finds the extension by the requiring module's path, which is the bundle's).
  const localRequire = Module.createRequire(file);
  const bundleRequire = (id: string): unknown => libraries(id) ?? localRequire(id);
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, bundleRequire, module, file, path.dirname(file));
  module.loaded = true;
  const needsCache = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache: () => {
      if (!needsCache || cacheFolder === undefined || cacheFile === undefined) return;
      try {
        const data = script.createCachedData();
        fs.mkdirSync(cacheFolder, { recursive: true });
        // Old caches of this bundle (an earlier version) go; the new one is written beside them first.
        const stale = fs.readdirSync(cacheFolder).filter((f) => f.startsWith(`${path.basename(file)}.`) && f !== path.basename(cacheFile));
        fs.writeFile(cacheFile, data, () => stale.forEach((f) => fs.rm(path.join(cacheFolder, f), { force: true }, () => undefined)));
      } catch {
        // A cache that cannot be written costs the next window speed, nothing else.
      }
    },
  };
}
