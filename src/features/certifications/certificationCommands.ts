import * as vscode from 'vscode';
import {
  AddArgSchema,
  EditArgSchema,
  RemoveArgSchema,
  SetStatusArgSchema,
  parseCommandArg,
  validateNumberInput,
  validateTargetHoursInput,
  type EditableField,
} from '../../core/certifications/commandArgs';
import type { CertificationPatch, CertificationService } from '../../core/certifications/certificationService';
import type { TrackedCertification } from '../../core/model/tracking';
import { formatHours } from '../../core/time/durations';
import { statusLabel } from '../../core/tree/certTree';
import { asPlainText } from '../../core/util/plainText';
import { config } from '../../platform/config';
import type { Log } from '../../platform/log';
import { askCustomDefinition, askDate, askNumber, askText, confirmRetired, CUSTOM_PICK, pickCatalogEntry, pickStatus, pickTracked } from '../../platform/prompts';
import { t } from '../../platform/l10n';

/** The patch part of an argument object: every editable field that was given. */
function patchFrom(arg: Partial<Record<keyof CertificationPatch, unknown>>): CertificationPatch {
  const patch: Record<string, unknown> = {};
  for (const field of ['examDate', 'targetHours', 'costUsd', 'notes', 'expiresOn', 'status'] as const) {
    if (arg[field] !== undefined) patch[field] = arg[field];
  }
  return patch as CertificationPatch;
}

/**
 * `certStudy.addCertification [{ key, examDate?, targetHours?, costUsd?, notes? } | { custom: {...}, ... }]`
 * Returns the added certification, or undefined when cancelled.
 */
export async function addCertification(service: CertificationService, rawArg: unknown): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(AddArgSchema, rawArg, t);
  if (arg && 'custom' in arg) return service.addCustom(arg.custom, patchFrom(arg));
  if (arg) return service.add(arg.key, patchFrom(arg));

  const catalog = service.catalog();
  const tracked = new Set(service.tracked().map((c) => c.key));
  const picked = await pickCatalogEntry(catalog, tracked, config.showRetiredInCatalog());
  if (!picked) return undefined;
  if (picked === CUSTOM_PICK) {
    const definition = await askCustomDefinition();
    return definition ? service.addCustom(definition) : undefined;
  }
  const entry = catalog.get(picked);
  if (!entry) return undefined;
  if (tracked.has(picked)) {
    void vscode.window.showInformationMessage(t('{0} is already in your list.', asPlainText(entry.shortName)));
    return undefined;
  }
  const key = await confirmRetired(entry, catalog);
  if (!key) return undefined;
  if (tracked.has(key)) {
    void vscode.window.showInformationMessage(t('{0} is already in your list.', asPlainText(catalog.get(key)?.shortName ?? key)));
    return undefined;
  }
  return service.add(key);
}

/**
 * `certStudy.editCertification [{ key, field?, examDate?, targetHours?, costUsd?, notes?, expiresOn?, status? }]`
 * With values, applies them without asking; with `field`, asks only for that field.
 */
export async function editCertification(service: CertificationService, rawArg: unknown): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(EditArgSchema, rawArg, t);
  const catalog = service.catalog();
  const key = arg?.key ?? (await pickTracked(service.tracked(), catalog, t('Edit Certification')));
  if (!key) return undefined;
  const given = arg ? patchFrom(arg) : {};
  if (Object.keys(given).length) return service.update(key, given);

  const cert = service.require(key);
  const field = arg?.field ?? (await pickField(cert, catalog.get(key)?.shortName ?? key));
  if (!field) return undefined;
  const patch = await askField(cert, field, catalog.get(key)?.shortName ?? key);
  return patch ? service.update(key, patch) : undefined;
}

async function pickField(cert: TrackedCertification, name: string): Promise<EditableField | undefined> {
  const fields: { field: EditableField; label: string; description: string; icon: string }[] = [
    { field: 'examDate', label: t('Exam date'), description: cert.examDate ?? t('not booked'), icon: 'calendar' },
    { field: 'targetHours', label: t('Study target (hours)'), description: cert.targetMinutes === null ? t('none') : formatHours(cert.targetMinutes), icon: 'clock' },
    { field: 'costUsd', label: t('Cost (USD)'), description: cert.costUsd === null ? t('none') : String(cert.costUsd), icon: 'credit-card' },
    // Quick picks render `$(icon)` in descriptions: the notes as typed.
    { field: 'notes', label: t('Notes'), description: asPlainText(cert.notes.slice(0, 60)), icon: 'note' },
    { field: 'status', label: t('Status'), description: statusLabel(cert.status, t), icon: 'symbol-enum' },
  ];
  if (cert.status === 'passed' || cert.status === 'expired') {
    fields.push({ field: 'expiresOn', label: t('Expiry date'), description: cert.expiresOnOverride ?? t('from the catalog rule'), icon: 'history' });
  }
  const picked = await vscode.window.showQuickPick(
    fields.map((f) => ({ ...f, iconPath: new vscode.ThemeIcon(f.icon) })),
    { title: t('Edit {0}', name), placeHolder: t('What do you want to change?') },
  );
  return picked?.field;
}

async function askField(cert: TrackedCertification, field: EditableField, name: string): Promise<CertificationPatch | undefined> {
  const title = t('Edit {0}', name);
  switch (field) {
    case 'examDate': {
      const value = await askDate(title, cert.examDate, t('Exam date in your local calendar (empty to clear)'));
      return value === undefined ? undefined : { examDate: value };
    }
    case 'expiresOn': {
      const value = await askDate(title, cert.expiresOnOverride, t('Expiry date (empty to compute it from the catalog rule)'));
      return value === undefined ? undefined : { expiresOn: value };
    }
    case 'targetHours': {
      const current = cert.targetMinutes === null ? null : cert.targetMinutes / 60;
      const value = await askNumber(title, current, t('Study target in hours (empty for none)'), (text) => validateTargetHoursInput(text, t));
      return value === undefined ? undefined : { targetHours: value };
    }
    case 'costUsd': {
      const value = await askNumber(title, cert.costUsd, t('Money spent on it in USD: fees, vouchers, courses (empty for none)'), (text) => validateNumberInput(text, 1_000_000, t));
      return value === undefined ? undefined : { costUsd: value };
    }
    case 'notes': {
      const value = await askText(title, cert.notes, t('Notes (kept on this machine; never exported)'));
      return value === undefined ? undefined : { notes: value };
    }
    case 'status': {
      const value = await pickStatus(cert.status, title);
      return value === undefined ? undefined : { status: value };
    }
  }
}

/** `certStudy.setStatus [{ key, status? }]` */
export async function setStatus(service: CertificationService, rawArg: unknown): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(SetStatusArgSchema, rawArg, t);
  const catalog = service.catalog();
  const key = arg?.key ?? (await pickTracked(service.tracked(), catalog, t('Set Status')));
  if (!key) return undefined;
  const cert = service.require(key);
  const status = arg?.status ?? (await pickStatus(cert.status, t('Set Status of {0}', catalog.get(key)?.shortName ?? key)));
  return status ? service.update(key, { status }) : undefined;
}

/**
 * `certStudy.removeCertification [{ key, skipConfirmation? }]`
 * Asks first (unless turned off), then offers Undo. Logged study time is kept.
 */
export async function removeCertification(service: CertificationService, rawArg: unknown, log: Log): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(RemoveArgSchema, rawArg, t);
  const catalog = service.catalog();
  const key = arg?.key ?? (await pickTracked(service.tracked(), catalog, t('Remove Certification'), { alwaysAsk: true }));
  if (!key) return undefined;
  // Shown in a notification, which would turn `[text](command:…)` in a custom name into a link.
  const name = asPlainText(catalog.get(key)?.shortName ?? key);
  service.require(key);
  if (!arg?.skipConfirmation && config.confirmBeforeRemove()) {
    const remove = t('Remove');
    const choice = await vscode.window.showWarningMessage(
      t('Remove {0} from your certifications?', name),
      { modal: true, detail: t('Its logged study time and practice exams are kept, and come back if you add it again.') },
      remove,
    );
    if (choice !== remove) return undefined;
  }
  const { removed, index } = await service.remove(key);
  const undo = t('Undo');
  // Not awaited: the command finishes now; Undo stays available while the notification shows.
  void vscode.window.showInformationMessage(t('Removed {0}.', name), undo).then(async (choice) => {
    if (choice !== undo) return;
    try {
      await service.restore(removed, index);
    } catch (err) {
      void log.showError(t('Undo'), err);
    }
  });
  return removed;
}
