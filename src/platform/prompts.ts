import * as vscode from 'vscode';
import { isRetired, type Catalog } from '../core/catalog/catalog';
import { validateDateInput, validateNumberInput } from '../core/certifications/commandArgs';
import type { CustomDefinition } from '../core/certifications/certificationService';
import type { CatalogEntry } from '../core/model/catalog';
import { CERT_STATUSES, type CertStatus, type TrackedCertification } from '../core/model/tracking';
import { retirementNotice } from '../core/catalog/facts';
import { STATUS_ICONS, statusLabel } from '../core/tree/certTree';
import { asPlainText } from '../core/util/plainText';
import { t } from './l10n';

export const CUSTOM_PICK = 'custom';

interface CatalogPickItem extends vscode.QuickPickItem {
  key?: string;
}

/**
 * The add picker: the catalog grouped by provider, retired exams marked and sorted last, and
 * "Custom certification…" at the end. Returns a catalog key, CUSTOM_PICK, or undefined.
 */
export async function pickCatalogEntry(catalog: Catalog, tracked: ReadonlySet<string>, includeRetired: boolean): Promise<string | undefined> {
  const items: CatalogPickItem[] = [];
  for (const group of catalog.pickerGroups({ includeRetired })) {
    items.push({ label: group.provider, kind: vscode.QuickPickItemKind.Separator });
    for (const entry of group.entries) {
      const notice = retirementNotice(entry, t);
      const already = tracked.has(entry.key);
      items.push({
        key: entry.key,
        label: entry.name,
        iconPath: new vscode.ThemeIcon(notice ? 'archive' : already ? 'check' : 'mortar-board'),
        description: [entry.examCode, already ? t('already added') : null].filter(Boolean).join(' · '),
        detail: notice ? `$(warning) ${notice}` : undefined,
      });
    }
  }
  const custom = catalog.all().filter((e) => e.key.startsWith('custom:') && !tracked.has(e.key));
  if (custom.length) {
    items.push({ label: t('Your custom certifications'), kind: vscode.QuickPickItemKind.Separator });
    // Quick picks render `$(icon)` in these texts; a custom name is shown as typed.
    for (const entry of custom) {
      items.push({ key: entry.key, label: asPlainText(entry.name), description: asPlainText(entry.provider), iconPath: new vscode.ThemeIcon('person') });
    }
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ key: CUSTOM_PICK, label: t('Custom certification…'), iconPath: new vscode.ThemeIcon('add'), detail: t('Define a certification that is not in the catalog') });
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Add Certification'),
    placeHolder: t('Type to filter by name, provider or exam code'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.key;
}

/**
 * For a retired or closed exam: says so, since when, and offers its successors.
 * Returns the key to add (the picked successor or the retired one), or undefined to cancel.
 */
export async function confirmRetired(entry: CatalogEntry, catalog: Catalog): Promise<string | undefined> {
  if (!isRetired(entry)) return entry.key;
  const successors = entry.successorKeys.map((k) => catalog.get(k)).filter((e): e is CatalogEntry => !!e);
  const buttons = successors.map((s) => ({ title: t('Add {0} instead', s.shortName), key: s.key }));
  const anyway = { title: t('Add anyway'), key: entry.key };
  const detail = [
    retirementNotice(entry, t),
    entry.lifecycle.note,
    successors.length ? t('Its successors: {0}.', successors.map((s) => s.name).join('; ')) : t('No successor is known.'),
  ]
    .filter(Boolean)
    .join('\n');
  const choice = await vscode.window.showWarningMessage(t('{0} is no longer offered.', entry.name), { modal: true, detail }, ...buttons, anyway);
  return choice?.key;
}

/**
 * Picks one of the engineer's certifications. With only one, it is taken without asking, unless
 * `alwaysAsk` (removal must always show what it is about to remove).
 */
export async function pickTracked(
  list: readonly TrackedCertification[],
  catalog: Catalog,
  title: string,
  { alwaysAsk = false }: { alwaysAsk?: boolean } = {},
): Promise<string | undefined> {
  if (list.length === 0) {
    void vscode.window.showInformationMessage(t('No certifications yet. Add one first.'));
    return undefined;
  }
  if (list.length === 1 && !alwaysAsk) return list[0].key;
  const picked = await vscode.window.showQuickPick(
    list.map((c) => ({
      key: c.key,
      // The names may be custom ones, and quick picks render `$(icon)` in these texts.
      label: asPlainText(catalog.get(c.key)?.shortName ?? c.key),
      description: statusLabel(c.status, t),
      detail: asPlainText(catalog.get(c.key)?.name ?? ''),
      iconPath: new vscode.ThemeIcon(STATUS_ICONS[c.status].id),
    })),
    { title, placeHolder: t('Pick a certification') },
  );
  return picked?.key;
}

export async function pickStatus(current: CertStatus, title: string): Promise<CertStatus | undefined> {
  const picked = await vscode.window.showQuickPick(
    CERT_STATUSES.map((s) => ({
      status: s,
      label: statusLabel(s, t),
      description: s === current ? t('current') : undefined,
      iconPath: new vscode.ThemeIcon(STATUS_ICONS[s].id),
    })),
    { title, placeHolder: t('Set the status') },
  );
  return picked?.status;
}

/** Asks for a date; returns null for "cleared", undefined for "cancelled". */
export async function askDate(title: string, current: string | null, prompt: string): Promise<string | null | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt,
    value: current ?? '',
    placeHolder: 'YYYY-MM-DD',
    validateInput: (text) => validateDateInput(text, t),
  });
  if (value === undefined) return undefined;
  return value.trim() === '' ? null : value.trim();
}

/** Asks for a number; `validate` says what is wrong with the text typed. Returns null for "cleared", undefined for "cancelled". */
export async function askNumber(
  title: string,
  current: number | null,
  prompt: string,
  validate: (text: string) => string | undefined,
): Promise<number | null | undefined> {
  const value = await vscode.window.showInputBox({ title, prompt, value: current === null ? '' : String(current), validateInput: validate });
  if (value === undefined) return undefined;
  return value.trim() === '' ? null : Number(value.trim());
}

export async function askText(title: string, current: string, prompt: string): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value: current });
}

/** The custom-certification questions; undefined when the user cancels any of them. */
export async function askCustomDefinition(): Promise<CustomDefinition | undefined> {
  const title = t('Custom certification');
  const required = (text: string) => (text.trim() ? undefined : t('Required'));
  const name = await vscode.window.showInputBox({ title, prompt: t('Name (1/5)'), placeHolder: t('e.g. Snowflake SnowPro Core'), validateInput: required });
  if (name === undefined) return undefined;
  const provider = await vscode.window.showInputBox({ title, prompt: t('Provider (2/5)'), placeHolder: t('e.g. Snowflake'), validateInput: required });
  if (provider === undefined) return undefined;
  const domains = await vscode.window.showInputBox({ title, prompt: t('Exam domains, separated by semicolons (3/5, optional)'), placeHolder: t('e.g. Architecture; Data loading; Performance') });
  if (domains === undefined) return undefined;
  const passMark = await askNumber(title, null, t('Pass mark in percent (4/5, optional)'), (text) => validateNumberInput(text, 100, t));
  if (passMark === undefined) return undefined;
  const validity = await vscode.window.showInputBox({
    title,
    prompt: t('Validity in months (5/5, optional; empty if it does not expire or you do not know)'),
    validateInput: (text) => validateNumberInput(text, 240, t) ?? (text.trim() && !Number.isInteger(Number(text)) ? t('Whole months, please') : undefined),
  });
  if (validity === undefined) return undefined;
  return {
    name: name.trim(),
    provider: provider.trim(),
    domains: domains.split(';').map((d) => d.trim()).filter(Boolean),
    passMarkPercent: passMark,
    validityMonths: validity.trim() ? Number(validity) : null,
  };
}
