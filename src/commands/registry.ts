import type { Log } from '../services/log';
import type { CommandId } from './ids';

export type CommandHandler = (arg: unknown) => unknown;

/**
 * One entry point for every command (the shell registered the ids at activation and calls in
 * here): each waits for the stored state to load, and any error is logged and shown once with
 * "Show Log" instead of disappearing into the console.
 */
export function commandRunner(
  handlers: Record<CommandId, CommandHandler>,
  ready: Promise<unknown>,
  log: Log,
): (id: CommandId, arg: unknown) => Promise<unknown> {
  return async (id, arg) => {
    try {
      await ready;
      return await handlers[id](arg);
    } catch (err) {
      void log.showError(id, err);
      return undefined;
    }
  };
}
