import { COMMANDS, type CommandName } from '../../src/app/commandTable';

/**
 * Every command id by name (`COMMAND_IDS.openDashboard`), derived from the one command table.
 * Kept with the tests, its only users: built in src/, it would run in every window's startup bundle.
 */
export const COMMAND_IDS = Object.fromEntries(Object.entries(COMMANDS).map(([name, { id }]) => [name, id])) as {
  readonly [K in CommandName]: (typeof COMMANDS)[K]['id'];
};
