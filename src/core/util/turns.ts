/**
 * Turns of the event loop for the host, shared by all of our stepped work: the modules' steps,
 * the slices (./slices.ts), the logs' chunks, globalState's keys. Between two of our turns the
 * host's loop polls for VS Code's messages (docs/performance.md, "Blocks over a frame").
 *
 * One waiter per turn. Each piece of stepped work keeps its own turns under a frame, but two
 * running at once (the first view's module steps beside the log's chunks, say) each used to
 * queue a setImmediate, and Node runs every immediate queued before its check phase in that one
 * phase, so their steps added up in one turn. Now they take turns, first come first served.
 *
 * In Node, setImmediate: it runs after the loop has polled for I/O, without the 1 ms floor of
 * setTimeout(0); a chain of setTimeout(0) can run timer after timer without polling. The web
 * worker has no setImmediate; there each setTimeout(0) is a task of its own.
 */

interface TurnQueue {
  waiting: (() => void)[];
  armed: boolean;
}

/** The queue, one for every bundle (app.js and team.js each carry a copy of this module): a global, like the probe below. */
const queue = ((globalThis as { [key: symbol]: unknown })[Symbol.for('certStudy.turnQueue')] ??= { waiting: [], armed: false } satisfies TurnQueue) as TurnQueue;

const schedule: (run: () => void) => void = typeof setImmediate === 'function' ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

/**
 * The benchmarks' probe (src/shell/hostProfile.ts, with CERT_STUDY_HOST_PROFILE set): told when
 * each turn starts, so that a CPU profile can be cut where the host polled in between, and when
 * a piece of stepped work begins and ends in a turn (slices.ts, timeTurn), so that its thread CPU
 * time can be set beside its wall-clock time. A global, because every bundle carries its own copy
 * of this module. One property read per turn otherwise.
 */
export interface TurnProbe {
  turnStarted(): void;
  workBegan(): void;
  workEnded(kind: string, wallMs: number): void;
}
export const TURN_PROBE = Symbol.for('certStudy.turnProbe');
export const turnProbe = (): TurnProbe | undefined => (globalThis as { [TURN_PROBE]?: TurnProbe })[TURN_PROBE];

function runOne(): void {
  queue.armed = false;
  const resolve = queue.waiting.shift();
  // Armed from inside this turn, the next one runs after the loop's next poll.
  if (queue.waiting.length > 0) arm();
  if (!resolve) return;
  resolve();
  turnProbe()?.turnStarted();
}

function arm(): void {
  if (queue.armed) return;
  queue.armed = true;
  schedule(runOne);
}

/** Resolves at the start of a later turn of the event loop, one waiter per turn. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    queue.waiting.push(resolve);
    arm();
  });
}
