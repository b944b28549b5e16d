import { uriFromPath } from './hostPaths';
import * as vscode from 'vscode';
import type { StoreProblem } from '../core/store/ports';
import type { Log } from './log';
import { t } from './l10n';

/**
 * Reports each storage problem once per window: a value left untouched because a newer version
 * wrote it is found again on every focus, and must not raise a toast every time.
 */
export class StorageProblemReporter {
  private readonly reported = new Set<string>();

  constructor(private readonly log: Log) {}

  report(problems: readonly StoreProblem[]): void {
    const fresh = problems.filter((p) => !this.reported.has(`${p.where}\n${p.message}`));
    for (const p of fresh) this.reported.add(`${p.where}\n${p.message}`);
    void reportStorageProblems(fresh, this.log);
  }
}

/**
 * Tells the user what stored data could not be read and where its untouched copy is.
 * Every problem goes to the log; the notification names the first and counts the rest.
 */
export async function reportStorageProblems(problems: readonly StoreProblem[], log: Log): Promise<void> {
  if (problems.length === 0) return;
  for (const p of problems) log.warn(`Could not read ${p.where}: ${p.message}${p.backupPath ? ` (original copied to ${p.backupPath})` : ''}`);
  const first = problems[0];
  const more = problems.length > 1 ? t(' (and {0} more)', problems.length - 1) : '';
  const backedUp = problems.some((p) => p.backupPath);
  const message = backedUp
    ? t('Cert Study could not read some stored data: {0}: {1}{2}. The original was copied to a backup; everything else loaded.', first.where, first.message, more)
    : t('Cert Study left some stored data untouched: {0}: {1}{2}.', first.where, first.message, more);
  // Desktop can reveal the folder in the OS; in a browser or remote window, open the backup itself.
  const canReveal = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
  const openBackup = canReveal ? t('Open Backup Folder') : t('Open Backup');
  const showLog = t('Show Log');
  const buttons = backedUp ? [openBackup, showLog] : [showLog];
  const choice = await vscode.window.showWarningMessage(message, ...buttons);
  const backupPath = problems.find((p) => p.backupPath)?.backupPath;
  if (choice === openBackup && backupPath) {
    if (canReveal) await vscode.commands.executeCommand('revealFileInOS', uriFromPath(backupPath));
    else await vscode.window.showTextDocument(uriFromPath(backupPath), { preview: true });
  } else if (choice === showLog) {
    log.channel.show(true);
  }
}
