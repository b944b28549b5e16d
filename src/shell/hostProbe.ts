import type { HostProbe } from '../app/shellParts';

/**
 * Figures from inside the Node extension host for the benchmarks (docs/performance.md), on only
 * when CERT_STUDY_HOST_PROBE is set (scripts/bench-activation.mjs and bench-dashboard.mjs set it
 * for code-server): the heap with garbage collection forced, against what it was when the
 * extension was activated, and the longest event-loop block (Node's event-loop delay monitor, at
 * 1 ms resolution) since the last time it was asked. Off, it costs one environment lookup.
 */
export function hostProbe(): HostProbe | undefined {
  if (!process.env.CERT_STUDY_HOST_PROBE) return undefined;
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
  return {
    heapAddedMb: () => (heap() - baseline) / 2 ** 20,
    longestBlockMs: () => {
      const ms = delay.max / 1e6;
      delay.reset();
      return ms;
    },
  };
}
