import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { validateDateInput, validateNumberInput } from '../../core/certifications/commandArgs';
import type { CostItem, CostKind } from '../../core/model/plans';
import { EditCostsArgSchema, parsePlanArg, SetBillingRatesArgSchema } from '../../core/plans/args';
import { formatUsd, roiSummaryLines, type RoiFigures } from '../../core/roi/roi';
import { asPlainText } from '../../core/util/plainText';
import { pickTracked } from '../../platform/prompts';
import type { PlanCommandDeps } from './planDeps';
import { t } from '../../platform/l10n';

const nameOf = (catalog: Catalog, key: string) => asPlainText(catalog.get(key)?.shortName ?? key);

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
