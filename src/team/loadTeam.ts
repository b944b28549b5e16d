import type * as vscode from 'vscode';
import type * as Team from '../commands/teamCommands';
import type { TeamDeps } from '../commands/teamCommands';
import { COMMAND_IDS } from '../commands/ids';
import type { CommandHandler } from '../commands/registry';

/**
 * Loads dist/team.js (src/commands/teamCommands.ts and what it needs: the team format's schemas,
 * the backup and restore, the report panel) the first time a team command runs. It is a bundle
 * of its own, marked external in esbuild.js, so app.js, and the tree the app serves, never pay
 * for it. In the browser bundle esbuild inlines it behind a lazy initialiser instead.
 */
export function loadTeamModule(): typeof Team {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./team.js') as typeof Team;
}

const TEAM_COMMANDS = {
  [COMMAND_IDS.exportTeamFile]: 'exportTeamFile',
  [COMMAND_IDS.editProfile]: 'editProfile',
  [COMMAND_IDS.exportBackup]: 'exportBackup',
  [COMMAND_IDS.importBackup]: 'importBackup',
  [COMMAND_IDS.openTeamReport]: 'openTeamReport',
} as const;

type TeamCommandId = keyof typeof TEAM_COMMANDS;

/**
 * The team commands' entries for the container's command table: each loads dist/team.js on
 * first use and hands it the parts it works on.
 */
export function teamCommandTable(parts: Omit<TeamDeps, 'extensionUri' | 'generator'> & { context: vscode.ExtensionContext }): Record<TeamCommandId, CommandHandler> {
  const { context, ...rest } = parts;
  const deps = (): TeamDeps => ({
    ...rest,
    extensionUri: context.extensionUri,
    generator: { name: 'cert-study-tracker', version: String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0') },
  });
  const table = {} as Record<TeamCommandId, CommandHandler>;
  for (const [id, name] of Object.entries(TEAM_COMMANDS) as [TeamCommandId, (typeof TEAM_COMMANDS)[TeamCommandId]][]) {
    table[id] = (arg) => loadTeamModule()[name](deps(), arg);
  }
  return table;
}
