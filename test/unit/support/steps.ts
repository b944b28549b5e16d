/** Runs a generator of steps to its end: how many times it paused, and what it returned. */
export function drainSteps<Y, T>(steps: Generator<Y, T, undefined>): { pauses: number; value: T } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { pauses, value: next.value };
    pauses++;
  }
}
