import type * as vscode from 'vscode';
import type * as Team from '../features/team/teamCommands';
import type { TeamDeps } from '../features/team/teamCommands';
import { uriFromPath } from '../platform/hostPaths';
import type { CommandHandler } from './commandRunner';
import type { CommandsIn } from './commandTable';

/** What the app hands the team code: its parts, the extension's context and the bundle's loader. */
export type TeamParts = Omit<TeamDeps, 'extensionUri' | 'generator' | 'uriFromPath'> & { context: vscode.ExtensionContext; loadTeam: () => Promise<typeof Team> };

/** True when the team bundle's handlers are exactly the team commands of the table, no more, no fewer. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const teamHandlersMatchTable: SameNames<keyof typeof Team.TEAM_COMMAND_HANDLERS, CommandsIn<'team'>> = true;
void teamHandlersMatchTable;

/**
 * The team commands' handlers for the command runner. dist/team.js (src/features/team/: the
 * team format's schemas, the backup and restore, the report panel) is loaded on first use and
 * handed the parts it works on. It is a bundle of its own (dist/web/team.js in the browser), so
 * app.js, and the tree the app serves, never pay for it.
 */
export async function loadTeamHandlers(parts: TeamParts): Promise<Record<CommandsIn<'team'>, CommandHandler>> {
  const handlers = (await parts.loadTeam()).TEAM_COMMAND_HANDLERS satisfies Record<CommandsIn<'team'>, (deps: TeamDeps, arg: unknown) => unknown>;
  const deps = teamDeps(parts);
  const table = {} as Record<CommandsIn<'team'>, CommandHandler>;
  for (const name of Object.keys(handlers) as CommandsIn<'team'>[]) table[name] = (arg) => handlers[name](deps, arg);
  return table;
}

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
