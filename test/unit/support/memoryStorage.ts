import type { KeyValueStorage } from '../../../src/core/store/ports';

/**
 * An in-memory Memento. It answers with `has`, not `||`, so a stored `0`, `false` or `''`
 * comes back as stored: the classic fake bug would turn them into the default. Values are
 * round-tripped through JSON, as VS Code's storage does.
 */
export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  writes = 0;

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.data.has(key) ? (JSON.parse(this.data.get(key)!) as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }

  keys(): readonly string[] {
    return [...this.data.keys()];
  }

  /** Puts raw data in place, as a corrupt or older store would hold it. */
  seed(key: string, value: unknown): void {
    this.data.set(key, JSON.stringify(value));
  }
}
