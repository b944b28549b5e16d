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
export function teamCommandTable(parts: TeamParts): Record<TeamCommandId, CommandHandler> {
  const table = {} as Record<TeamCommandId, CommandHandler>;
  for (const [id, name] of Object.entries(TEAM_COMMANDS) as [TeamCommandId, (typeof TEAM_COMMANDS)[TeamCommandId]][]) {
    table[id] = async (arg) => (await parts.loadTeam())[name](teamDeps(parts), arg);
  }
  return table;
}

/** What the app hands the team code: its parts, the extension's context and the bundle's loader. */
export type TeamParts = Omit<TeamDeps, 'extensionUri' | 'generator' | 'uriFromPath'> & { context: vscode.ExtensionContext; loadTeam: () => Promise<typeof Team> };

function teamDeps(parts: TeamParts): TeamDeps {
  const { context, loadTeam: _loadTeam, ...rest } = parts;
  return {
    ...rest,
    extensionUri: context.extensionUri,
    uriFromPath,
    generator: { name: 'cert-study-tracker', version: String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0') },
  };
}

/**
 * Restores a team report left open before a window reload (the shell's serializer calls it
 * through the container): loads dist/team.js, which reads the report's files again and shows
 * them in `panel`. A failure closes the panel with a message, rather than leaving it blank.
 */
export async function reviveTeamReport(parts: TeamParts, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  try {
    await (await parts.loadTeam()).reviveTeamReport(teamDeps(parts), panel, state);
  } catch (err) {
    panel.dispose();
    void parts.log.showError('Team Report', err);
  }
}
