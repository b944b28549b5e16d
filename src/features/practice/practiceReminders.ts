import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { remindersToShow, withRemindersShown, type PracticeReminder } from '../../core/practice/reminders';
import type { StudyStore } from '../../core/store/studyStore';
import { asPlainText } from '../../core/util/plainText';
import { config } from '../../platform/config';
import type { Log } from '../../platform/log';
import { t } from '../../platform/l10n';

/**
 * One notification when a practice exam falls due (certStudy.practice.reminders). Checked after
 * loading and when the window gets focus, never by a timer; which reminders were shown is kept
 * in globalState, so each due practice exam is reminded of once, in any window.
 */
export class PracticeReminders {
  constructor(
    private readonly store: StudyStore,
    private readonly catalog: () => Catalog,
    private readonly now: () => Date,
    /** Runs certStudy.recordPracticeExam (the notification's button). */
    private readonly recordPracticeExam: (arg: { key: string }) => Promise<unknown>,
    private readonly log: Log,
  ) {}

  /** Shows the reminders that are due and returns them. Cheap when there is nothing to show: no write. */
  async check(): Promise<PracticeReminder[]> {
    if (!config.practice().reminders) return [];
    const snapshot = this.store.snapshot();
    if (!snapshot.logsLoaded) return [];
    const find = (shown: Readonly<Record<string, string>>) =>
      remindersToShow({ ...snapshot, intervalDays: config.practice().intervalDays, shown, now: this.now() });
    if (find(this.store.state.get('practiceReminders')).length === 0) return [];
    // Another window may have shown them meanwhile: decide again on the freshest stored value.
    let due: PracticeReminder[] = [];
    await this.store.state.update('practiceReminders', (shown) => {
      due = find(shown);
      return due.length ? withRemindersShown(shown, due, snapshot.certifications) : shown;
    });
    for (const reminder of due) void this.show(reminder);
    return due;
  }

  private async show(reminder: PracticeReminder): Promise<void> {
    const name = asPlainText(this.catalog().get(reminder.certKey)?.shortName ?? reminder.certKey);
    const message =
      reminder.kind === 'diagnostic'
        ? t('Time for a diagnostic practice exam for {0}: take one in your first week of studying (by {1}).', name, reminder.dueBy)
        : reminder.state === 'due'
          ? t('A practice exam for {0} is due today.', name)
          : t('A practice exam for {0} was due on {1}.', name, reminder.dueBy);
    const record = t('Record Practice Exam');
    const stop = t("Don't remind me");
    try {
      const choice = await vscode.window.showInformationMessage(message, record, stop);
      if (choice === record) await this.recordPracticeExam({ key: reminder.certKey });
      if (choice === stop) await config.turnOffPracticeReminders();
    } catch (err) {
      void this.log.showError(t('Practice exam reminder'), err);
    }
  }
}
