import { timeTurn } from './slices';
import { nextTurn } from './turns';

/**
 * Runs a bundle's module bodies a part at a time, with a turn of the event loop between parts, so
 * that loading it never blocks the extension host for more than a frame (docs/performance.md,
 * "Blocks over a frame"). A dynamic import() makes esbuild wrap the module it reaches, and every
 * module that one imports, in an initializer that runs on first use; a bundle whose entry reaches
 * the rest only through import() runs almost nothing when it is loaded. Each step then runs the
 * initializers of the modules it reaches that have not run yet, so a list of steps in the order
 * of the imports (the schemas first, the largest part) pays one part per turn.
 * The steps decide nothing about behaviour: a step left out only makes the next one longer.
 */
export interface ModuleStep {
  readonly name: string;
  readonly ms: number;
}

export type ModuleStepList = readonly (readonly [name: string, load: () => Promise<unknown>])[];


/** Runs every step, each in a turn of its own, and says how long each took. */
export async function runModuleSteps(steps: ModuleStepList): Promise<ModuleStep[]> {
  const timings: ModuleStep[] = [];
  for (const [name, load] of steps) {
    await nextTurn();
    const turn = timeTurn('module step');
    await load();
    timings.push({ name, ms: turn.end() });
  }
  return timings;
}
