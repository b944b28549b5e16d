// How long loading one bundle takes in a fresh plain Node process, the way the Node extension
// host's shell loads it (src/shell/codeCache.ts: vm.Script, with or without V8's code cache).
// `vscode` is a stand-in that answers every property with itself, enough for module bodies (no
// behaviour is exercised). scripts/bench.mjs runs it once per measurement, in a fresh process:
//   node --import tsx scripts/bench/bundleLoad.ts <bundle> <cacheFolder> [--no-cache]
// The first run with a folder writes the cache (as the shell does a few seconds after a load).
// Prints one JSON line: { file, ms, cpuMs, cached, steps, longestStep }.
import Module from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  const read = await readBundleFiles(resolve(file), cacheFolder);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = loadWithCodeCache(resolve(file), cacheFolder, read);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // dist/app.js runs its modules' bodies in steps after the load (src/app/moduleSteps.ts): time those too.
  const { initializeModules } = loaded.exports as { initializeModules?: () => Promise<{ name: string; ms: number }[]> };
  const steps = (await initializeModules?.()) ?? [];
  if (noCache) rmSync(cacheFolder, { recursive: true, force: true });
  else loaded.saveCache();
  const round = (n: number) => +n.toFixed(1);
  const longestStep = steps.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0 });
  console.log(
    JSON.stringify({ file, ms: round(ms), cpuMs: round((cpu.user + cpu.system) / 1000), cached: !noCache, steps: steps.map((s) => [s.name, round(s.ms)]), longestStep: [longestStep.name, round(longestStep.ms)] }),
  );
}

void main();
