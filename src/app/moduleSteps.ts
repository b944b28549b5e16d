import { runModuleSteps, type ModuleStep, type ModuleStepList } from '../core/util/moduleSteps';

/**
 * dist/app.js's modules, a part per turn of the event loop (core/util/moduleSteps.ts says how and
 * why), in the order of their imports: the stored records' schemas first, then the features
 * that use them, the container last. zod itself is dist/zod.js, which the shell loads before
 * this bundle (src/shell/host.ts). Each part ran in under 9 ms in a fresh Node
 * process (`npm run bench`, "bundles in plain Node").
 */
const APP_STEPS: ModuleStepList = [
  ['primitives', () => import('../core/model/primitives.js')],
  ['catalog model', () => import('../core/model/catalog.js')],
  ['logs model', () => import('../core/model/logs.js')],
  ['tracking model', () => import('../core/model/tracking.js')],
  ['settings model', () => import('../core/model/settings.js')],
  ['plans model', () => import('../core/model/plans.js')],
  ['stored state', () => import('../core/store/studyStore.js')],
  ['catalog', () => import('../core/catalog/entries.js')],
  ['dates', () => import('../core/time/clock.js')],
  ['command arguments', () => import('../core/certifications/commandArgs.js')],
  ['timer arguments', () => import('../core/timer/timerArgs.js')],
  ['timer', () => import('../features/timer/timerCommands.js')],
  ['practice', () => import('../features/practice/practiceCommands.js')],
  ['dashboard', () => import('../features/dashboard/dashboardPanel.js')],
  ['plans', () => import('../features/plans/planCommands.js')],
  ['agent', () => import('../features/agent/agentTools.js')],
  ['container', () => import('./container.js')],
];

/** Runs dist/app.js's modules in steps; the benchmark (scripts/bench/bundleLoad.ts) calls it too. */
export function initializeModules(): Promise<ModuleStep[]> {
  return runModuleSteps(APP_STEPS);
}
