/**
 * Long computations as generators: each `yield` ends a step (a few milliseconds at most) and names
 * it. `runSteps` runs them all at once; `runInSlices` runs them a slice at a time with a turn of
 * the event loop between slices, so that no slice blocks the extension host for a frame (docs/
 * performance.md, "Blocks over a frame"). Both give the same result: the steps decide nothing.
 */
export type Steps<T> = Generator<string, T, undefined>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** One slice: the steps run in it and how long it took (ms, wall clock). */
export interface Slice {
  steps: string[];
  ms: number;
}

/**
 * A turn of the event loop for the host, in both extension hosts, and straight back. In Node,
 * setImmediate: it runs after the loop has polled for I/O (VS Code's messages to the host),
 * without the 1 ms floor of setTimeout(0), and where a chain of setTimeout(0) can run timer after
 * timer without polling; the web worker has no setImmediate. The logs' slices use it too.
 */
export const nextTurn = (): Promise<void> =>
  typeof setImmediate === 'function' ? new Promise<void>((resolve) => setImmediate(resolve)) : new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs steps until `budgetMs` have passed, gives the event loop a turn, and goes on: a slice
 * takes at most the budget plus one step. Says how long each slice took.
 */
export async function runInSlices<T>(steps: Steps<T>, budgetMs = 3, pause: () => Promise<void> = nextTurn, kind = 'slices'): Promise<{ value: T; slices: Slice[] }> {
  const slices: Slice[] = [];
  for (;;) {
    const start = performance.now();
    const names: string[] = [];
    let next = steps.next();
    while (!next.done) {
      names.push(next.value);
      if (performance.now() - start >= budgetMs) break;
      next = steps.next();
    }
    const ms = performance.now() - start;
    slices.push({ steps: names, ms });
    noteTurn(kind, ms);
    if (next.done) return { value: next.value, slices };
    await pause();
  }
}

/**
 * The longest turn of each kind of stepped work since the last look, in ms: the benchmarks' view
 * of our own turns in the extension host (the log prints them when CERT_STUDY_HOST_PROBE or
 * CERT_STUDY_HOST_PROFILE is set; docs/performance.md). A map write per turn otherwise.
 */
const longestTurns = new Map<string, number>();

export function noteTurn(kind: string, ms: number): void {
  if (ms > (longestTurns.get(kind) ?? 0)) longestTurns.set(kind, ms);
}

/** The longest turn of each kind since the last call, and forgets them. */
export function takeLongestTurns(): ReadonlyMap<string, number> {
  const taken = new Map(longestTurns);
  longestTurns.clear();
  return taken;
}
