#!/usr/bin/env node
// The blocks of the Node extension host that are ours, from the CPU profiles that
// CERT_STUDY_HOST_PROFILE=<folder> makes it write (src/shell/hostProfile.ts): a block is a run of
// consecutive samples whose stack holds a frame from our bundles (dist/extension.js, zod.js, app.js,
// team.js, calendar.js); an (idle) sample, any sample without our frames, or the start of one of
// our turns (marked by src/core/util/turns.ts) ends it, and (garbage collector) samples between
// two of ours count as part of it. Each block over the budget
// is printed with its step, its start since activation, its length and its heaviest frames, named
// through the bundles' source maps (`node esbuild.js --production --maps`). Reports only.
//   node scripts/bench/hostBlocks.mjs <folder> [--budget 16] [--top 5]
// <folder>: the variable's folder (each host-<pid>/ in it, one per extension host) or one host-<pid>/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLES = ['extension.js', 'zod.js', 'app.js', 'team.js', 'calendar.js'];
/**
 * The shell's code cache (src/shell/codeCache.ts) compiles a bundle as Module.wrap(source): on its
 * first line V8's columns are then this much to the right of the file's. Such a bundle shows the
 * wrapper itself as a function at line 0, column 10 (after `(function `) when it is loaded.
 */
const WRAPPER_PREFIX = /** @type {{ wrap(s: string): string }} */ (/** @type {unknown} */ (Module)).wrap('').indexOf('\n');
const WRAPPER_COLUMN = '(function '.length;

// ---- source maps -------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/**
 * A source map's `mappings`, decoded: per generated line, its segments [column, source, line,
 * column, name] (name -1 when none), in column order.
 * @param {string} mappings
 * @returns {number[][][]}
 */
function decodeMappings(mappings) {
  /** @type {number[][][]} */
  const lines = [];
  /** @type {number[][]} */
  let line = [];
  let column = 0;
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  /** @type {number[]} */
  let fields = [];
  let value = 0;
  let shift = 0;
  const endSegment = () => {
    if (fields.length === 0) return;
    column += fields[0];
    if (fields.length >= 4) {
      source += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      if (fields.length >= 5) name += fields[4];
      line.push([column, source, sourceLine, sourceColumn, fields.length >= 5 ? name : -1]);
    }
    fields = [];
  };
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 44 /* , */) {
      endSegment();
    } else if (c === 59 /* ; */) {
      endSegment();
      lines.push(line);
      line = [];
      column = 0;
    } else {
      const digit = B64_VALUE[c];
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
  }
  endSegment();
  lines.push(line);
  return lines;
}

/**
 * A bundle's map, loaded once: resolves a function's position (V8's callFrame: 0-based line and
 * column, the column at its parameter list) to its source file, line and original name.
 * @param {string} bundle the bundle's path
 */
function sourceMapOf(bundle) {
  const file = `${bundle}.map`;
  if (!existsSync(file)) return undefined;
  const map = JSON.parse(readFileSync(file, 'utf8'));
  const lines = decodeMappings(map.mappings);
  /** @type {string[]} */
  const sources = map.sources.map((/** @type {string} */ s) => {
    const absolute = resolve(dirname(file), map.sourceRoot ?? '', s);
    // Sources of a build made elsewhere (scripts/bench-blocks.mjs builds into its run folder) point back into the repository.
    return absolute.startsWith(REPO_ROOT + '/') ? relative(REPO_ROOT, absolute) : absolute;
  });
  return {
    /**
     * @param {number} line
     * @param {number} column
     * @param {string} v8Name V8's name for the function (minified)
     */
    resolve(line, column, v8Name) {
      const segments = lines[line] ?? [];
      let lo = 0;
      let hi = segments.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segments[mid][0] <= column) {
          at = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (at < 0) return undefined;
      // esbuild maps a renamed identifier with its original name: the function's is just before
      // its parameter list (where V8 puts the function).
      let name;
      if (v8Name && !v8Name.includes('.')) {
        for (let i = at; i >= 0 && segments[i][0] >= column - v8Name.length - 7; i--) {
          const s = segments[i];
          // `function a(` / `a=(` / `a=async(`
          if (s[4] >= 0 && [0, 1, 6].includes(column - v8Name.length - s[0])) {
            name = map.names[s[4]];
            break;
          }
        }
      }
      const s = segments[at];
      return { source: sources[s[1]], line: s[2] + 1, name };
    },
  };
}

// ---- frames ------------------------------------------------------------------------------------

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} CpuProfile
 */

/** A frame's file as a path (CommonJS modules come as file:// URLs, vm.Script ones as paths). */
const pathOf = (/** @type {string} */ url) => (url.startsWith('file://') ? fileURLToPath(url) : url);

/** The package or source file a resolved frame is in, for the per-file sums. */
function ownerOf(/** @type {string} */ source) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? `node_modules/${m[1]}` : source;
}

/**
 * Names frames: ours (the bundles in `dist`, where the host loaded them) through the maps in
 * `mapsDir`, the rest by what V8 says.
 */
function frameNamer(/** @type {string} */ dist, /** @type {string} */ mapsDir, /** @type {Set<string>} */ wrapped) {
  const ours = new Map(BUNDLES.map((b) => [join(dist, b), b]));
  /** @type {Map<string, ReturnType<typeof sourceMapOf>>} */
  const maps = new Map();
  /** @type {Map<string, string[]>} the bundles' lines, for the code of an unmapped frame */
  const texts = new Map();
  /** @type {Map<CallFrame, { ours: boolean, label: string, owner: string }>} */
  const cache = new Map();
  return (/** @type {CallFrame} */ frame) => {
    const key = frame;
    let named = cache.get(key);
    if (named) return named;
    const file = pathOf(frame.url);
    const bundle = ours.get(file);
    const shift = wrapped.has(frame.url) && frame.lineNumber === 0 ? WRAPPER_PREFIX : 0;
    if (bundle && shift && frame.columnNumber === WRAPPER_COLUMN) {
      named = { ours: true, label: `(the module's top level) dist/${bundle}`, owner: `dist/${bundle} (top level)` };
    } else if (bundle) {
      frame = { ...frame, columnNumber: frame.columnNumber - shift };
      if (!maps.has(file)) maps.set(file, sourceMapOf(join(mapsDir, bundle)));
      const at = maps.get(file)?.resolve(frame.lineNumber, frame.columnNumber, frame.functionName);
      if (at) {
        const name = at.name ?? (frame.functionName && !frame.functionName.includes('.') ? frame.functionName : '(anonymous)');
        named = { ours: true, label: `${name} ${at.source}:${at.line}`, owner: ownerOf(at.source) };
      } else {
        // Not in the map: esbuild's own helpers at the top of the bundle (or no map beside it),
        // shown with their code. V8 counts a lazy compile in the caller, so the lazy-init helper's
        // self time is compiling the module body it calls (checked with a 40,000-line function).
        if (!texts.has(file)) texts.set(file, existsSync(join(mapsDir, bundle)) ? readFileSync(join(mapsDir, bundle), 'utf8').split('\n') : []);
        const code = texts.get(file)?.[frame.lineNumber]?.slice(frame.columnNumber, frame.columnNumber + 36) ?? '';
        // esbuild's lazy init of a module: `fn && (res = fn(fn = 0))`, minified.
        const init = /\b(\w+)&&\(\w+=\1\(\1=0\)\)/.test(code) ? ' (esbuild lazy module init: self time = compiling the module it calls)' : '';
        named = { ours: true, label: `${frame.functionName || '(anonymous)'} dist/${bundle}:${frame.lineNumber + 1}:${frame.columnNumber}${code ? ` \`${code}…\`` : ''}${init}`, owner: `dist/${bundle} (esbuild helpers${init ? ': compiling modules' : ''})` };
      }
    } else if (!frame.url) {
      const special = /^\(.*\)$/.test(frame.functionName);
      named = { ours: false, label: special ? frame.functionName : `${frame.functionName || '(anonymous)'} (native)`, owner: special ? frame.functionName : '(native)' };
    } else {
      // Node's own modules, VS Code's extension host, another extension: named by their last path parts.
      const short = file.startsWith('node:') ? file : file.split('/').slice(-2).join('/');
      named = { ours: false, label: `${frame.functionName || '(anonymous)'} ${short}:${frame.lineNumber + 1}`, owner: short };
    }
    cache.set(key, named);
    return named;
  };
}

// ---- blocks ------------------------------------------------------------------------------------

/**
 * @typedef {object} Block
 * @property {string} step the profile's step (where the host ended it)
 * @property {number} startMs since activation
 * @property {number} wallMs the wall clock at its start (for the driver's steps)
 * @property {number} ms its length
 * @property {number} gcMs garbage collection inside it
 * @property {{ label: string, ms: number }[]} entries the outermost frames of ours (what started it)
 * @property {{ label: string, ms: number }[]} self self time by function (a frame not ours named with the nearest of ours)
 * @property {{ label: string, ms: number }[]} owners self time by source file or package
 */

/**
 * Reads one extension host's profiles.
 * @param {string} hostDir a host-<pid>/ folder
 * @param {{ budgetMs?: number, top?: number }} [options]
 */
export function analyzeHost(hostDir, { budgetMs = 16, top = 5 } = {}) {
  const index = JSON.parse(readFileSync(join(hostDir, 'index.json'), 'utf8'));
  // The maps are looked for where the host loaded the bundles, else beside the profiles (bench-blocks --out copies them there).
  const mapsDir = [index.dist, join(hostDir, 'dist'), join(hostDir, '..', 'dist')].find((d) => existsSync(join(d, 'app.js.map'))) ?? index.dist;
  /** @type {CpuProfile[]} */
  const loaded = index.profiles.map((/** @type {{ file: string }} */ p) => JSON.parse(readFileSync(join(hostDir, p.file), 'utf8')));
  const wrapped = new Set(
    loaded.flatMap((p) => p.nodes.filter((n) => n.callFrame.lineNumber === 0 && n.callFrame.columnNumber === WRAPPER_COLUMN && !n.callFrame.functionName).map((n) => n.callFrame.url)),
  );
  const frameName = frameNamer(index.dist, mapsDir, wrapped);
  const toActivationMs = (/** @type {number} */ us) => (us - index.activation.monotonicUs) / 1000;
  /** @type {{ step: string, file: string, fromMs: number, toMs: number, blocks: Block[], longest: Block | undefined, ourCpuMs: number, ourSamples: number, loopDelayMaxMs: number | undefined, longestWork: Record<string, { wallMs: number, cpuMs: number | null }> | undefined }[]} */
  const steps = [];
  for (const [i, { file, step, loopDelayMaxMs }] of index.profiles.entries()) {
    const profile = loaded[i];
    /** @type {Map<number, ProfileNode>} */
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    /** @type {Map<number, number>} */
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    /** Per node: the stack's frames of ours, innermost first, and whether it is GC or idle. */
    /** @type {Map<number, { ours: ProfileNode[], gc: boolean }>} */
    const stacks = new Map();
    const stackOf = (/** @type {number} */ id) => {
      let s = stacks.get(id);
      if (s) return s;
      const node = /** @type {ProfileNode} */ (byId.get(id));
      const up = parent.has(id) ? stackOf(/** @type {number} */ (parent.get(id))) : { ours: [], gc: false };
      s = { ours: frameName(node.callFrame).ours ? [node, ...up.ours] : up.ours, gc: node.callFrame.functionName === '(garbage collector)' };
      stacks.set(id, s);
      return s;
    };
    // Sample i lasts from its time to the next one's (the last one to the profile's end).
    const times = new Float64Array(profile.samples.length + 1);
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      times[i] = t;
    }
    times[profile.samples.length] = Math.max(t, profile.endTime);
    /** @type {Block[]} */
    const blocks = [];
    let ourCpuUs = 0;
    let ourSamples = 0;
    /** @type {[number, number] | undefined} first and last sample of ours in the open block */
    let open;
    const close = () => {
      if (!open) return;
      const [first, last] = open;
      open = undefined;
      /** @type {Map<string, number>} */ const entries = new Map();
      /** @type {Map<string, number>} */ const self = new Map();
      /** @type {Map<string, number>} */ const owners = new Map();
      let gcUs = 0;
      for (let i = first; i <= last; i++) {
        const us = times[i + 1] - times[i];
        const node = /** @type {ProfileNode} */ (byId.get(profile.samples[i]));
        const stack = stackOf(node.id);
        if (stack.gc) gcUs += us;
        const leaf = frameName(node.callFrame);
        const nearest = stack.ours[0] ? frameName(stack.ours[0].callFrame) : undefined;
        const outer = stack.ours.at(-1);
        if (outer) entries.set(frameName(outer.callFrame).label, (entries.get(frameName(outer.callFrame).label) ?? 0) + us);
        const label = leaf.ours || !nearest ? leaf.label : `${leaf.label} ← ${nearest.label}`;
        self.set(label, (self.get(label) ?? 0) + us);
        const owner = leaf.ours ? leaf.owner : stack.gc ? '(garbage collector)' : nearest ? `${nearest.owner} → ${leaf.owner}` : leaf.owner;
        owners.set(owner, (owners.get(owner) ?? 0) + us);
      }
      const ranked = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
        [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([label, us]) => ({ label, ms: us / 1000 }));
      blocks.push({
        step,
        startMs: toActivationMs(times[first]),
        wallMs: index.activation.wallMs + toActivationMs(times[first]),
        ms: (runEnd(last) - times[first]) / 1000,
        gcMs: gcUs / 1000,
        entries: ranked(entries, 2),
        self: ranked(self, top),
        owners: ranked(owners, top),
      });
    };
    // Where our turns started (src/core/util/turns.ts, through the profile's hook): the host
    // polled for messages just before each, so a run of our samples ends there even when no
    // idle sample shows it. Profiles made before the marks existed have none (runs then merge).
    /** @type {number[]} */
    const turnStarts = [...(index.profiles[i].turnStartsUs ?? [])].sort((a, b) => a - b);
    let nextMark = 0;
    // A run ends at its last sample's end, or where our next turn started if that came first: a
    // sample's time runs to the next sample, and when the sampler itself was late (a busy machine)
    // that stretched a run over the turns in between.
    const runEnd = (/** @type {number} */ last) => {
      const end = times[last + 1];
      const mark = turnStarts.find((m) => m > times[last]);
      return mark !== undefined && mark < end ? mark : end;
    };
    // Set when a turn started after the open run's last sample of ours; kept over collector
    // samples, so the next sample of ours starts a new run.
    let newTurn = false;
    for (let i = 0; i < profile.samples.length; i++) {
      const stack = stackOf(profile.samples[i]);
      for (; nextMark < turnStarts.length && turnStarts[nextMark] <= times[i]; nextMark++) if (open && turnStarts[nextMark] > times[open[1]]) newTurn = true;
      if (stack.ours.length > 0) {
        ourCpuUs += times[i + 1] - times[i];
        ourSamples++;
        if (newTurn) close();
        newTurn = false;
        open = open ? [open[0], i] : [i, i];
      } else if (!(stack.gc && open)) {
        // Not ours and not a collection inside a run of ours: the run ends at its last sample of ours.
        close();
      }
    }
    close();
    const longest = blocks.reduce((a, b) => (!a || b.ms > a.ms ? b : a), /** @type {Block | undefined} */ (undefined));
    steps.push({ step, file, fromMs: toActivationMs(profile.startTime), toMs: toActivationMs(profile.endTime), blocks, longest, ourCpuMs: ourCpuUs / 1000, ourSamples, loopDelayMaxMs, longestWork: index.profiles[i].longestWork });
  }
  return { index, mapsDir, steps, over: steps.flatMap((s) => s.blocks.filter((b) => b.ms > budgetMs)) };
}

/** The host-<pid>/ folders under `folder` (or `folder` itself), oldest activation first. */
export function hostDirs(/** @type {string} */ folder) {
  if (existsSync(join(folder, 'index.json'))) return [folder];
  return readdirSync(folder)
    .filter((d) => d.startsWith('host-') && existsSync(join(folder, d, 'index.json')))
    .map((d) => join(folder, d))
    .sort((a, b) => JSON.parse(readFileSync(join(a, 'index.json'), 'utf8')).activation.wallMs - JSON.parse(readFileSync(join(b, 'index.json'), 'utf8')).activation.wallMs);
}

const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;

/** One block, on a few lines: where, how long, what ran. */
export function formatBlock(/** @type {Block} */ b, /** @type {string} */ indent = '  ') {
  const list = (/** @type {{ label: string, ms: number }[]} */ xs) => xs.map((x) => `${x.ms.toFixed(1)} ${x.label}`).join('; ');
  return [
    `${indent}${ms(b.ms)} at +${b.startMs.toFixed(0)} ms since activation [${b.step}]${b.gcMs >= 1 ? `, of which GC ${ms(b.gcMs)}` : ''}`,
    `${indent}  entered by: ${list(b.entries)}`,
    `${indent}  self time:  ${list(b.self)}`,
    `${indent}  by file:    ${list(b.owners)}`,
  ].join('\n');
}

/** A block on one line, for a table: its length, what entered it, its heaviest files (GC apart). */
export function blockSummary(/** @type {Block} */ b) {
  const entry = b.entries[0]?.label.replace(/ (?:src\/|node_modules\/)?(?:[^ ]*\/)?([^/ ]+:\d+)/, ' ($1)') ?? '?';
  const files = b.owners
    .filter((o) => o.label !== '(garbage collector)')
    .slice(0, 3)
    .map((o) => `${o.label.replace(/^src\//, '')} ${o.ms.toFixed(0)}`);
  return `${b.ms.toFixed(1)} ms at +${b.startMs.toFixed(0)}: ${entry}: ${files.join(', ')}${b.gcMs >= 1 ? `, GC ${b.gcMs.toFixed(0)}` : ''}`;
}

/** Prints every step of one host: the longest block of ours, our CPU, the blocks over budget. */
export function printHost(/** @type {ReturnType<typeof analyzeHost>} */ host, /** @type {number} */ budgetMs) {
  console.log(`extension host ${host.index.pid}: bundles ${host.index.dist}, maps ${host.mapsDir}`);
  for (const s of host.steps) {
    console.log(
      `  ${s.step} (+${s.fromMs.toFixed(0)} to +${s.toMs.toFixed(0)} ms): our longest run of samples ${s.longest ? ms(s.longest.ms) : '—'} (budget ${budgetMs} ms), the event loop's longest block ${s.loopDelayMaxMs === undefined ? '—' : ms(s.loopDelayMaxMs)} (every extension), our CPU ${ms(s.ourCpuMs)}, ${s.blocks.filter((b) => b.ms > budgetMs).length} runs over budget`,
    );
    if (s.longestWork) console.log(`    our stepped work's longest turn of each kind, wall clock (the host thread's CPU): ${longestWorkText(s.longestWork)}`);
    for (const b of s.blocks.filter((x) => x.ms > budgetMs)) console.log(formatBlock(b, '    '));
  }
}

/** `module step 9.5 ms (6.1 CPU), ...` from a profile step's longestWork (src/shell/hostProfile.ts). */
export function longestWorkText(/** @type {Record<string, { wallMs: number, cpuMs: number | null }>} */ longestWork) {
  const kinds = Object.entries(longestWork);
  if (!kinds.length) return 'none';
  return kinds.map(([kind, w]) => `${kind} ${ms(w.wallMs)} (${w.cpuMs === null ? '?' : w.cpuMs.toFixed(1)} CPU)`).join(', ');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { budget: { type: 'string', default: '16' }, top: { type: 'string', default: '5' } } });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/bench/hostBlocks.mjs <folder> [--budget 16] [--top 5]');
    process.exit(2);
  }
  const budgetMs = Number(values.budget);
  for (const dir of hostDirs(positionals[0])) printHost(analyzeHost(dir, { budgetMs, top: Number(values.top) }), budgetMs);
}
