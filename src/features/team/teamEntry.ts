import type * as Team from './teamCommands';
import { runModuleSteps, type ModuleStep, type ModuleStepList } from '../../core/util/moduleSteps';

/**
 * Entry of dist/team.js (dist/web/team.js in the browser): the team export, backup and restore,
 * and the team report's host. Its modules run a part per turn of the event loop
 * (core/util/moduleSteps.ts), in the order of their imports, before the commands are handed over:
 * loading them in one go was a block of about 40 ms.
 */
const TEAM_STEPS: ModuleStepList = [
  ['primitives', () => import('../../core/model/primitives.js')],
  ['catalog model', () => import('../../core/model/catalog.js')],
  ['tracking model', () => import('../../core/model/tracking.js')],
  ['logs model', () => import('../../core/model/logs.js')],
  ['stored state', () => import('../../core/store/stateSpecs.js')],
  ['team format', () => import('../../core/team/schema.js')],
  ['requirements', () => import('../../core/team/requirements.js')],
  ['personal backup', () => import('../../core/team/personalBackup.js')],
  ['command arguments', () => import('../../core/team/args.js')],
  ['report page protocol', () => import('../../webviews/teamReport/protocol.js')],
  ['report panel', () => import('./reportPanel.js')],
  ['commands', () => import('./teamCommands.js')],
];

/** Runs dist/team.js's modules in steps; the benchmark (scripts/bench/bundleLoad.ts) calls it too. */
export function initializeModules(): Promise<ModuleStep[]> {
  return runModuleSteps(TEAM_STEPS);
}

/** The team commands, once their modules have all run. */
export async function loadTeamCommands(): Promise<typeof Team> {
  await initializeModules();
  return import('./teamCommands.js');
}
