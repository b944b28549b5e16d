import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { buildStatusRecord, renewalId } from '../../core/exam/statusRecord';
import { dueRenewalReminder, readStatusRecord, RENEWAL_THRESHOLDS, STATUS_RECORD_KEY, type RenewalItem } from '../../core/exam/statusCountdown';
import type { KeyValueStorage } from '../../core/store/ports';
import { serialStorageFor } from '../../core/store/serialStorage';
import type { StudyStore } from '../../core/store/studyStore';
import { calendarDaysUntil } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import { nextTurn } from '../../core/util/turns';
import { config } from '../../platform/config';
import { t } from '../../platform/l10n';

/**
 * Keeps the small status record (exam dates ahead, expiries, the tooltip's figures) in
 * globalState, so the next window shows the countdown at start without loading the app, and
 * shows the renewal reminders: once each at 90, 30 and 7 days before an expiry, in one window.
 */
export class StatusRecordWriter implements vscode.Disposable {
  private last = '';
  private showing = false;

  private readonly globalState: KeyValueStorage;

  constructor(
    globalState: KeyValueStorage,
    private readonly store: StudyStore,
    private readonly catalog: () => Catalog,
    private readonly now: () => Date,
    private readonly refreshCountdown: () => void,
  ) {
    // On the store's queue, like every write to globalState (see SerialStorage).
    this.globalState = serialStorageFor(globalState);
  }

  /**
   * Keeps the record current: written once stored data has loaded (`ready`), and again after
   * every change to it. Dispose of the result to stop.
   */
  keepCurrent(ready: Promise<unknown>): { dispose(): void } {
    void ready.then(() => this.write());
    return this.store.onDidChange(() => void ready.then(() => this.write()));
  }

  private queued: Promise<void> | undefined;

  /**
   * Rewrites the record when what it says changed, then lets the status bar show it. In a turn
   * of its own, once for however many asks meanwhile: building it reads ten years of logs (about
   * 10 ms in the host), and it is asked for right after a change, when the logs load, and on
   * every focus, beside the work those start (docs/performance.md, "Blocks over a frame").
   */
  write(): Promise<void> {
    return (this.queued ??= nextTurn().then(() => {
      this.queued = undefined;
      return this.writeNow();
    }));
  }

  private async writeNow(): Promise<void> {
    const record = buildStatusRecord(this.store.snapshot(), this.catalog(), this.now(), config.practice().defaultPassPercent, this.store.state.get('renewalReminders'), t);
    const text = JSON.stringify(record);
    if (text !== this.last || text !== JSON.stringify(this.globalState.get(STATUS_RECORD_KEY))) {
      this.last = text;
      await this.globalState.update(STATUS_RECORD_KEY, record);
    }
    this.refreshCountdown();
  }

  /** One notification per certification whose reminder is due; each threshold once, then marked. */
  async showRenewalReminders(): Promise<void> {
    if (this.showing || !config.renewalReminders()) return;
    this.showing = true;
    try {
      await this.write();
      const record = readStatusRecord(this.globalState.get(STATUS_RECORD_KEY));
      const due = (record?.items ?? []).filter((i): i is RenewalItem => i.kind === 'renewal' && dueRenewalReminder(i, this.now()) !== null);
      for (const item of due) {
        const id = renewalId(item.key, item.date);
        // Every threshold already crossed is reminded of by this one notification, not one each.
        const crossed = RENEWAL_THRESHOLDS.filter((th) => calendarDaysUntil(item.date, this.now()) <= th);
        // Mark first: another window focused at the same moment must not show it again.
        await this.store.state.update('renewalReminders', (shown: Record<string, number[]>) => ({ ...shown, [id]: [...new Set([...(shown[id] ?? []), ...crossed])] }));
        void this.remind(item);
      }
      if (due.length) await this.write();
    } finally {
      this.showing = false;
    }
  }

  private async remind(item: RenewalItem): Promise<void> {
    const book = t('Set Exam Date');
    const off = t("Don't Remind Me");
    const days = calendarDaysUntil(item.date, this.now());
    const choice = await vscode.window.showWarningMessage(
      t('{0} expires on {1} (in about {2} days). Plan the renewal: book the exam or the renewal assessment.', asPlainText(item.label), item.date, days),
      book,
      off,
    );
    if (choice === book) void vscode.commands.executeCommand('certStudy.setExamDate', { key: item.key });
    if (choice === off) await vscode.workspace.getConfiguration('certStudy').update('renewal.reminders', false, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {}
}
