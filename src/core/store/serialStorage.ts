import type { KeyValueStorage } from './ports';

/** What a change sees while it runs alone: the stored values, and a write that is checked. */
export interface StorageTransaction {
  get<T>(key: string): T | undefined;
  /** Writes one key; it is checked once the change has run (see SerialStorage). */
  write(key: string, value: unknown): Promise<void>;
}

/** A change whose writes did not stick, after every retry: nothing is silently lost, the caller hears. */
export class StorageWriteLostError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(`Stored data could not be saved: ${keys.join(', ')} kept being replaced by an older copy. Try again.`);
    this.name = 'StorageWriteLostError';
  }
}

/** How many times a change is run from a fresh read before its caller is told it did not stick. */
const ATTEMPTS = 4;

/**
 * The one path every write to globalState takes: changes run one at a time, each re-reads what it
 * changes, applies, writes, and then checks that what it wrote is what storage now holds; a change
 * whose write was undone meanwhile is run again from a fresh read.
 *
 * Why: VS Code keeps globalState as one object per extension. Its `Memento` writes the whole
 * object on a timer and, when the workbench echoes a write back, replaces its whole in-memory copy
 * with the echo (microsoft/vscode#137132). Two writes in flight at once (a command's and Settings
 * Sync's, in the first second of a window) let the echo of the first, which lacks the second
 * value, arrive after the second was made, and the next write saves that older copy: a
 * certification added as the first action in a window was gone after a reload. One write at a
 * time, each awaited, means every echo carries everything written before it; the check catches
 * the rest (another window's write landing between our change and its flush).
 */
export class SerialStorage implements KeyValueStorage {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly inner: KeyValueStorage) {}

  get<T>(key: string): T | undefined {
    return this.inner.get<T>(key);
  }

  keys(): readonly string[] {
    return this.inner.keys();
  }

  /** One write, queued behind every change asked for before it. */
  update(key: string, value: unknown): Promise<void> {
    return this.transact((tx) => tx.write(key, value));
  }

  /**
   * Runs `change` alone, after every change asked for before it. It may run more than once (each
   * time from what storage holds then), so it must decide from what it reads, not from what it
   * read on an earlier run. Writes inside it go through `tx.write`: a call to `update` or
   * `transact` from inside would wait for itself.
   */
  transact<T>(change: (tx: StorageTransaction) => Promise<T> | T): Promise<T> {
    const run = this.tail.then(() => this.runChecked(change));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runChecked<T>(change: (tx: StorageTransaction) => Promise<T> | T): Promise<T> {
    let lost: string[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const written = new Map<string, string | undefined>();
      const tx: StorageTransaction = {
        get: (key) => this.inner.get(key),
        write: async (key, value) => {
          written.set(key, value === undefined ? undefined : JSON.stringify(value));
          await this.inner.update(key, value);
        },
      };
      const result = await change(tx);
      lost = [...written].filter(([key, json]) => json !== jsonOf(this.inner.get(key))).map(([key]) => key);
      if (lost.length === 0) return result;
    }
    throw new StorageWriteLostError(lost);
  }
}

function jsonOf(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

const queues = new WeakMap<KeyValueStorage, SerialStorage>();

/**
 * The one SerialStorage of a storage object, however many parts of the extension hold it (the
 * store, Settings Sync, the status record): they share one queue, so none can slip a write
 * between another's read and write.
 */
export function serialStorageFor(storage: KeyValueStorage): SerialStorage {
  if (storage instanceof SerialStorage) return storage;
  let serial = queues.get(storage);
  if (!serial) {
    serial = new SerialStorage(storage);
    queues.set(storage, serial);
  }
  return serial;
}
