import type { FileAccess } from './ports';

/** The few file operations a lease needs (a subset of FileAccess). */
export type LeaseFiles = Pick<FileAccess, 'createExclusive' | 'readText' | 'remove'>;

export interface LeaseOptions {
  now: () => number;
  /** A new token, unique to this holder and attempt. */
  token: () => string;
  sleep: (ms: number) => Promise<void>;
  /** A lease older than this was left by a window that died mid-write: it may be taken over. */
  staleMs?: number;
  /** How long to keep asking before giving up with an error. */
  timeoutMs?: number;
  retryMs?: number;
}

/**
 * Runs `work` while holding a lease file (`<file>.lock`), so two windows that read, change and
 * rewrite the same file (an append, where the file system has none: `workspace.fs`) do it one
 * after the other, and neither write is lost. The lease file holds when it was taken and by whom;
 * one older than `staleMs` (a window killed mid-write) is taken over. Released only if still ours.
 */
export async function withWriteLease<T>(files: LeaseFiles, lockPath: string, work: () => Promise<T>, options: LeaseOptions): Promise<T> {
  const { now, token, sleep, staleMs = 10_000, timeoutMs = 15_000, retryMs = 20 } = options;
  const giveUpAt = now() + timeoutMs;
  for (;;) {
    const mine = `${now()} ${token()}`;
    if (await files.createExclusive(lockPath, mine)) {
      try {
        return await work();
      } finally {
        if ((await files.readText(lockPath).catch(() => undefined)) === mine) await files.remove(lockPath);
      }
    }
    const held = await files.readText(lockPath).catch(() => undefined);
    if (held !== undefined) {
      const since = Number(held.split(' ')[0]);
      const stale = !Number.isFinite(since) || now() - since > staleMs;
      // Remove only the very lease we judged stale, not one another waiter has taken since.
      if (stale && (await files.readText(lockPath).catch(() => undefined)) === held) {
        await files.remove(lockPath);
        continue;
      }
      if (now() > giveUpAt) {
        throw new Error(`${lockPath}: another window has been writing since ${new Date(since).toISOString()}; try again`);
      }
    }
    await sleep(retryMs);
  }
}
