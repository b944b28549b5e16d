import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadWithCodeCache, readBundleFiles } from '../../src/shell/codeCache';

/** The code cache is written after the save call's own write finishes (an fs callback). */
const written = (folder: string, count: number, except?: string) =>
  new Promise<string[]>((resolve, reject) => {
    const deadline = Date.now() + 5000;
    const look = () => {
      const files = readdirSync(folder);
      if (files.length === count && !files.includes(except ?? '')) resolve(files);
      else if (Date.now() > deadline) reject(new Error(`${files.join(', ')} in ${folder}`));
      else setTimeout(look, 10);
    };
    look();
  });

describe('V8 code cache for the bundles (Node host)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cert-study-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a bundle read off the host’s thread as a CommonJS module, writes its cache once, and the next load uses it', async () => {
    const bundle = path.join(dir, 'app.js');
    const cache = path.join(dir, 'cache');
    writeFileSync(bundle, "const path = require('node:path'); exports.name = path.basename(__filename); exports.answer = () => 42;");
    const none = await readBundleFiles(bundle, cache);
    assert.equal(none.cachedData, undefined);
    const first = loadWithCodeCache(bundle, cache, none);
    assert.deepEqual([(first.exports as { name: string }).name, (first.exports as { answer(): number }).answer()], ['app.js', 42]);
    first.saveCache();
    const [file] = await written(cache, 1);
    assert.match(file!, /^app\.js\.[0-9a-f]{16}\.v8cache$/);

    const read = await readBundleFiles(bundle, cache);
    assert.equal(path.basename(read.cacheFile ?? ''), file);
    assert.ok(read.cachedData && read.cachedData.length > 0, 'the cache was read');
    const second = loadWithCodeCache(bundle, cache, read);
    assert.equal((second.exports as { answer(): number }).answer(), 42);
    second.saveCache(); // the cache was used: nothing to write
    assert.deepEqual(readdirSync(cache), [file]);
  });

  it('never meets a cache made for other source of the same length: a new bundle gets its own, and the old one goes', async () => {
    const bundle = path.join(dir, 'app.js');
    const cache = path.join(dir, 'cache');
    writeFileSync(bundle, 'exports.version = 1;');
    const old = loadWithCodeCache(bundle, cache, await readBundleFiles(bundle, cache));
    old.saveCache();
    const [oldFile] = await written(cache, 1);
    writeFileSync(bundle, 'exports.version = 2;'); // same length
    const next = loadWithCodeCache(bundle, cache, await readBundleFiles(bundle, cache));
    assert.equal((next.exports as { version: number }).version, 2);
    next.saveCache();
    // The new cache, and the old one removed once it is written.
    const files = await written(cache, 1, oldFile);
    assert.match(files[0]!, /^app\.js\.[0-9a-f]{16}\.v8cache$/);
  });
});
