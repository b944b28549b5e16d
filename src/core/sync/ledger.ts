import * as z from 'zod';
import { STATE_SPECS } from '../store/stateSpecs';
import type { StoreProblem } from '../store/ports';
import { hashValue } from '../util/hash';
import { ItemIdSchema, machineKeyOf, MachineIdSchema, syncProblem, UtcInstantSchema, type MachineRecord, type SharedEntry } from './machineRecord';
import { itemsOf, parseItemValue, SHARED_KEYS, stateKeyOfItem, withItemChanges, type ItemChange, type SharedKey, type SharedState } from './sharedItems';

/**
 * The sync ledger: per shared item, when it last changed and on which machine, and a hash of
 * the value then. Machine-local (globalState `certStudy.syncLedger`, never synced): it is how
 * this machine tells its own edits (the value's hash moved) from what it took from another
 * machine (stamped with that machine's time), so a pulled change never looks like a fresh
 * local edit and bounces back.
 */
export const LEDGER_KEY = 'certStudy.syncLedger';
export const LEDGER_VERSION = 1;

/**
 * A removal is remembered this long, so a machine that still has the item cannot bring it back.
 * Past it the tombstone may go: a machine away from Settings Sync for longer than this could
 * resurrect an item it removed, which is the price of a ledger that does not grow forever.
 */
export const TOMBSTONE_DAYS = 400;

/** A remote entry stamped further ahead than this is a wrong clock (or a hostile record): it would win every merge. */
export const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;

export const LedgerEntrySchema = z
  .object({
    updatedAt: UtcInstantSchema,
    by: MachineIdSchema,
    /** hashValue of the value; '' for a removal. */
    hash: z.string().max(64),
    deleted: z.literal(true).optional(),
  })
  .strict();

export const LedgerSchema = z.record(ItemIdSchema, LedgerEntrySchema);
export const StoredLedgerSchema = z.object({ v: z.literal(LEDGER_VERSION), data: LedgerSchema }).strict();

export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type Ledger = Record<string, LedgerEntry>;

/** Strictly newer in the order every machine agrees on: the later instant, then the greater machine id. */
export function isNewer(a: { updatedAt: string; by: string }, b: { updatedAt: string; by: string } | undefined): boolean {
  if (!b) return true;
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.by > b.by);
}

const isoMinus = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Records this machine's edits: an item whose value changed (or is new) is stamped `now` by
 * `machineId`; an item gone from the state becomes a tombstone; old tombstones are pruned.
 * A stamp is never earlier than the version it replaces (a clock behind another machine's
 * would otherwise let the older version win back). Unchanged entries are kept as they are, so
 * the result equals the input when nothing changed.
 */
export function stampLocalChanges(ledger: Ledger, shared: SharedState, now: Date, machineId: string): Ledger {
  const items = itemsOf(shared);
  const next: Ledger = {};
  const stampAfter = (previous: LedgerEntry | undefined) =>
    previous && previous.updatedAt >= now.toISOString() ? new Date(Date.parse(previous.updatedAt) + 1).toISOString() : now.toISOString();
  for (const [id, value] of items) {
    const previous = ledger[id];
    const hash = hashValue(value);
    next[id] = previous && !previous.deleted && previous.hash === hash ? previous : { updatedAt: stampAfter(previous), by: machineId, hash };
  }
  const pruneBefore = isoMinus(now, TOMBSTONE_DAYS);
  for (const [id, previous] of Object.entries(ledger)) {
    if (items.has(id)) continue;
    if (previous.deleted) {
      if (previous.updatedAt >= pruneBefore) next[id] = previous;
    } else {
      next[id] = { updatedAt: stampAfter(previous), by: machineId, hash: '', deleted: true };
    }
  }
  return next;
}

/** The entries this machine publishes: every item it knows, its current value or its tombstone. */
export function sharedEntries(ledger: Ledger, shared: SharedState): Record<string, SharedEntry> {
  const items = itemsOf(shared);
  const entries: Record<string, SharedEntry> = {};
  for (const id of Object.keys(ledger).sort()) {
    const { updatedAt, by, deleted } = ledger[id];
    if (deleted) entries[id] = { updatedAt, by, deleted: true };
    else if (items.has(id)) entries[id] = { updatedAt, by, value: items.get(id) };
  }
  return entries;
}

export interface MergeResult {
  /** The shared state after the merge (every key; only `changedKeys` differ from the input). */
  state: SharedState;
  ledger: Ledger;
  changedKeys: SharedKey[];
  problems: StoreProblem[];
}

/**
 * Merges other machines' records into this machine's shared state, item by item: the newest
 * entry across the local ledger and every remote wins (see isNewer), so a local edit newer than
 * a remote one is kept, and every machine ends with the same winners whatever order records
 * arrive in. Applied entries are stamped in the ledger with their origin's time and machine.
 *
 * The ledger must already hold this machine's own edits (stampLocalChanges first). A remote
 * value that fails the store's schema is skipped and reported; so is a key whose merged value
 * as a whole would not be valid (e.g. more plans than allowed), which then keeps its local value.
 */
export function mergeRemote(local: SharedState, ledger: Ledger, remotes: readonly MachineRecord[], now: Date): MergeResult {
  const problems: StoreProblem[] = [];
  const localItems = itemsOf(local);
  const nextLedger: Ledger = { ...ledger };
  const changes = new Map<string, ItemChange>();
  const horizon = new Date(now.getTime() + MAX_CLOCK_SKEW_MS).toISOString();
  const pruneBefore = isoMinus(now, TOMBSTONE_DAYS);
  const ordered = [...remotes].sort((a, b) => (a.machineId < b.machineId ? -1 : a.machineId > b.machineId ? 1 : 0));

  const ids = new Set<string>(Object.keys(ledger));
  for (const r of ordered) for (const id of Object.keys(r.shared.items)) ids.add(id);

  for (const id of [...ids].sort()) {
    let best: { updatedAt: string; by: string } | undefined = ledger[id];
    let winner: { entry: SharedEntry; value: unknown } | null = null;
    for (const r of ordered) {
      const entry = r.shared.items[id];
      if (!entry || !isNewer(entry, best)) continue;
      const where = `.shared.items[${JSON.stringify(id)}]`;
      if (entry.updatedAt > horizon) {
        problems.push(syncProblem(machineKeyOf(r.machineId), `${where}.updatedAt`, `is ${entry.updatedAt}, more than a day ahead of this machine's clock; the item is skipped`));
        continue;
      }
      let value: unknown = undefined;
      if (!entry.deleted) {
        const parsed = parseItemValue(id, entry.value);
        if (!parsed.success) {
          problems.push(syncProblem(machineKeyOf(r.machineId), `${where}.value${parsed.path}`, `${parsed.message}; the item is skipped`));
          continue;
        }
        value = parsed.value;
      }
      best = entry;
      winner = { entry, value };
    }
    if (!winner) continue;
    const { updatedAt, by } = winner.entry;
    if (winner.entry.deleted) {
      if (localItems.has(id)) changes.set(id, null);
      // A tombstone past its time is applied but not kept: it would be pruned at once and come back.
      if (updatedAt >= pruneBefore) nextLedger[id] = { updatedAt, by, hash: '', deleted: true };
      else delete nextLedger[id];
    } else {
      const hash = hashValue(winner.value);
      if (!localItems.has(id) || hashValue(localItems.get(id)) !== hash) changes.set(id, { value: winner.value });
      nextLedger[id] = { updatedAt, by, hash };
    }
  }

  const next = withItemChanges(local, changes);
  const state = { ...local } as Record<SharedKey, unknown>;
  const changedKeys: SharedKey[] = [];
  for (const key of SHARED_KEYS) {
    if (!(key in next)) continue;
    const whole = STATE_SPECS[key].schema.safeParse(next[key]);
    if (whole.success) {
      state[key] = whole.data;
      changedKeys.push(key);
      continue;
    }
    problems.push({ where: `Settings Sync ${STATE_SPECS[key].name}`, message: `the merged value would not be valid (${whole.error.issues[0]?.message ?? 'invalid'}); this machine's is kept`, backupPath: null });
    for (const id of ids) {
      if (stateKeyOfItem(id) !== key) continue;
      if (ledger[id]) nextLedger[id] = ledger[id];
      else delete nextLedger[id];
    }
  }
  return { state: state as SharedState, ledger: nextLedger, changedKeys, problems };
}
