/**
 * CERT_STUDY_HOST_PROFILE=<folder>: V8's sampling profiler over the whole Node extension host,
 * through the in-process inspector, from activation on; at the end of each step (./hostProbe.ts)
 * the samples so far are written as <folder>/host-<pid>/<nn>-<step>.cpuprofile and sampling starts
 * again. index.json beside them names the steps, the bundles' folder and the activation instant,
 * for scripts/bench/hostBlocks.mjs. Writing happens while sampling is stopped, so it is in no
 * profile. A bundle of its own (dist/hostProfile.js), which ./hostProbe.ts requires only when the
 * variable is set.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- Node built-ins, loaded only when profiling */
import type { TurnProbe } from '../core/util/turns';

/** core/util/turns.ts's TURN_PROBE (the same global symbol; the shell imports no core code). */
const TURN_PROBE = Symbol.for('certStudy.turnProbe');
export interface HostProfile {
  /** Stops sampling and writes the samples since the last start as the profile of `step`. */
  stop(step: string): void;
  start(): void;
}

/** The longest piece of stepped work of a kind in a profile's step, in ms; CPU null where the OS does not say. */
interface LongestWork {
  wallMs: number;
  cpuMs: number | null;
}

/** This thread's CPU time so far in ms (Linux: /proc/thread-self/schedstat), or undefined elsewhere. */
function threadCpuMs(fs: typeof import('node:fs')): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** 250 µs: a 16 ms block is about 64 samples; V8's default (1 ms) would blur where one starts. */
const SAMPLING_INTERVAL_US = 250;

export function startHostProfile(folder: string): HostProfile {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { Session } = require('node:inspector') as typeof import('node:inspector');
  // One folder per host: a reloaded window's new host writes beside the old one.
  const dir = path.join(folder, `host-${process.pid}`);
  const index = {
    pid: process.pid,
    /** This bundle's folder: the analysis counts frames from its bundles as ours. */
    dist: __dirname,
    /** Activation on the profiles' clock (V8's and hrtime's: the monotonic clock, in µs) and on the wall clock. */
    activation: { monotonicUs: Number(process.hrtime.bigint() / 1000n), wallMs: Date.now() },
    samplingIntervalUs: SAMPLING_INTERVAL_US,
    profiles: [] as { file: string; step: string; loopDelayMaxMs: number; turnStartsUs: number[]; longestWork: Record<string, LongestWork> }[],
  };
  // The probe of core/util/turns.ts. Where each of our turns started (the same clock as the
  // profiles'): the host polled for messages just before each, so scripts/bench/hostBlocks.mjs
  // cuts a run of our samples there; without the marks, steps with nothing waiting in between
  // read as one block. And, for the longest piece of stepped work of each kind, its wall-clock
  // time beside the host thread's own CPU time (Linux's schedstat, ns on the CPU): on a busy
  // two-core machine a turn can be long because the thread was not running, not because it worked.
  let turnStartsUs: number[] = [];
  let longestWork: Record<string, LongestWork> = {};
  let cpuAtWorkStart: number | undefined;
  const probe: TurnProbe = {
    turnStarted: () => void turnStartsUs.push(Number(process.hrtime.bigint() / 1000n)),
    workBegan: () => void (cpuAtWorkStart = threadCpuMs(fs)),
    workEnded: (kind, wallMs) => {
      const cpu = threadCpuMs(fs);
      if (wallMs <= (longestWork[kind]?.wallMs ?? -1)) return;
      longestWork[kind] = { wallMs, cpuMs: cpu !== undefined && cpuAtWorkStart !== undefined ? cpu - cpuAtWorkStart : null };
    },
  };
  (globalThis as { [key: symbol]: unknown })[TURN_PROBE] = probe;
  // The event loop's own delay monitor: its longest delay in a step is the longest time the host
  // could not run anything else, ours or another extension's.
  const { monitorEventLoopDelay } = require('node:perf_hooks') as typeof import('node:perf_hooks');
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const session = new Session();
  session.connect();
  // The in-process session answers before post() returns; deactivate() relies on it (the host
  // exits right after), so it is checked rather than assumed.
  const post = <T>(method: string, params?: object): T => {
    let answer: { err: Error | null; result: unknown } | undefined;
    session.post(method, params, (err, result) => (answer = { err, result }));
    if (!answer) throw new Error(`the inspector did not answer ${method} synchronously`);
    if (answer.err) throw answer.err;
    return answer.result as T;
  };
  const writeIndex = () => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index, null, 1));
  fs.mkdirSync(dir, { recursive: true });
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  let running = false;
  const start = () => {
    if (running) return;
    post('Profiler.start');
    running = true;
  };
  writeIndex();
  start();
  return {
    stop(step) {
      if (!running) return;
      running = false;
      const { profile } = post<{ profile: object }>('Profiler.stop');
      const loopDelayMaxMs = loopDelay.max / 1e6;
      const file = `${String(index.profiles.length + 1).padStart(2, '0')}-${step.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`;
      try {
        fs.writeFileSync(path.join(dir, file), JSON.stringify(profile));
        index.profiles.push({ file, step, loopDelayMaxMs, turnStartsUs, longestWork });
        writeIndex();
      } catch (err) {
        console.error(`[cert-study host profile] ${String(err)}`);
      }
      // After the monitor has recorded this write's own delay (its timer is due first), not before.
      setTimeout(() => loopDelay.reset(), 0);
    },
    start() {
      turnStartsUs = [];
      longestWork = {};
      start();
    },
  };
}
