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
 * A turn of the event loop for the host, in both extension hosts. In Node, setImmediate: it runs
 * after the loop has polled for I/O (VS Code's messages to the host), where a chain of
 * setTimeout(0) can run timer after timer without polling; the web worker has no setImmediate.
 */
export const nextTurn = (): Promise<void> =>
  typeof setImmediate === 'function' ? new Promise<void>((resolve) => setImmediate(resolve)) : new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs steps until `budgetMs` have passed, gives the event loop a turn, and goes on: a slice
 * takes at most the budget plus one step. Says how long each slice took.
 */
export async function runInSlices<T>(steps: Steps<T>, budgetMs = 3, pause: () => Promise<void> = nextTurn): Promise<{ value: T; slices: Slice[] }> {
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
    slices.push({ steps: names, ms: performance.now() - start });
    if (next.done) return { value: next.value, slices };
    await pause();
  }
}
