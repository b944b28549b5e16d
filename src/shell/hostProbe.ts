import type { HostFigures, HostProbe } from '../app/shellParts';

/** This host's probe, for deactivate() to end the last step. */
let endLastStep: (() => void) | undefined;

/**
 * The benchmarks' view from inside the Node extension host (docs/performance.md), each part on
 * only when its variable is set (two environment lookups otherwise, nothing loaded):
 *  - CERT_STUDY_HOST_PROBE (scripts/bench-activation.mjs, bench-dashboard.mjs): the heap with
 *    garbage collection forced, against what it was at activation, and the longest event-loop
 *    block (Node's event-loop delay monitor, 1 ms resolution, every extension in the host) since
 *    the last step;
 *  - CERT_STUDY_HOST_PROFILE=<folder> (scripts/bench-blocks.mjs): a CPU profile per step
 *    (./hostProfile.ts, loaded from its own bundle), to find the blocks that are ours.
 */
export function hostProbe(): HostProbe | undefined {
  const { CERT_STUDY_HOST_PROBE: figuresOn, CERT_STUDY_HOST_PROFILE: profileFolder } = process.env;
  if (!figuresOn && !profileFolder) return undefined;
  // The heap's baseline first: its forced collection is in no profile.
  const figures = figuresOn ? hostFigures() : undefined;
  const profile = profileFolder ? startProfile(profileFolder) : undefined;
  const endStep = (step: string, last: boolean) => {
    profile?.stop(step);
    const taken = figures?.();
    if (!last) profile?.start();
    return taken;
  };
  endLastStep = () => endStep('at deactivation', true);
  return { endStep: (step) => endStep(step, false) };
}

/** From deactivate(): writes the last step's profile (synchronously: the host exits next). */
export function endHostProbe(): void {
  endLastStep?.();
  endLastStep = undefined;
}

/**
 * dist/hostProfile.js, a bundle of its own (esbuild.js) so that the shell carries none of it; not
 * in the .vsix (.vscodeignore): the benchmarks run the extension from a build.
 */
function startProfile(folder: string) {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- literal, left to Node by esbuild (external)
    return (require('./hostProfile.js') as typeof import('./hostProfile')).startHostProfile(folder);
  } catch (err) {
    console.error(`[cert-study] CERT_STUDY_HOST_PROFILE: no profile (${String(err)})`);
    return undefined;
  }
}

function hostFigures(): () => HostFigures {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const v8 = require('node:v8') as typeof import('node:v8');
  const vm = require('node:vm') as typeof import('node:vm');
  const { monitorEventLoopDelay } = require('node:perf_hooks') as typeof import('node:perf_hooks');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The extension host runs without --expose-gc: the flag, then a fresh context, gives `gc`.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const baseline = heap();
  return () => {
    const longestBlockMs = delay.max / 1e6;
    delay.reset();
    return { heapAddedMb: (heap() - baseline) / 2 ** 20, longestBlockMs };
  };
}
