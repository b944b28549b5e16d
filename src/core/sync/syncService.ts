import { PracticeExamSchema, StudySessionSchema, type PracticeExam, type StudySession } from '../model/logs';
import type { KeyValueStorage, StoreProblem } from '../store/ports';
import { serialStorageFor } from '../store/serialStorage';
import type { StudyStore } from '../store/studyStore';
import { toOffsetInstant } from '../time/clock';
import { LEDGER_KEY, LEDGER_VERSION, mergeRemote, sharedEntries, stampLocalChanges, StoredLedgerSchema, type Ledger } from './ledger';
import {
  EMPTY_SUMMARY,
  MACHINE_KEY_PREFIX,
  machineIdOfKey,
  machineKeyOf,
  MachineIdSchema,
  machineRecordChecks,
  MAX_RECORD_CHARS,
  parseMachineRecord,
  SYNC_RECORD_VERSION,
  SyncSummarySchema,
  type MachineRecord,
  type SyncSummary,
} from './machineRecord';
import { SHARED_KEYS, stateKeyOfItem, type SharedKey, type SharedState } from './sharedItems';
import { summaryRecords, summarySteps } from './summary';
import { runInSlices } from '../util/slices';
import { nextTurn } from '../util/turns';

export interface SyncServiceDeps {
  /** globalState: where the machine records and the ledger live (Settings Sync syncs only `syncedKeys()`). */
  storage: KeyValueStorage;
  store: StudyStore;
  /** This machine's id (see MachineIdSchema), from the file beside the logs. */
  machineId: string;
  now: () => Date;
}

export interface PublishOutcome {
  /** Whether this machine's record was written (false when its content had not changed). */
  written: boolean;
  problems: StoreProblem[];
}

/**
 * Settings Sync for the engineer's data, without vscode: publishes this machine's shared
 * state and study summary under its own key, and merges what other machines published.
 *
 * The host calls `publish()` after a change to the store, `pull()` when synced state may have
 * arrived (focus, reload), and hands `syncedKeys()` to `globalState.setKeysForSync` after
 * each. Calls run one at a time, in order: a publish asked for by the change a pull makes
 * runs after that pull, when the ledger already explains the change.
 */
export class SyncService {
  readonly key: string;
  private queue: Promise<unknown> = Promise.resolve();
  private summaryCache: { sessions: readonly StudySession[]; practiceExams: readonly PracticeExam[]; summary: SyncSummary } | null = null;
  /**
   * Per other machine's key, what its stored JSON last parsed to: a pull runs on every focus,
   * and re-validating ten years of another machine's summary each time would cost ~25 ms.
   */
  private readonly remoteCache = new Map<string, { json: string; parsed: ParsedRemote }>();

  private readonly deps: SyncServiceDeps;

  constructor(deps: SyncServiceDeps) {
    if (!MachineIdSchema.safeParse(deps.machineId).success) throw new Error(`Not a machine id: ${JSON.stringify(deps.machineId)}`);
    this.key = machineKeyOf(deps.machineId);
    // The store's own queue (one per storage object): a ledger or record write never runs while
    // a command's change is between its read and its write (see SerialStorage).
    this.deps = { ...deps, storage: serialStorageFor(deps.storage) };
  }

  /**
   * Stamps this machine's edits in the ledger and writes its record, only when the record's
   * content changed: Settings Sync uploads every change, so an unchanged publish writes nothing.
   */
  publish(): Promise<PublishOutcome> {
    return this.serialized(async () => {
      const { ledger, problems } = await this.stamp();
      // A turn for the host between the parts: at ten years, summarising and checking the record
      // in one go was a block of 30-60 ms in the extension host (docs/performance.md).
      await nextTurn();
      const summary = await this.ownSummary();
      await nextTurn();
      const record: MachineRecord = {
        v: SYNC_RECORD_VERSION,
        machineId: this.deps.machineId,
        writtenAt: toOffsetInstant(this.deps.now()),
        shared: { items: sharedEntries(ledger, this.sharedState()) },
        summary,
      };
      if (sameContent(this.deps.storage.get<unknown>(this.key), record)) return { written: false, problems };
      // Validate before writing, as every store does: a bug must never publish what others cannot read.
      const { value } = await runInSlices(machineRecordChecks(record), { kind: 'sync record check' });
      await this.deps.storage.update(this.key, value);
      return { written: true, problems };
    });
  }

  /**
   * Merges every other machine's record into this machine: shared items by last writer (a local
   * edit newer than the remote one stays), and their study summaries as records beside this
   * machine's logs. Returns what could not be used; never throws for another machine's data.
   */
  pull(): Promise<StoreProblem[]> {
    return this.serialized(async () => {
      const { storage, store, now } = this.deps;
      const { ledger: stamped, problems } = await this.stamp();
      const records: MachineRecord[] = [];
      const synthetic: { sessions: StudySession[]; practiceExams: PracticeExam[] } = { sessions: [], practiceExams: [] };
      const keys = [...storage.keys()].sort();
      for (const key of this.remoteCache.keys()) if (!keys.includes(key)) this.remoteCache.delete(key);
      for (const key of keys) {
        if (key === this.key || !key.startsWith(MACHINE_KEY_PREFIX)) continue;
        if (machineIdOfKey(key) === null) {
          problems.push({ where: `Settings Sync ${key.slice(0, 120)}`, message: 'is not named after a machine id; skipped', backupPath: null });
          continue;
        }
        const parsed = this.parseRemote(key, storage.get<unknown>(key));
        problems.push(...parsed.problems);
        if (parsed.record) records.push(parsed.record);
        synthetic.sessions.push(...parsed.synthetic.sessions);
        synthetic.practiceExams.push(...parsed.synthetic.practiceExams);
      }

      const shared = this.sharedState();
      const merged = mergeRemote(shared, stamped, records, now());
      problems.push(...merged.problems);
      const ledger = { ...merged.ledger };
      const revert = (key: SharedKey) => {
        for (const id of new Set([...Object.keys(ledger), ...Object.keys(stamped)])) {
          if (stateKeyOfItem(id) !== key) continue;
          if (stamped[id]) ledger[id] = stamped[id];
          else delete ledger[id];
        }
      };
      // The ledger first: the change events the state fires must find the pulled values already
      // stamped with their origin, or they would be published again as this machine's edits.
      await this.writeLedger(stamped, ledger);
      let reverted = false;
      for (const key of merged.changedKeys) {
        // An edit made here while this pull ran (setting the previous key) wins this round; the next pull merges again.
        if (JSON.stringify(store.state.get(key)) !== JSON.stringify(shared[key])) {
          revert(key);
          reverted = true;
          continue;
        }
        try {
          if (!(await this.setShared(key, shared, merged.state))) {
            revert(key);
            reverted = true;
          }
        } catch (err) {
          problems.push({ where: `Settings Sync ${key}`, message: `could not be applied: ${(err as Error).message}`, backupPath: null });
          revert(key);
          reverted = true;
        }
      }
      if (reverted) await this.writeLedger(null, ledger);

      store.setSyncedRecords(synthetic);
      return problems;
    });
  }

  /** This machine's key and every other machine's seen so far: all of them, so none is dropped from Settings Sync. */
  syncedKeys(): string[] {
    const others = this.deps.storage.keys().filter((key) => key !== this.key && machineIdOfKey(key) !== null);
    return [this.key, ...others.sort()];
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies the merged value only if the key still holds what the merge started from, checked on
   * the store's queue: a command's change that landed meanwhile is never overwritten (it wins this
   * round; the next pull merges again). False when it was not applied.
   */
  private async setShared<K extends SharedKey>(key: K, before: SharedState, merged: SharedState): Promise<boolean> {
    const expected = JSON.stringify(before[key]);
    let applied = false;
    await this.deps.store.state.update(key, (current) => {
      applied = JSON.stringify(current) === expected;
      return applied ? merged[key] : current;
    });
    return applied;
  }

  private sharedState(): SharedState {
    const state = {} as Record<SharedKey, unknown>;
    for (const key of SHARED_KEYS) state[key] = this.deps.store.state.get(key);
    return state as SharedState;
  }

  /** Reads the ledger and records this machine's edits in it; a ledger that cannot be read starts afresh. */
  private async stamp(): Promise<{ ledger: Ledger; problems: StoreProblem[] }> {
    const problems: StoreProblem[] = [];
    const raw = this.deps.storage.get<unknown>(LEDGER_KEY);
    let ledger: Ledger = {};
    if (raw !== undefined) {
      const parsed = StoredLedgerSchema.safeParse(raw);
      if (parsed.success) ledger = parsed.data.data;
      else {
        problems.push({
          where: `globalState ${LEDGER_KEY}`,
          message: 'could not be read; it starts afresh, and this machine’s shared items count as edited now',
          backupPath: null,
        });
      }
    }
    const stamped = stampLocalChanges(ledger, this.sharedState(), this.deps.now(), this.deps.machineId);
    await this.writeLedger(raw === undefined || problems.length === 0 ? ledger : null, stamped);
    return { ledger: stamped, problems };
  }

  /** Writes the ledger when it differs from `before` (null: always). */
  private async writeLedger(before: Ledger | null, after: Ledger): Promise<void> {
    if (before !== null && JSON.stringify(before) === JSON.stringify(after)) return;
    // A copy: the caller may still change its ledger, and a Memento may keep the object it was given.
    await this.deps.storage.update(LEDGER_KEY, { v: LEDGER_VERSION, data: { ...after } });
  }

  /**
   * This machine's summary of its own logs. Until they are loaded the last published summary
   * stands: an empty one would make this machine's hours vanish from the others for a moment.
   */
  private async ownSummary(): Promise<SyncSummary> {
    const { store, storage } = this.deps;
    if (!store.snapshot().logsLoaded) {
      const previous = storage.get<{ summary?: unknown }>(this.key);
      const parsed = SyncSummarySchema.safeParse(previous?.summary);
      return parsed.success ? parsed.data : EMPTY_SUMMARY;
    }
    const sessions = store.sessions.all();
    const practiceExams = store.practiceExams.all();
    const cache = this.summaryCache;
    if (cache && cache.sessions === sessions && cache.practiceExams === practiceExams) return cache.summary;
    const { value: summary } = await runInSlices(summarySteps(sessions, practiceExams), { kind: 'sync summary' });
    this.summaryCache = { sessions, practiceExams, summary };
    return summary;
  }

  /** Another machine's record, parsed, and its summary as records; from the cache while its JSON is unchanged. */
  private parseRemote(key: string, raw: unknown): ParsedRemote {
    let json: string | undefined;
    try {
      json = JSON.stringify(raw);
    } catch {
      json = undefined;
    }
    const cached = this.remoteCache.get(key);
    if (json !== undefined && cached?.json === json) return cached.parsed;
    const { record, problems } = parseMachineRecord(key, raw);
    const synthetic = { sessions: [] as StudySession[], practiceExams: [] as PracticeExam[] };
    if (record) {
      const made = summaryRecords(record.machineId, record.summary);
      // The same checks as a log line: the views must never meet a record a log could not hold.
      synthetic.sessions = made.sessions.filter((s) => StudySessionSchema.safeParse(s).success);
      synthetic.practiceExams = made.practiceExams.filter((p) => PracticeExamSchema.safeParse(p).success);
      const dropped = made.sessions.length - synthetic.sessions.length + made.practiceExams.length - synthetic.practiceExams.length;
      if (dropped) problems.push({ where: `Settings Sync ${key}.summary`, message: `${dropped} entries could not be shown`, backupPath: null });
    }
    const parsed = { record, problems, synthetic };
    if (json !== undefined && json.length <= MAX_RECORD_CHARS) this.remoteCache.set(key, { json, parsed });
    return parsed;
  }
}

interface ParsedRemote {
  record: MachineRecord | null;
  problems: StoreProblem[];
  synthetic: { sessions: StudySession[]; practiceExams: PracticeExam[] };
}

/** Equal but for `writtenAt`, which changes on every publish and is not worth an upload. */
function sameContent(previous: unknown, next: MachineRecord): boolean {
  if (typeof previous !== 'object' || previous === null) return false;
  return JSON.stringify({ ...previous, writtenAt: '' }) === JSON.stringify({ ...next, writtenAt: '' });
}
