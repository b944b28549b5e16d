import { nextTurn, turnProbe } from './turns';

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

/** How runInSlices runs its steps; every field has a default. */
export interface SliceOptions {
  /** The name its slices are timed under (noteTurn). Default 'slices'. */
  kind?: string;
  /** Steps run in a slice until this many ms have passed; 0 runs one step a slice. Default 3. */
  budgetMs?: number;
  /** Gives the event loop a turn between slices. Default nextTurn. */
  pause?: () => Promise<void>;
  /** Asked before each slice (so after each pause): true stops the run there, its work no longer wanted. */
  stopWhen?: () => boolean;
}

/** A run that reached the steps' end: their result. */
export interface SlicesDone<T> {
  done: true;
  value: T;
  slices: Slice[];
}

/** A run that stopWhen stopped before the end: no result. */
export interface SlicesStopped {
  done: false;
  slices: Slice[];
}

/**
 * Runs steps until `budgetMs` have passed, gives the event loop a turn, and goes on: a slice
 * takes at most the budget plus one step. Says how long each slice took. Without `stopWhen` the
 * run always reaches the end, and its type says so: `const { value } = await runInSlices(...)`.
 */
export function runInSlices<T>(steps: Steps<T>, options?: SliceOptions & { stopWhen?: undefined }): Promise<SlicesDone<T>>;
export function runInSlices<T>(steps: Steps<T>, options: SliceOptions): Promise<SlicesDone<T> | SlicesStopped>;
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<SlicesDone<T> | SlicesStopped> {
  const { kind = 'slices', budgetMs = 3, pause = nextTurn, stopWhen } = options;
  const slices: Slice[] = [];
  for (;;) {
    if (stopWhen?.()) return { done: false, slices };
    const turn = timeTurn(kind);
    const names: string[] = [];
    let next = steps.next();
    while (!next.done) {
      names.push(next.value);
      if (turn.elapsed() >= budgetMs) break;
      next = steps.next();
    }
    slices.push({ steps: names, ms: turn.end() });
    if (next.done) return { done: true, value: next.value, slices };
    await pause();
  }
}

/**
 * The longest turn of each kind of stepped work since the last look, in ms: the benchmarks' view
 * of our own turns in the extension host (the log prints them when CERT_STUDY_HOST_PROBE or
 * CERT_STUDY_HOST_PROFILE is set; docs/performance.md). A map write per turn otherwise.
 */
const longestTurns = new Map<string, number>();

/**
 * Times one turn's piece of stepped work of `kind`, for noteTurn and the benchmarks' probe
 * (turns.ts): `end()` records it and says how long it took, in ms.
 */
export function timeTurn(kind: string): { elapsed(): number; end(): number } {
  turnProbe()?.workBegan();
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  return {
    elapsed,
    end() {
      const ms = elapsed();
      noteTurn(kind, ms);
      return ms;
    },
  };
}

export function noteTurn(kind: string, ms: number): void {
  turnProbe()?.workEnded(kind, ms);
  if (ms > (longestTurns.get(kind) ?? 0)) longestTurns.set(kind, ms);
}

/** The longest turn of each kind since the last call, and forgets them. */
export function takeLongestTurns(): ReadonlyMap<string, number> {
  const taken = new Map(longestTurns);
  longestTurns.clear();
  return taken;
}
