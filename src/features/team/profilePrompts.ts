import * as vscode from 'vscode';
import { validateNumberInput } from '../../core/certifications/commandArgs';
import type { Profile } from '../../core/model/tracking';
import type { ProfileArg } from '../../core/team/args';
import { t } from '../../platform/l10n';

/**
 * Asks for the engineer profile, one question at a time, each prefilled with what is saved.
 * Returns the answers, or undefined when the user cancels any of them (nothing is saved then).
 */
export async function askProfile(current: Profile | null, title: string): Promise<ProfileArg | undefined> {
  const name = await vscode.window.showInputBox({
    title,
    prompt: t('Your name, as the team lead should see it (1/5)'),
    value: current?.name ?? '',
    validateInput: (text) => (text.trim() === '' ? t('Required: the team file needs a name') : [...text.trim()].length > 200 ? t('At most 200 characters') : undefined),
  });
  if (name === undefined) return undefined;
  const email = await vscode.window.showInputBox({
    title,
    prompt: t('Email (2/5, optional)'),
    value: current?.email ?? '',
    validateInput: (text) => (text.trim() && !/^[^\s@]+@[^\s@]+$/.test(text.trim()) ? t('That does not look like an email address') : undefined),
  });
  if (email === undefined) return undefined;
  const role = await vscode.window.showInputBox({ title, prompt: t('Role (3/5, optional), e.g. ML Engineer'), value: current?.role ?? '' });
  if (role === undefined) return undefined;
  const rate = (prompt: string, value: number | null) =>
    vscode.window.showInputBox({ title, prompt, value: value === null ? '' : String(value), validateInput: (text) => validateNumberInput(text, 100_000, t) });
  const baseline = await rate(t('Baseline hourly billing rate in USD (4/5, optional): before your certifications'), current?.billingRateUsd.baseline ?? null);
  if (baseline === undefined) return undefined;
  const currentRate = await rate(t('Current hourly billing rate in USD (5/5, optional)'), current?.billingRateUsd.current ?? null);
  if (currentRate === undefined) return undefined;
  const num = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  return {
    name: name.trim(),
    email: email.trim() || null,
    role: role.trim() || null,
    billingRateUsd: { baseline: num(baseline), current: num(currentRate) },
  };
}
