import type { Log } from '../platform/log';
import { COMMANDS, type CommandName, type CommandsIn } from './commandTable';

export type CommandHandler = (arg: unknown) => unknown;

/** Each bundle's handlers, by command name; a bundle other than the app's is loaded on first use. */
export interface CommandHandlers {
  app: Record<CommandsIn<'app'>, CommandHandler>;
  team: () => Promise<Record<CommandsIn<'team'>, CommandHandler>>;
}

/**
 * One entry point for every command (the shell registered the ids at activation and calls in
 * here with the command's name): each waits for the stored state to load, finds its handler in
 * the bundle the command table names, and any error is logged and shown once with "Show Log"
 * instead of disappearing into the console. `afterEach` runs when a command is done (the
 * benchmarks' probe ends a step there).
 */
export function commandRunner(handlers: CommandHandlers, ready: Promise<unknown>, log: Log, afterEach?: (name: CommandName) => void): (name: CommandName, arg: unknown) => Promise<unknown> {
  return async (name, arg) => {
    const { id, bundle } = COMMANDS[name];
    try {
      await ready;
      if (bundle === 'team') return await (await handlers.team())[name as CommandsIn<'team'>](arg);
      return await handlers.app[name as CommandsIn<'app'>](arg);
    } catch (err) {
      void log.showError(id, err);
      return undefined;
    } finally {
      afterEach?.(name);
    }
  };
}
