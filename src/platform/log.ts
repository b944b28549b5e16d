import * as vscode from 'vscode';
import { asPlainText } from '../core/util/plainText';
import { t } from './l10n';

/** The extension's log channel and the one helper every error goes through. */
export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Cert Study', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  /**
   * Logs the error and tells the user in one line, with a way to see the details. The message
   * may quote a custom name or an argument as given, so it is shown as plain text: a
   * notification would turn `[text](command:…)` in it into a link that runs the command.
   */
  async showError(context: string, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    this.channel.error(`${context}: ${err instanceof Error && err.stack ? err.stack : message}`);
    const showLog = t('Show Log');
    const choice = await vscode.window.showErrorMessage(t('Cert Study: {0}: {1}', context, asPlainText(message)), showLog);
    if (choice === showLog) this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
