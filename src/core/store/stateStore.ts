import type { VersionedSpec } from './versioned';
import { decodeVersioned } from './versioned';
import type { BackupWriter } from './backup';
import type { KeyValueStorage, StoreProblem } from './ports';
import { serialStorageFor, type SerialStorage, type StorageTransaction } from './serialStorage';
import { storageKeyOf } from './stateSpecs';
import { Emitter } from '../util/emitter';
import { nextTurn } from '../util/turns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySpecs = Record<string, VersionedSpec<any>>;
export type SpecValue<S extends AnySpecs, K extends keyof S> = S[K] extends VersionedSpec<infer T> ? T : never;

interface Envelope {
  v: number;
  data: unknown;
}

/** The schema version a stored value claims, read loosely: a newer version may add keys beside `v`. */
function claimedVersion(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const v = (raw as Record<string, unknown>).v;
  return Number.isInteger(v) ? (v as number) : null;
}

/** Exactly `{ v, data }`: anything else of this version or older is not ours and is salvaged. */
function asEnvelope(raw: unknown): Envelope | null {
  const v = claimedVersion(raw);
  const r = raw as Record<string, unknown>;
  if (v === null || !('data' in r) || Object.keys(r).length !== 2) return null;
  return { v, data: r.data };
}

/**
 * One typed wrapper over globalState. Each value sits in a versioned envelope `{ v, data }`,
 * is validated with zod on every read, migrated (after a backup) when older, and written the
 * moment it changes: an update in `deactivate()` is lost in current VS Code. Every read that
 * may write and every write runs on the storage's one queue (SerialStorage), so no two changes
 * interleave and none is lost to VS Code's echo of another.
 */
export class VersionedStateStore<S extends AnySpecs> {
  private readonly values = new Map<keyof S, unknown>();
  /** Keys written by a newer version of the extension: never overwritten by this one. */
  private readonly readOnly = new Set<keyof S>();
  private readonly changed = new Emitter<keyof S>();
  readonly onDidChange = this.changed.event;
  private readonly problemsFound = new Emitter<StoreProblem[]>();
  /** Problems found outside `load()`, e.g. when a change re-reads a value another window broke. */
  readonly onDidFindProblems = this.problemsFound.event;

  private readonly storage: SerialStorage;

  constructor(
    storage: KeyValueStorage,
    private readonly specs: S,
    private readonly backups: BackupWriter,
    private readonly now: () => Date,
  ) {
    this.storage = serialStorageFor(storage);
  }

  /** Reads and validates every key. Returns what could not be read; the valid rest is loaded. */
  async load(): Promise<StoreProblem[]> {
    const { problems, changed } = await this.storage.transact(async (tx) => {
      const found: StoreProblem[] = [];
      const written = new Set<keyof S>();
      for (const key of Object.keys(this.specs) as (keyof S & string)[]) {
        // A key per turn of the host: checking every key's first value in one go (zod compiles
        // each schema on its first use) was a block of about 20 ms in the extension host.
        await nextTurn();
        found.push(...(await this.loadKey(key, tx, written)));
      }
      return { problems: found, changed: written };
    });
    for (const key of changed) this.changed.fire(key);
    return problems;
  }

  /**
   * Re-reads globalState (another window may have written it) and fires for each key whose
   * value differs from what this window holds.
   */
  async reload(): Promise<StoreProblem[]> {
    const before = new Map([...this.values].map(([k, v]) => [k, JSON.stringify(v)]));
    const problems = await this.load();
    for (const [key, value] of this.values) {
      if (before.get(key) !== JSON.stringify(value)) this.changed.fire(key);
    }
    return problems;
  }

  get<K extends keyof S>(key: K): SpecValue<S, K> {
    return (this.values.has(key) ? this.values.get(key) : this.specs[key].fallback) as SpecValue<S, K>;
  }

  /** Replaces a value whole, after every change asked for before it. Prefer `update`, which reads first. */
  async set<K extends keyof S & string>(key: K, value: SpecValue<S, K>): Promise<void> {
    this.assertWritable(key);
    // Validate before queueing: a bug must never put unreadable data into storage, and the caller hears at once.
    const parsed = this.specs[key].schema.parse(value) as SpecValue<S, K>;
    await this.storage.transact((tx) => this.write(key, parsed, tx));
    this.changed.fire(key);
  }

  /**
   * Changes a value from its freshest stored state, on the storage's one queue: it is re-read
   * (another window or Settings Sync may have written it since this one last looked), `change`
   * is applied, and the result written and checked. `change` may run again if the write did not
   * stick, so it decides from `current` only. Returning `current` itself writes nothing.
   */
  async update<K extends keyof S & string>(key: K, change: (current: SpecValue<S, K>) => SpecValue<S, K>): Promise<SpecValue<S, K>> {
    let problems: StoreProblem[] = [];
    let wrote = false;
    const next = await this.storage.transact(async (tx) => {
      problems = await this.loadKey(key, tx);
      const current = this.get(key);
      const changed = change(current);
      wrote = changed !== current;
      if (wrote) {
        this.assertWritable(key);
        await this.write(key, this.specs[key].schema.parse(changed) as SpecValue<S, K>, tx);
      }
      return changed;
    });
    if (problems.length) this.problemsFound.fire(problems);
    if (wrote) this.changed.fire(key);
    return next;
  }

  dispose(): void {
    this.changed.dispose();
    this.problemsFound.dispose();
  }

  private assertWritable(key: keyof S & string): void {
    if (this.readOnly.has(key)) {
      throw new Error(
        `Stored ${this.specs[key].name} were written by a newer version of Cert Study Tracker; update the extension to change them.`,
      );
    }
  }

  /** Writes an already validated value inside a change on the queue. */
  private async write<K extends keyof S & string>(key: K, parsed: SpecValue<S, K>, tx: StorageTransaction): Promise<void> {
    this.values.set(key, parsed);
    await tx.write(storageKeyOf(key), { v: this.specs[key].version, data: parsed } satisfies Envelope);
  }

  /**
   * Reads one key, inside a change on the queue (a migration or a salvage writes the cleaned
   * value back). Never throws: a key that cannot be read or backed up is left alone, read-only.
   * `written` collects the keys it wrote, for the caller to announce once the change is done.
   */
  private async loadKey(key: keyof S & string, tx: StorageTransaction, written = new Set<keyof S>()): Promise<StoreProblem[]> {
    try {
      return await this.decodeKey(key, tx, written);
    } catch (err) {
      this.readOnly.add(key);
      this.values.set(key, this.specs[key].fallback);
      return [
        {
          where: `globalState ${storageKeyOf(key)}`,
          message: `could not be read or backed up (${(err as Error).message}). It is left untouched.`,
          backupPath: null,
        },
      ];
    }
  }

  private async decodeKey(key: keyof S & string, tx: StorageTransaction, written: Set<keyof S>): Promise<StoreProblem[]> {
    const spec = this.specs[key];
    const storageKey = storageKeyOf(key);
    const raw = tx.get<unknown>(storageKey);
    if (raw === undefined) {
      this.readOnly.delete(key);
      this.values.set(key, spec.fallback);
      return [];
    }
    const claimed = claimedVersion(raw);
    const envelope = asEnvelope(raw);
    const outcome =
      claimed !== null && claimed > spec.version
        ? ({ kind: 'newer', value: spec.fallback, version: claimed } as const)
        : decodeVersioned(spec, envelope ? envelope.data : raw, envelope ? envelope.v : null);
    switch (outcome.kind) {
      case 'ok':
        this.readOnly.delete(key);
        this.values.set(key, outcome.value);
        return [];
      case 'newer': {
        this.readOnly.add(key);
        this.values.set(key, outcome.value);
        return [
          {
            where: `globalState ${storageKey}`,
            message: `written by a newer version of the extension (schema v${outcome.version}; this one reads v${spec.version}). It is left untouched.`,
            backupPath: null,
          },
        ];
      }
      case 'migrated': {
        await this.backups.write(`globalState-${key}-v${outcome.from}.json`, JSON.stringify(raw, null, 2), this.now());
        this.readOnly.delete(key);
        await this.write(key, spec.schema.parse(outcome.value) as SpecValue<S, typeof key>, tx);
        written.add(key);
        return [];
      }
      case 'salvaged': {
        // Copy the original whole before anything else happens, then keep the valid rest.
        const backupPath = await this.backups.write(`globalState-${key}.json`, JSON.stringify(raw, null, 2), this.now());
        this.readOnly.delete(key);
        await this.write(key, spec.schema.parse(outcome.value) as SpecValue<S, typeof key>, tx);
        written.add(key);
        return outcome.problems.map((p) => ({ where: `globalState ${storageKey}${p.path}`, message: p.message, backupPath }));
      }
    }
  }
}
