import type * as vscode from 'vscode';
import type * as Team from '../commands/teamCommands';
import type { TeamDeps } from '../commands/teamCommands';
import { COMMAND_IDS } from '../commands/ids';
import { uriFromPath } from '../services/hostPaths';
import type { CommandHandler } from '../commands/registry';


const TEAM_COMMANDS = {
  [COMMAND_IDS.exportTeamFile]: 'exportTeamFile',
  [COMMAND_IDS.editProfile]: 'editProfile',
  [COMMAND_IDS.exportBackup]: 'exportBackup',
  [COMMAND_IDS.importBackup]: 'importBackup',
  [COMMAND_IDS.openTeamReport]: 'openTeamReport',
} as const;

type TeamCommandId = keyof typeof TEAM_COMMANDS;

/**
 * The team commands' entries for the container's command table. Each loads dist/team.js
 * (src/commands/teamCommands.ts and what it needs: the team format's schemas, the backup and
 * restore, the report panel) through `loadTeam` on first use and hands it the parts it works on.
 * It is a bundle of its own (dist/web/team.js in the browser), so app.js, and the tree the app
 * serves, never pay for it.
 */
export function teamCommandTable(
  parts: Omit<TeamDeps, 'extensionUri' | 'generator' | 'uriFromPath'> & { context: vscode.ExtensionContext; loadTeam: () => Promise<typeof Team> },
): Record<TeamCommandId, CommandHandler> {
  const { context, loadTeam, ...rest } = parts;
  const deps = (): TeamDeps => ({
    ...rest,
    extensionUri: context.extensionUri,
    uriFromPath,
    generator: { name: 'cert-study-tracker', version: String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0') },
  });
  const table = {} as Record<TeamCommandId, CommandHandler>;
  for (const [id, name] of Object.entries(TEAM_COMMANDS) as [TeamCommandId, (typeof TEAM_COMMANDS)[TeamCommandId]][]) {
    table[id] = async (arg) => (await loadTeam())[name](deps(), arg);
  }
  return table;
}
