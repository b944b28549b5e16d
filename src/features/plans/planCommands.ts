import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { Month, Plan, StackId } from '../../core/model/plans';
import { ApplyStackArgSchema, EditPlanArgSchema, parsePlanArg, RemovePlanArgSchema, validateMonthInput } from '../../core/plans/args';
import { currentMonth } from '../../core/plans/months';
import { PlanError, planName, planSpan } from '../../core/plans/plan';
import type { AppliedStack } from '../../core/plans/planService';
import { defaultChoices, hoursNote, leftOutNote, replacementNote, resolveStack, type ResolvedStack } from '../../core/plans/resolve';
import { STACK_TEMPLATES } from '../../core/plans/stacks';
import { formatRange } from '../../core/catalog/facts';
import { asPlainText } from '../../core/util/plainText';
import type { PlanCommandDeps } from './planDeps';
import { t } from '../../platform/l10n';

const nameOf = (catalog: Catalog, key: string) => asPlainText(catalog.get(key)?.shortName ?? key);

// ── Apply a Certification Stack ───────────────────────────────────────────────────────────────

export type ApplyStackResult = AppliedStack & { message: string };

/**
 * `certStudy.applyStack [{ stack, startMonth?, choices? }]`: adds the stack's certifications not
 * yet tracked (planned, with targets) and saves the plan; a certification already tracked is left
 * as it is and named as skipped. Without an argument it asks for the stack, the start month and,
 * where a slot offers several exams, which one.
 */
export async function applyStackCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<ApplyStackResult | undefined> {
  const arg = parsePlanArg(ApplyStackArgSchema, rawArg, t);
  const catalog = deps.catalog();
  let input: { stack: StackId; startMonth: Month; choices?: Record<string, string | null> } | undefined;
  if (arg) {
    input = { stack: arg.stack, startMonth: arg.startMonth ?? currentMonth(deps.now()), choices: arg.choices };
  } else {
    input = await askStack(deps, catalog);
    if (!input) return undefined;
  }
  const applied = await deps.plans.applyStack(input);
  const message = appliedMessage(applied, catalog);
  deps.log.info(`stack applied: ${applied.plan.id} from ${applied.plan.startMonth}; added ${applied.added.join(', ') || 'none'}; skipped ${applied.skipped.join(', ') || 'none'}`);
  void vscode.window.showInformationMessage(message);
  return { ...applied, message };
}

function appliedMessage(applied: AppliedStack, catalog: Catalog): string {
  const span = planSpan(applied.plan);
  const parts = [t('Applied the {0} stack, {1} to {2}.', planName(applied.plan, t), span.from, span.to)];
  parts.push(applied.added.length ? t('Added as planned: {0}.', applied.added.map((k) => nameOf(catalog, k)).join(', ')) : t('Nothing new to add.'));
  if (applied.skipped.length) {
    parts.push(t('Skipped, already tracked and left as they were: {0}.', applied.skipped.map((k) => nameOf(catalog, k)).join(', ')));
  }
  for (const slot of applied.emptySlots) {
    parts.push(slot.leftOut.length ? slot.leftOut.map((k) => leftOutNote(k, catalog, t)).join(' ') : t('One slot left empty, as chosen.'));
  }
  return parts.join(' ');
}

async function askStack(deps: PlanCommandDeps, catalog: Catalog): Promise<{ stack: StackId; startMonth: Month; choices: Record<string, string | null> } | undefined> {
  const applied = new Set(deps.plans.plans().map((p) => p.id));
  const stacks = STACK_TEMPLATES.map((template) => ({ template, resolved: resolveStack(template, catalog) }));
  const picked = await vscode.window.showQuickPick(
    stacks.map(({ template, resolved }) => {
      const chosen = defaultChoices(resolved, catalog);
      const path = resolved.slots.map((s) => {
        const key = chosen.get(s.template.id);
        if (key) return nameOf(catalog, key);
        const gone = s.leftOut.map((k) => nameOf(catalog, k)).join(', ');
        return gone ? t('({0}: {1} no longer offered)', t(s.template.role), gone) : t('({0}: none)', t(s.template.role));
      });
      return {
        id: template.id,
        label: t(template.name),
        description: [
          t('{0} months · {1} USD/h target', formatRange(template.durationMonths) ?? '', formatRange(template.billingRateUsd) ?? ''),
          applied.has(template.id) ? t('already applied') : null,
        ]
          .filter(Boolean)
          .join(' · '),
        detail: path.join(' → '),
        iconPath: new vscode.ThemeIcon('milestone'),
      };
    }),
    { title: t('Apply a Certification Stack'), placeHolder: t('The source article’s stacks, brought up to date with the catalog'), matchOnDetail: true },
  );
  if (!picked) return undefined;
  const startMonth = await vscode.window.showInputBox({
    title: t('Apply the {0} stack', picked.label),
    prompt: t('Month 1 of the plan (YYYY-MM); every certification’s months follow from it'),
    value: currentMonth(deps.now()),
    placeHolder: 'YYYY-MM',
    validateInput: (text) => validateMonthInput(text, t),
  });
  if (startMonth === undefined) return undefined;
  const resolved = stacks.find((s) => s.template.id === picked.id)!.resolved;
  const choices = await askChoices(resolved, catalog, picked.label);
  return choices ? { stack: picked.id, startMonth: startMonth.trim(), choices } : undefined;
}

/** For each slot that offers several exams, which one (the default first); undefined when cancelled. */
async function askChoices(stack: ResolvedStack, catalog: Catalog, stackName: string): Promise<Record<string, string | null> | undefined> {
  const choices: Record<string, string | null> = {};
  for (const slot of stack.slots) {
    if (slot.options.length < 2) continue;
    const preferred = defaultChoices(stack, catalog, choices).get(slot.template.id) ?? null;
    const taken = new Set(Object.values(choices));
    const options = [...slot.options].filter((o) => !taken.has(o.key)).sort((a, b) => Number(b.key === preferred) - Number(a.key === preferred));
    const items = [
      ...options.map((o) => ({
        key: o.key as string | null,
        label: nameOf(catalog, o.key),
        description: o.key === preferred ? t('suggested') : undefined,
        detail: [replacementNote(o, catalog, t), hoursNote(o, catalog, t)].filter(Boolean).join(' ') || undefined,
      })),
      { key: null as string | null, label: t('Leave this slot empty'), description: undefined, detail: t('Plan no exam for these months') },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: t('{0}: months {1}–{2}', stackName, slot.template.fromMonth, slot.template.toMonth),
      placeHolder: t(slot.template.role),
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    choices[slot.template.id] = picked.key;
  }
  return choices;
}

// ── Edit Plan, Remove Plan ────────────────────────────────────────────────────────────────────

/**
 * `certStudy.editPlan [{ plan, startMonth? } | { plan, key, startMonth?, endMonth? }]`: a new
 * start month for the whole plan shifts every certification with it; with a key, that
 * certification's months are set. A start after the end is refused and nothing is saved.
 */
export async function editPlanCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<Plan | undefined> {
  const arg = parsePlanArg(EditPlanArgSchema, rawArg, t);
  const catalog = deps.catalog();
  const planId = arg?.plan ?? (await pickPlan(deps, t('Edit Plan')));
  if (!planId) return undefined;
  const plan = deps.plans.require(planId);
  if (arg?.startMonth && arg.key === undefined) return deps.plans.shift(planId, arg.startMonth);
  const itemOf = (key: string) => {
    const found = plan.items.find((i) => i.key === key);
    if (!found) throw new PlanError(t('{0} is not in the {1} plan.', key, planName(plan, t)));
    return found;
  };
  if (arg?.key !== undefined && (arg.startMonth || arg.endMonth)) {
    const item = itemOf(arg.key);
    return deps.plans.setMonths(planId, arg.key, arg.startMonth ?? item.startMonth, arg.endMonth ?? item.endMonth);
  }
  const what = arg?.key ?? (await pickPlanPart(plan, catalog));
  if (what === undefined) return undefined;
  const title = t('Edit the {0} plan', planName(plan, t));
  if (what === null) {
    const startMonth = await askMonth(title, plan.startMonth, t('Month 1 of the plan (YYYY-MM): every certification moves with it'));
    return startMonth ? deps.plans.shift(planId, startMonth) : undefined;
  }
  const item = itemOf(what);
  const name = nameOf(catalog, what);
  const startMonth = await askMonth(title, item.startMonth, t('First month for {0} (YYYY-MM)', name));
  if (!startMonth) return undefined;
  const endMonth = await askMonth(title, item.endMonth < startMonth ? startMonth : item.endMonth, t('Last month for {0} (YYYY-MM), not before {1}', name, startMonth), startMonth);
  if (!endMonth) return undefined;
  return deps.plans.setMonths(planId, what, startMonth, endMonth);
}

async function askMonth(title: string, value: string, prompt: string, notBefore?: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    placeHolder: 'YYYY-MM',
    validateInput: (v) => validateMonthInput(v, t) ?? (notBefore && v.trim() < notBefore ? t('The end month cannot come before the start month {0}', notBefore) : undefined),
  });
  return text?.trim() || undefined;
}

async function pickPlan(deps: PlanCommandDeps, title: string): Promise<StackId | undefined> {
  const plans = deps.plans.plans();
  if (plans.length === 0) {
    void vscode.window.showInformationMessage(t('No plan yet: apply a certification stack first.'));
    return undefined;
  }
  if (plans.length === 1) return plans[0].id;
  const picked = await vscode.window.showQuickPick(
    plans.map((p) => ({ id: p.id, label: planName(p, t), description: `${planSpan(p).from} – ${planSpan(p).to}`, iconPath: new vscode.ThemeIcon('milestone') })),
    { title, placeHolder: t('Pick a plan') },
  );
  return picked?.id;
}

/** null: the whole plan; a key: one certification; undefined: cancelled. */
async function pickPlanPart(plan: Plan, catalog: Catalog): Promise<string | null | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { key: null as string | null, label: t('Shift the whole plan'), description: t('month 1 is {0}', plan.startMonth), iconPath: new vscode.ThemeIcon('arrow-both') },
      ...plan.items.map((i) => ({ key: i.key as string | null, label: nameOf(catalog, i.key), description: `${i.startMonth} – ${i.endMonth}`, iconPath: new vscode.ThemeIcon('calendar') })),
    ],
    { title: t('Edit the {0} plan', planName(plan, t)), placeHolder: t('Shift the plan, or change one certification’s months') },
  );
  return picked ? picked.key : undefined;
}

/** `certStudy.removePlan [{ plan }]`: removes the plan (its certifications stay tracked) and offers Undo. */
export async function removePlanCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<Plan | undefined> {
  const arg = parsePlanArg(RemovePlanArgSchema, rawArg, t);
  const planId = arg?.plan ?? (await pickPlan(deps, t('Remove Plan')));
  if (!planId) return undefined;
  const { removed, index } = await deps.plans.remove(planId);
  const undo = t('Undo');
  void vscode.window
    .showInformationMessage(t('Removed the {0} plan. Its certifications stay in your list.', planName(removed, t)), undo)
    .then(async (choice) => {
      if (choice !== undo) return;
      try {
        await deps.plans.restore(removed, index);
      } catch (err) {
        void deps.log.showError(t('Undo'), err);
      }
    });
  return removed;
}

export type { PlanCommandDeps } from './planDeps';
