import type { Catalog } from '../catalog/catalog';
import { newTrackedCertification } from '../certifications/certifications';
import { hoursToMinutes } from '../time/durations';
import type { Month, Plan, PlanItem, StackId } from '../model/plans';
import type { TrackedCertification } from '../model/tracking';
import { toOffsetInstant } from '../time/clock';
import type { Localize } from '../util/localize';
import { addMonths, monthsBetween } from './months';
import { defaultChoices, resolveStack, type ResolvedSlot, type ResolvedStack } from './resolve';
import { stackTemplate, STACK_TEMPLATES } from './stacks';

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface StackApplication {
  plan: Plan;
  /** Certifications to add, planned, with their targets. */
  toAdd: TrackedCertification[];
  /** Planned certifications already tracked: left exactly as they are. */
  skipped: string[];
  /** Slots left empty: every exam the article names there is gone without successor (or the choice was null). */
  emptySlots: ResolvedSlot[];
}

export function resolvedStack(id: string, catalog: Catalog, t: Localize): ResolvedStack {
  const template = stackTemplate(id);
  if (!template) throw new PlanError(t('There is no stack "{0}"; the stacks are {1}.', id, STACK_TEMPLATES.map((s) => s.id).join(', ')));
  return resolveStack(template, catalog);
}

/**
 * Makes a plan from a stack: month 1 of the stack is `startMonth`, each slot's certification gets
 * the slot's months, and a certification not yet tracked is added as planned with a target from
 * the catalog's study hours (the lower end of the range, as Add Certification does). One already
 * tracked is never changed: it is planned, and reported as skipped. `choices` picks a slot's exam
 * among its options (null leaves the slot empty); the rest take the defaults.
 */
export function applyStackTemplate(input: {
  stack: StackId;
  startMonth: Month;
  choices?: Readonly<Record<string, string | null>>;
  tracked: readonly TrackedCertification[];
  catalog: Catalog;
  now: Date;
  t: Localize;
}): StackApplication {
  const { catalog, t } = input;
  const stack = resolvedStack(input.stack, catalog, t);
  const given = input.choices ?? {};
  for (const [slotId, key] of Object.entries(given)) {
    const slot = stack.slots.find((s) => s.template.id === slotId);
    if (!slot) throw new PlanError(t('choices: the {0} stack has no slot "{1}"; its slots are {2}.', stack.template.name, slotId, stack.slots.map((s) => s.template.id).join(', ')));
    if (key !== null && !slot.options.some((o) => o.key === key)) {
      const options = slot.options.map((o) => o.key).join(', ') || t('none');
      throw new PlanError(t('choices.{0}: {1} is not an option for this slot (options: {2}).', slotId, key, options));
    }
  }
  const picked = Object.values(given).filter((k): k is string => k !== null);
  const twice = picked.find((k, i) => picked.indexOf(k) !== i);
  if (twice) throw new PlanError(t('choices: {0} is chosen for two slots; a plan holds each certification once.', twice));

  const chosen = defaultChoices(stack, catalog, given);
  const items: PlanItem[] = [];
  const toAdd: TrackedCertification[] = [];
  const skipped: string[] = [];
  const emptySlots: ResolvedSlot[] = [];
  const trackedKeys = new Set(input.tracked.map((c) => c.key));
  for (const slot of stack.slots) {
    const key = chosen.get(slot.template.id) ?? null;
    const option = slot.options.find((o) => o.key === key);
    if (!option) {
      emptySlots.push(slot);
      continue;
    }
    items.push({
      key: option.key,
      slot: slot.template.id,
      startMonth: addMonths(input.startMonth, slot.template.fromMonth - 1),
      endMonth: addMonths(input.startMonth, slot.template.toMonth - 1),
    });
    if (trackedKeys.has(option.key)) {
      skipped.push(option.key);
      continue;
    }
    const entry = catalog.get(option.key)!;
    const cert = newTrackedCertification(entry, input.now);
    toAdd.push({ ...cert, targetMinutes: option.hours ? hoursToMinutes(option.hours.range.min) : null });
  }
  const plan: Plan = { id: stack.template.id, startMonth: input.startMonth, createdAt: toOffsetInstant(input.now), items };
  return { plan, toAdd, skipped, emptySlots };
}

/** Moves the whole plan so that month 1 is `startMonth`: every certification's months move with it. */
export function shiftPlan(plan: Plan, startMonth: Month): Plan {
  const by = monthsBetween(plan.startMonth, startMonth);
  return {
    ...plan,
    startMonth,
    items: plan.items.map((i) => ({ ...i, startMonth: addMonths(i.startMonth, by), endMonth: addMonths(i.endMonth, by) })),
  };
}

/** Sets one planned certification's months; a start after the end is refused. */
export function setItemMonths(plan: Plan, key: string, startMonth: Month, endMonth: Month, t: Localize): Plan {
  if (startMonth > endMonth) throw new PlanError(t('The start month {0} is after the end month {1}.', startMonth, endMonth));
  if (!plan.items.some((i) => i.key === key)) throw new PlanError(t('{0} is not in the {1} plan.', key, planName(plan, t)));
  return { ...plan, items: plan.items.map((i) => (i.key === key ? { ...i, startMonth, endMonth } : i)) };
}

/** The plan's first and last month: its start month, and the last planned month (or its template's length). */
export function planSpan(plan: Plan): { from: Month; to: Month } {
  const ends = plan.items.map((i) => i.endMonth);
  const starts = plan.items.map((i) => i.startMonth);
  const template = stackTemplate(plan.id);
  const templateEnd = template ? addMonths(plan.startMonth, Math.max(...template.slots.map((s) => s.toMonth)) - 1) : plan.startMonth;
  const to = [templateEnd, ...ends].reduce((a, b) => (b > a ? b : a));
  const from = [plan.startMonth, ...starts].reduce((a, b) => (b < a ? b : a));
  return { from, to };
}

export function planName(plan: Plan, t: Localize): string {
  const template = stackTemplate(plan.id);
  return template ? t(template.name) : plan.id;
}

/** The months a slot covers in this plan (for slots left empty, which have no item). */
export function slotMonths(plan: Plan, slot: { fromMonth: number; toMonth: number }): { startMonth: Month; endMonth: Month } {
  return { startMonth: addMonths(plan.startMonth, slot.fromMonth - 1), endMonth: addMonths(plan.startMonth, slot.toMonth - 1) };
}
