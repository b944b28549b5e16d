import type { VersionedSpec } from './versioned';
import { decodeVersioned } from './versioned';
import type { BackupWriter } from './backup';
import type { KeyValueStorage, StoreProblem } from './ports';
import { storageKeyOf } from './stateSpecs';
import { Emitter } from '../util/emitter';

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
 * moment it changes: an update in `deactivate()` is lost in current VS Code.
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

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly specs: S,
    private readonly backups: BackupWriter,
    private readonly now: () => Date,
  ) {}

  /** Reads and validates every key. Returns what could not be read; the valid rest is loaded. */
  async load(): Promise<StoreProblem[]> {
    const problems: StoreProblem[] = [];
    for (const key of Object.keys(this.specs) as (keyof S & string)[]) {
      problems.push(...(await this.loadKey(key)));
    }
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

  async set<K extends keyof S & string>(key: K, value: SpecValue<S, K>): Promise<void> {
    if (this.readOnly.has(key)) {
      throw new Error(
        `Stored ${this.specs[key].name} were written by a newer version of Cert Study Tracker; update the extension to change them.`,
      );
    }
    // Validate before writing: a bug must never put unreadable data into storage.
    const parsed = this.specs[key].schema.parse(value);
    this.values.set(key, parsed);
    await this.storage.update(storageKeyOf(key), { v: this.specs[key].version, data: parsed } satisfies Envelope);
    this.changed.fire(key);
  }

  /**
   * Changes a value from its freshest stored state: it is re-read first, because another window
   * may have written it since this one last looked (globalState has no change event and no
   * compare-and-swap; re-reading narrows the race from minutes to microseconds).
   */
  async update<K extends keyof S & string>(key: K, change: (current: SpecValue<S, K>) => SpecValue<S, K>): Promise<SpecValue<S, K>> {
    const problems = await this.loadKey(key);
    if (problems.length) this.problemsFound.fire(problems);
    const next = change(this.get(key));
    await this.set(key, next);
    return next;
  }

  dispose(): void {
    this.changed.dispose();
    this.problemsFound.dispose();
  }

  /** Reads one key. Never throws: a key that cannot be read or backed up is left alone, read-only. */
  private async loadKey(key: keyof S & string): Promise<StoreProblem[]> {
    try {
      return await this.decodeKey(key);
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

  private async decodeKey(key: keyof S & string): Promise<StoreProblem[]> {
    const spec = this.specs[key];
    const storageKey = storageKeyOf(key);
    const raw = this.storage.get<unknown>(storageKey);
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
        await this.set(key, outcome.value as SpecValue<S, typeof key>);
        return [];
      }
      case 'salvaged': {
        // Copy the original whole before anything else happens, then keep the valid rest.
        const backupPath = await this.backups.write(`globalState-${key}.json`, JSON.stringify(raw, null, 2), this.now());
        this.readOnly.delete(key);
        await this.set(key, outcome.value as SpecValue<S, typeof key>);
        return outcome.problems.map((p) => ({ where: `globalState ${storageKey}${p.path}`, message: p.message, backupPath }));
      }
    }
  }
}
