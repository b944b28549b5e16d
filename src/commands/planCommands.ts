import { uriFromPath } from '../services/hostPaths';
import * as vscode from 'vscode';
import type * as Ics from '../core/calendar/ics';
import type { Catalog } from '../core/catalog/catalog';
import { validateDateInput, validateNumberInput } from '../core/commandArgs';
import { calendarEvents, type CalendarEvent } from '../core/calendar/events';
import { sequenceEvents } from '../core/calendar/sequence';
import type { CostItem, CostKind, Month, Plan, StackId } from '../core/model/plans';
import type { BlockSettings } from '../core/timer/blockSchedule';
import {
  ApplyStackArgSchema,
  EditCostsArgSchema,
  EditPlanArgSchema,
  ExportCalendarArgSchema,
  parsePlanArg,
  RemovePlanArgSchema,
  SetBillingRatesArgSchema,
  validateMonthInput,
} from '../core/plans/args';
import { currentMonth } from '../core/plans/months';
import { PlanError, planName, planSpan } from '../core/plans/plan';
import type { AppliedStack, PlanService } from '../core/plans/planService';
import { defaultChoices, hoursNote, leftOutNote, replacementNote, resolveStack, type ResolvedStack } from '../core/plans/resolve';
import { STACK_TEMPLATES } from '../core/plans/stacks';
import { formatUsd, roiSummaryLines, type RoiFigures } from '../core/roi/roi';
import type { RoiService } from '../core/roi/roiService';
import type { StudyStore } from '../core/store/studyStore';
import { formatRange } from '../core/tree/facts';
import { asPlainText } from '../core/util/plainText';
import type { Log } from '../services/log';
import { pickTracked } from './prompts';

const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);

export interface PlanCommandDeps {
  plans: PlanService;
  roi: RoiService;
  store: StudyStore;
  catalog: () => Catalog;
  now: () => Date;
  log: Log;
  /** The settings these commands read (certStudy.billableHoursPerWeek, the morning block, …). */
  settings: () => {
    billableHoursPerWeek: number;
    block: BlockSettings;
    practiceIntervalDays: number;
    renewalWarnDays: number;
  };
  /**
   * Loads dist/calendar.js (src/core/calendar/ics.ts with ical-generator and the time-zone data,
   * about 70 KB) the first time Export Calendar runs: a bundle of its own, so app.js, and the tree
   * it serves, never pay for it.
   */
  loadCalendar: () => Promise<typeof Ics>;
  /** A new UUID (the calendar export's id, a profile's engineer id). */
  newId: () => string;
  /** The extension's version, for the calendar file's PRODID. */
  version: string;
}

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

// ── Costs, billing rates, return on investment ───────────────────────────────────────────────

const COST_KIND_LABELS = (): Record<CostKind, string> => ({
  exam: t('Exam fee'),
  retake: t('Retake'),
  voucher: t('Voucher'),
  course: t('Course'),
  other: t('Other cost'),
});

/**
 * `certStudy.editCosts [{ key, items? }]`: `items` replaces the certification's cost items
 * (`[]` clears them) and its cost becomes their sum. Without items it lists them to add or remove
 * one at a time; the exam fee is prefilled from the catalog.
 */
export async function editCostsCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<{ key: string; items: CostItem[]; totalUsd: number | null } | undefined> {
  const arg = parsePlanArg(EditCostsArgSchema, rawArg, t);
  const catalog = deps.catalog();
  const key = arg?.key ?? (await pickTracked(deps.store.state.get('certifications'), catalog, t('Edit Costs')));
  if (!key) return undefined;
  if (arg?.items) return deps.roi.setCosts(key, arg.items);

  const entry = catalog.get(key);
  const name = nameOf(catalog, key);
  const labels = COST_KIND_LABELS();
  let result: { key: string; items: CostItem[]; totalUsd: number | null } | undefined;
  for (;;) {
    const cert = deps.store.state.get('certifications').find((c) => c.key === key);
    let items = [...deps.roi.costsOf(key)];
    // A total entered before (Edit Certification's cost) becomes an item, so nothing is lost.
    if (!items.length && cert?.costUsd) items = [{ kind: 'other', amountUsd: cert.costUsd, note: t('entered as a total') }];
    const total = items.reduce((s, i) => s + i.amountUsd, 0);
    type Pick = vscode.QuickPickItem & { action: 'remove' | 'add' | 'done'; index?: number; costKind?: CostKind };
    const picks: Pick[] = [
      ...items.map((i, index) => ({
        action: 'remove' as const,
        index,
        label: `$(trash) ${labels[i.kind]}: ${formatUsd(i.amountUsd)}`,
        description: asPlainText(i.note),
        detail: t('Remove this cost'),
      })),
      { action: 'add', costKind: 'exam', label: `$(add) ${labels.exam}`, description: entry && entry.feeUsd !== null ? t('{0} from the catalog', formatUsd(entry.feeUsd)) : t('fee unknown in the catalog') },
      { action: 'add', costKind: 'retake', label: `$(add) ${labels.retake}` },
      { action: 'add', costKind: 'voucher', label: `$(add) ${labels.voucher}` },
      { action: 'add', costKind: 'course', label: `$(add) ${labels.course}` },
      { action: 'add', costKind: 'other', label: `$(add) ${labels.other}` },
      { action: 'done', label: t('Done'), description: t('total {0}', formatUsd(total)) },
    ];
    const picked = await vscode.window.showQuickPick(picks, { title: t('Costs of {0}: {1}', name, formatUsd(total)), placeHolder: t('Add a cost, or pick one to remove it') });
    if (!picked || picked.action === 'done') return result;
    if (picked.action === 'remove') {
      items.splice(picked.index!, 1);
    } else {
      const kind = picked.costKind!;
      const prefill = kind === 'exam' || kind === 'retake' ? (entry?.feeUsd ?? null) : null;
      const amount = await vscode.window.showInputBox({
        title: t('{0}: {1}', name, labels[kind]),
        prompt: t('Amount in USD'),
        value: prefill === null ? '' : String(prefill),
        validateInput: (text) => (text.trim() === '' ? t('Required') : validateNumberInput(text, 1_000_000, t)),
      });
      if (amount === undefined) continue;
      const note = await vscode.window.showInputBox({ title: t('{0}: {1}', name, labels[kind]), prompt: t('Note (optional), e.g. the course’s name') });
      if (note === undefined) continue;
      items.push({ kind, amountUsd: Number(amount.trim()), note: note.trim().slice(0, 200) });
    }
    result = await deps.roi.setCosts(key, items);
  }
}

/**
 * `certStudy.setBillingRates [{ baseline?, current?, changedOn? }]`: the hourly rates before and
 * after the certifications (in your profile, which the team file carries) and the day the current
 * rate took effect. null clears a value. Without an argument it asks for the three.
 */
export async function setBillingRatesCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<{ baseline: number | null; current: number | null; changedOn: string | null } | undefined> {
  const arg = parsePlanArg(SetBillingRatesArgSchema, rawArg, t);
  if (arg && Object.keys(arg).length) return deps.roi.setRates(arg);
  const profile = deps.store.state.get('profile');
  const title = t('Set Billing Rates');
  const rate = async (prompt: string, current: number | null) => {
    const value = await vscode.window.showInputBox({ title, prompt, value: current === null ? '' : String(current), validateInput: (text) => validateNumberInput(text, 100_000, t) });
    return value === undefined ? undefined : value.trim() === '' ? null : Number(value.trim());
  };
  const baseline = await rate(t('Baseline hourly billing rate in USD (1/3): before your certifications; empty for none'), profile?.billingRateUsd.baseline ?? null);
  if (baseline === undefined) return undefined;
  const current = await rate(t('Current hourly billing rate in USD (2/3); empty for none'), profile?.billingRateUsd.current ?? null);
  if (current === undefined) return undefined;
  const changedOn = await vscode.window.showInputBox({
    title,
    prompt: t('The day the current rate took effect (3/3), YYYY-MM-DD; empty if unknown'),
    value: deps.store.state.get('roi').rateChangedOn ?? '',
    placeHolder: 'YYYY-MM-DD',
    validateInput: (text) => validateDateInput(text, t),
  });
  if (changedOn === undefined) return undefined;
  return deps.roi.setRates({ baseline, current, changedOn: changedOn.trim() || null });
}

/** `certStudy.showRoi`: money invested, the rate change and the estimated extra revenue. Returns the figures. */
export async function showRoiCommand(deps: PlanCommandDeps): Promise<RoiFigures> {
  const figures = deps.roi.figures(deps.settings().billableHoursPerWeek);
  const lines = roiSummaryLines(figures, t);
  deps.log.info(`return on investment: ${lines.join(' | ')}`);
  const setRates = t('Set Billing Rates');
  const editCosts = t('Edit Costs');
  const choice = await vscode.window.showInformationMessage(t('Return on your certifications'), { modal: true, detail: lines.join('\n') }, editCosts, setRates);
  if (choice === setRates) void vscode.commands.executeCommand('certStudy.setBillingRates');
  if (choice === editCosts) void vscode.commands.executeCommand('certStudy.editCosts');
  return figures;
}

// ── Export Calendar ───────────────────────────────────────────────────────────────────────────

export interface ExportCalendarResult {
  path: string;
  /** `sequence`: the SEQUENCE written, which rises only for an event that changed since the last export. */
  events: { uid: string; summary: string; kind: CalendarEvent['kind']; sequence: number }[];
}

/**
 * `certStudy.exportCalendar [{ path }]`: writes an .ics file with the exam dates, the morning
 * study block (weekly, in your time zone), practice exams falling due and renewal deadlines.
 * Every event keeps its UID from one export to the next, so importing a newer file updates them.
 */
export async function exportCalendarCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<ExportCalendarResult | undefined> {
  const arg = parsePlanArg(ExportCalendarArgSchema, rawArg, t);
  let state = deps.store.state.get('calendarExport');
  let target: vscode.Uri | undefined = arg ? uriFromPath(arg.path) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: t('Export Calendar'),
      defaultUri: state?.lastPath ? uriFromPath(state.lastPath) : folder ? vscode.Uri.joinPath(folder, 'cert-study.ics') : undefined,
      filters: { [t('Calendar')]: ['ics'] },
    });
    if (!target) return undefined;
  }
  // The export's id is made once and kept: every UID carries it.
  state = await deps.store.state.update('calendarExport', (current) => current ?? { id: deps.newId(), lastPath: null, events: {}, sequenceBase: 0 });
  const calendarId = state!.id;
  const settings = deps.settings();
  const snapshot = deps.store.snapshot();
  const now = deps.now();
  const events = calendarEvents({
    certifications: snapshot.certifications,
    sessions: snapshot.sessions,
    practiceExams: snapshot.practiceExams,
    catalog: deps.catalog(),
    block: settings.block,
    practiceIntervalDays: settings.practiceIntervalDays,
    renewalWarnDays: settings.renewalWarnDays,
    calendarId,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now,
    t,
  });
  // SEQUENCE rises for the events that changed since the last export, and only for them.
  const sequenced = sequenceEvents(events, state, now);
  const text = (await deps.loadCalendar()).writeIcs(events, { now, version: deps.version, calendarName: t('Cert Study'), sequences: sequenced.sequences });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const lastPath = target.fsPath;
  await deps.store.state.update('calendarExport', (current) => ({ id: current?.id ?? calendarId, lastPath, events: sequenced.events, sequenceBase: sequenced.sequenceBase }));
  deps.log.info(`calendar exported: ${target.fsPath} (${events.length} events)`);
  if (!arg) {
    void vscode.window.showInformationMessage(
      t('Exported {0} calendar events to {1}. Import it into your calendar; importing a newer export updates the same events.', events.length, target.fsPath),
    );
  }
  return { path: target.fsPath, events: events.map((e) => ({ uid: e.uid, summary: e.summary, kind: e.kind, sequence: sequenced.sequences[e.uid] })) };
}
