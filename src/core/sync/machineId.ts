import type { FileAccess } from '../store/ports';
import { MachineIdSchema } from './machineRecord';

export const MACHINE_ID_FILE = 'machine-id';

/**
 * This machine's id for Settings Sync, kept in a file beside the logs rather than in globalState:
 * what Sync must not count twice is a session log, and in code-server two browsers share one
 * server's log while each keeps its own globalState. `env.machineId` will not do either: two
 * profiles on one computer share it and keep separate logs. Made once; every window that shares
 * the folder reads the same id (the first to create the file wins).
 */
export async function readOrCreateMachineId(files: FileAccess, storageFolder: string, newId: () => string): Promise<string> {
  const file = files.join(storageFolder, MACHINE_ID_FILE);
  const existing = (await files.readText(file))?.trim();
  if (existing && MachineIdSchema.safeParse(existing).success) return existing;
  const fresh = newId().toLowerCase();
  if (existing !== undefined) {
    // Unreadable (hand-edited): replaced, so this machine publishes under a valid key again.
    await files.writeTextAtomic(file, `${fresh}\n`);
    return fresh;
  }
  if (await files.createExclusive(file, `${fresh}\n`)) return fresh;
  const winner = (await files.readText(file))?.trim();
  if (winner && MachineIdSchema.safeParse(winner).success) return winner;
  throw new Error(`${file}: could not read this machine's sync id`);
}
