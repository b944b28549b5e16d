import type { Catalog } from '../catalog/catalog';
import { isRetired } from '../catalog/catalog';
import type { CatalogEntry } from '../model/catalog';
import type { Range } from '../model/primitives';
import type { Localize } from '../util/localize';
import type { StackSlotTemplate, StackTemplate } from './stacks';

/**
 * A stack template brought up to date against the catalog: where the article names an exam that
 * has retired or closed, its successors stand in (and say so); one with no successor is left
 * out (and says so). The fact sheet behind the catalog wins over the article.
 */

/** Why an exam the article names is not offered as it is. */
export type Replacement =
  /** Retired or closed, with successors in the catalog: they stand in for it. */
  | { kind: 'successor'; of: string }
  /** Its status is unknown, and the catalog's current path (its successors) stands in. */
  | { kind: 'current-path'; of: string };

export interface SlotOption {
  key: string;
  /** Set when this exam stands in for one the article names. */
  replaces: Replacement | null;
  /** The study-hour range the target comes from, and whose figure it is. */
  hours: { range: Range; from: string } | null;
}

export interface ResolvedSlot {
  template: StackSlotTemplate;
  /** In order of preference; empty when every exam the article names is gone without successor. */
  options: SlotOption[];
  /** Exams the article names that are left out: retired or closed, with no successor in the catalog. */
  leftOut: string[];
}

export interface ResolvedStack {
  template: StackTemplate;
  slots: ResolvedSlot[];
}

export function resolveStack(template: StackTemplate, catalog: Catalog): ResolvedStack {
  return { template, slots: template.slots.map((slot) => resolveSlot(slot, catalog)) };
}

function resolveSlot(slot: StackSlotTemplate, catalog: Catalog): ResolvedSlot {
  const options: SlotOption[] = [];
  const leftOut: string[] = [];
  const offer = (key: string, replaces: Replacement | null, hoursFrom: CatalogEntry | undefined) => {
    if (options.some((o) => o.key === key)) return;
    const entry = catalog.get(key);
    if (!entry || isRetired(entry)) return;
    // The catalog carries the article's study hours only for the exams the article names; a
    // successor borrows the figure of the exam it stands in for, and says whose figure it is.
    const own = entry.recommendedStudyHours;
    const borrowed = hoursFrom?.recommendedStudyHours ?? null;
    const hours = own ? { range: own, from: key } : borrowed && hoursFrom ? { range: borrowed, from: hoursFrom.key } : null;
    options.push({ key, replaces, hours });
  };
  for (const key of slot.articleKeys) {
    const entry = catalog.get(key);
    if (!entry) throw new Error(`stack slot ${slot.id}: ${key} is not in the catalog`);
    if (isRetired(entry)) {
      const successors = entry.successorKeys.filter((k) => {
        const e = catalog.get(k);
        return e !== undefined && !isRetired(e);
      });
      if (!successors.length) leftOut.push(key);
      for (const k of successors) offer(k, { kind: 'successor', of: key }, entry);
    } else if (entry.lifecycle.state === 'unknown' && entry.successorKeys.length) {
      for (const k of entry.successorKeys) offer(k, { kind: 'current-path', of: key }, entry);
    } else {
      offer(key, null, entry);
    }
  }
  for (const key of slot.extraKeys ?? []) offer(key, null, undefined);
  return { template: slot, options, leftOut };
}

/**
 * The exams picked by default: each slot's first option not already in the plan and, for a
 * "second platform" slot, from another provider than the slots it follows. A slot with no
 * option left is empty (null).
 */
export function defaultChoices(stack: ResolvedStack, catalog: Catalog, given: Readonly<Record<string, string | null>> = {}): Map<string, string | null> {
  const chosen = new Map<string, string | null>();
  const taken = () => new Set([...chosen.values()].filter((k): k is string => k !== null));
  // Choices given explicitly are fixed first, so the defaults steer around them.
  for (const slot of stack.slots) if (slot.template.id in given) chosen.set(slot.template.id, given[slot.template.id]);
  for (const slot of stack.slots) {
    if (chosen.has(slot.template.id)) continue;
    const used = taken();
    const providers = new Set(
      (slot.template.otherProviderThan ?? [])
        .map((id) => chosen.get(id))
        .filter((k): k is string => typeof k === 'string')
        .map((k) => catalog.get(k)?.provider),
    );
    const free = slot.options.filter((o) => !used.has(o.key));
    const pick = free.find((o) => !providers.has(catalog.get(o.key)?.provider)) ?? free[0];
    chosen.set(slot.template.id, pick?.key ?? null);
  }
  return new Map(stack.slots.map((s) => [s.template.id, chosen.get(s.template.id) ?? null]));
}

/** "AWS MLS-C01 retired on 2026-03-31; AWS MLA-C01 is its successor." */
export function replacementNote(option: SlotOption, catalog: Catalog, t: Localize): string | null {
  const r = option.replaces;
  if (!r) return null;
  const name = (key: string) => catalog.get(key)?.shortName ?? key;
  const original = catalog.get(r.of);
  if (r.kind === 'current-path') {
    return t('The article names {0}, whose status is unknown; {1} is on its current path in the catalog.', name(r.of), name(option.key));
  }
  const l = original?.lifecycle;
  const stopped =
    l?.state === 'closed'
      ? l.since
        ? t('{0} closed on {1}', name(r.of), l.since)
        : t('{0} has closed', name(r.of))
      : l?.state === 'retired' && l.since
        ? t('{0} retired on {1}', name(r.of), l.since)
        : t('{0} has retired', name(r.of));
  return t('The article names {0}: {1}, and {2} is its successor.', name(r.of), stopped, name(option.key));
}

/** "TensorFlow Dev closed (date unknown) and has no successor: left out." */
export function leftOutNote(key: string, catalog: Catalog, t: Localize): string {
  const entry = catalog.get(key);
  const name = entry?.shortName ?? key;
  const l = entry?.lifecycle;
  if (l?.state === 'closed') return l.since ? t('{0} closed on {1} and has no successor: left out.', name, l.since) : t('{0} has closed and has no successor: left out.', name);
  return l?.state === 'retired' && l.since ? t('{0} retired on {1} and has no successor: left out.', name, l.since) : t('{0} has retired and has no successor: left out.', name);
}

/** Where a target's hours come from, when it is not the exam's own figure. */
export function hoursNote(option: SlotOption, catalog: Catalog, t: Localize): string | null {
  if (!option.hours) return t('The catalog has no study-hour figure for {0}: set your own target.', catalog.get(option.key)?.shortName ?? option.key);
  if (option.hours.from === option.key) return null;
  const r = option.hours.range;
  return t('Target from the article’s {0}–{1} h for {2}, which it stands in for.', r.min, r.max, catalog.get(option.hours.from)?.shortName ?? option.hours.from);
}
