// How long loading one bundle takes in a fresh plain Node process, the way the Node extension
// host's shell loads it (src/shell/codeCache.ts: vm.Script, with or without V8's code cache).
// `vscode` is a stand-in that answers every property with itself, enough for module bodies (no
// behaviour is exercised). scripts/bench.mjs runs it once per measurement, in a fresh process:
//   node --import tsx scripts/bench/bundleLoad.ts <bundle> <cacheFolder> [--no-cache]
// The first run with a folder writes the cache (as the shell does a few seconds after a load).
// app.js and team.js take zod from dist/zod.js, which the shell loads first, in a turn of its own
// (src/shell/host.ts): the same here, timed apart as zodMs.
// Prints one JSON line: { file, zodMs, ms, cpuMs, cached, steps, longestStep }.
import Module from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { librariesIn, type Libraries } from '../../src/shell/host';
import { loadWithCodeCache, readBundleFiles } from '../../src/shell/codeCache';

const [file, cacheFolderArg, flag] = process.argv.slice(2);
const noCache = flag === '--no-cache';

const anything: object = new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : anything),
  apply: () => anything,
  construct: () => anything,
});
const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? anything : originalLoad.call(this, request, ...rest);
};

const cacheFolder = noCache ? mkdtempSync(join(tmpdir(), 'bundle-load-')) : resolve(cacheFolderArg);
async function main() {
  // Read first, as the host does (off its thread); the figure is the part that blocks: compile and run.
  let zodMs = 0;
  let libraries: (id: string) => unknown = () => undefined;
  const readBundle = await readBundleFiles(resolve(file), cacheFolder);
  const saves: (() => void)[] = [];
  if (/require\("zod(\/mini)?"\)/.test(readBundle.source)) {
    const zodFile = join(dirname(resolve(file)), 'zod.js');
    const zodRead = await readBundleFiles(zodFile, cacheFolder);
    const z0 = performance.now();
    const zod = loadWithCodeCache(zodFile, cacheFolder, zodRead);
    zodMs = performance.now() - z0;
    libraries = librariesIn(zod.exports as Libraries);
    saves.push(() => zod.saveCache());
    await new Promise((r) => setImmediate(r));
  }
  const read = readBundle;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = loadWithCodeCache(resolve(file), cacheFolder, read, libraries);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // dist/app.js runs its modules' bodies in steps after the load (src/app/moduleSteps.ts): time those too.
  const { initializeModules } = loaded.exports as { initializeModules?: () => Promise<{ name: string; ms: number }[]> };
  const steps = (await initializeModules?.()) ?? [];
  if (noCache) rmSync(cacheFolder, { recursive: true, force: true });
  else [() => loaded.saveCache(), ...saves].forEach((save) => save());
  const round = (n: number) => +n.toFixed(1);
  const longestStep = steps.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0 });
  console.log(
    JSON.stringify({ file, zodMs: round(zodMs), ms: round(ms), cpuMs: round((cpu.user + cpu.system) / 1000), cached: !noCache, steps: steps.map((s) => [s.name, round(s.ms)]), longestStep: [longestStep.name, round(longestStep.ms)] }),
  );
}

void main();
