import * as z from 'zod';
import { STATE_SPECS, type StateSpecs } from '../store/stateSpecs';
import type { SpecValue } from '../store/stateStore';
import { describeFirstIssue } from '../store/zodIssues';

/**
 * The small state that follows the engineer to every machine, cut into items so two machines
 * editing different certifications both keep their edit.
 *
 * Not shared, on purpose: `practiceReminders` and `renewalReminders` remember which reminders
 * this machine already showed (each machine shows its own, once), and `calendarExport` holds
 * this machine's file path; all three are machine-local memory, not the engineer's plan.
 */
export const SHARED_KEYS = ['certifications', 'customCertifications', 'plans', 'costs', 'profile', 'roi'] as const;
export type SharedKey = (typeof SHARED_KEYS)[number];
export type SharedState = { [K in SharedKey]: SpecValue<StateSpecs, K> };

/** The shared lists: one item per element, named by the store's own identity of it (STATE_SPECS[key].identityOf). */
const LIST_KEYS = ['certifications', 'customCertifications', 'plans'] as const;
type ListKey = (typeof LIST_KEYS)[number];
const isListKey = (key: SharedKey): key is ListKey => (LIST_KEYS as readonly string[]).includes(key);

/** A change to one item: its new value, or null for a removal. */
export type ItemChange = { value: unknown } | null;

const isFallback = (key: SharedKey, value: unknown) => JSON.stringify(value) === JSON.stringify(STATE_SPECS[key].fallback);

/**
 * Every item present in the state, by item id. A single value at its fallback (no profile yet,
 * no rate-change day) is absent rather than an item: a machine that never set it must not
 * publish "empty" as a fresh edit that would wipe what another machine set.
 */
export function itemsOf(state: SharedState): Map<string, unknown> {
  const items = new Map<string, unknown>();
  for (const key of LIST_KEYS) for (const item of state[key]) items.set(`${key}:${STATE_SPECS[key].identityOf(item)}`, item);
  for (const [key, costs] of Object.entries(state.costs)) items.set(`costs:${key}`, costs);
  if (!isFallback('profile', state.profile)) items.set('profile', state.profile);
  if (!isFallback('roi', state.roi)) items.set('roi', state.roi);
  return items;
}

/** `certifications:aws-mla-c01` → `certifications`. Item ids are validated before they get here. */
export function stateKeyOfItem(itemId: string): SharedKey {
  return itemId.split(':')[0] as SharedKey;
}

/** The part after the first colon: the identity the value must carry. */
const identityOf = (itemId: string) => itemId.slice(itemId.indexOf(':') + 1);

/** The store's own schemas, item by item, so another machine can never put in what this one could not. */
const ITEM_SCHEMAS: Record<SharedKey, z.ZodType<unknown>> = {
  certifications: STATE_SPECS.certifications.itemSchema,
  customCertifications: STATE_SPECS.customCertifications.itemSchema,
  plans: STATE_SPECS.plans.itemSchema,
  costs: STATE_SPECS.costs.schema.valueType,
  profile: STATE_SPECS.profile.schema.unwrap(),
  roi: STATE_SPECS.roi.schema,
};

/** Validates a value from another machine for its item; the value must also carry the item's own key or id. */
export function parseItemValue(itemId: string, value: unknown): { success: true; value: unknown } | { success: false; path: string; message: string } {
  const key = stateKeyOfItem(itemId);
  const parsed = ITEM_SCHEMAS[key].safeParse(value);
  if (!parsed.success) return { success: false, ...describeFirstIssue(parsed.error) };
  const own = isListKey(key) ? STATE_SPECS[key].identityOf(parsed.data) : null;
  if (own !== null && own !== identityOf(itemId)) {
    return { success: false, path: key === 'plans' ? '.id' : '.key', message: `is ${own}, not the item's ${identityOf(itemId)}` };
  }
  return { success: true, value: parsed.data };
}

/**
 * The state's values with the changes applied, for the keys they touch. Lists keep their order
 * (a changed item stays where it was); items new to this machine go last.
 */
export function withItemChanges(state: SharedState, changes: ReadonlyMap<string, ItemChange>): Partial<SharedState> {
  const byKey = new Map<SharedKey, Map<string, ItemChange>>();
  for (const [id, change] of changes) {
    const key = stateKeyOfItem(id);
    const map = byKey.get(key) ?? new Map<string, ItemChange>();
    map.set(id, change);
    byKey.set(key, map);
  }
  const next: Partial<Record<SharedKey, unknown>> = {};
  for (const [key, keyChanges] of byKey) {
    if (isListKey(key)) {
      next[key] = applyToList<unknown>(state[key], `${key}:`, STATE_SPECS[key].identityOf, keyChanges);
      continue;
    }
    switch (key) {
      case 'costs': {
        const entries = applyToList(Object.entries(state.costs), 'costs:', ([k]) => k, keyChanges, (id, value): [string, SharedState['costs'][string]] => [identityOf(id), value as SharedState['costs'][string]]);
        next.costs = Object.fromEntries(entries);
        break;
      }
      case 'profile':
      case 'roi': {
        const change = keyChanges.get(key);
        next[key] = change ? change.value : STATE_SPECS[key].fallback;
        break;
      }
    }
  }
  return next as Partial<SharedState>;
}

function applyToList<T>(
  list: readonly T[],
  prefix: string,
  idOf: (item: T) => string,
  changes: ReadonlyMap<string, ItemChange>,
  fromValue: (id: string, value: unknown) => T = (_id, value) => value as T,
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const id = prefix + idOf(item);
    seen.add(id);
    const change = changes.get(id);
    if (change === undefined) out.push(item);
    else if (change !== null) out.push(fromValue(id, change.value));
  }
  for (const [id, change] of changes) {
    if (change !== null && !seen.has(id)) out.push(fromValue(id, change.value));
  }
  return out;
}
