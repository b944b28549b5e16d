import * as vscode from 'vscode';
import type { Log } from '../services/log';
import type { CommandId } from './ids';

export type CommandHandler = (arg: unknown) => unknown;

/**
 * Registers every command in one loop: each waits for the stored state to load, and any error
 * is logged and shown once with "Show Log" instead of disappearing into the console.
 */
export function registerCommands(
  handlers: Record<CommandId, CommandHandler>,
  ready: Promise<unknown>,
  log: Log,
): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        await ready;
        return await handler(arg);
      } catch (err) {
        void log.showError(id, err);
        return undefined;
      }
    }),
  );
}
