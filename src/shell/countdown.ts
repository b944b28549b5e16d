// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import {
  countdownOf,
  dueRenewalReminder,
  nextLocalMidnight,
  readStatusRecord,
  STATUS_RECORD_KEY,
  type Countdown,
} from '../core/exam/statusCountdown';
import type { StatusItem } from '../platform/statusItem';
import type { WakeUp } from './wakeUp';

const t = (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args);

/**
 * The exam or renewal countdown in the status bar, from the small record the app keeps in
 * globalState (read here without loading the app). Days are local calendar days: the count is
 * re-checked at the next local midnight (one timeout, through WakeUp), when the window gets focus
 * (a laptop that slept through midnight, a time zone change) and when the settings change.
 */
export class CountdownController implements vscode.Disposable {
  private readonly listeners: vscode.Disposable[];
  current: Countdown | null = null;

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly status: StatusItem,
    private readonly wakeUp: WakeUp,
    private readonly now: () => Date,
    /** A renewal reminder is due: the app loads to show it. */
    private readonly onRenewalDue: () => void,
  ) {
    this.listeners = [
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['statusBar', 'renewal', 'paceWarningDays', 'testing'].some((k) => e.affectsConfiguration(`certStudy.${k}`))) this.refresh();
      }),
    ];
    this.refresh();
  }

  refresh(): void {
    const now = this.now();
    const record = readStatusRecord(this.globalState.get(STATUS_RECORD_KEY));
    const section = vscode.workspace.getConfiguration('certStudy');
    const warnDays = numberSetting(section.get('renewal.warnDays'), 90);
    const paceDays = numberSetting(section.get('paceWarningDays'), 14);
    this.current = record ? countdownOf(record, now, { renewalWarnDays: warnDays, paceWarningDays: paceDays }, t) : null;
    this.status.setCountdown(
      this.current && {
        text: this.current.text,
        tooltip: new vscode.MarkdownString(this.current.tooltip, true),
        accessibilityLabel: this.current.accessibilityLabel,
        command: { command: 'certStudy.openDashboard', title: t('Open Dashboard'), arguments: [{ key: this.current.item.key }] },
        warning: this.current.warning,
      },
    );
    this.wakeUp.set('midnight', nextLocalMidnight(now), () => this.refresh());
    const remindersOn = section.get('renewal.reminders') !== false;
    if (remindersOn && record?.items.some((i) => i.kind === 'renewal' && dueRenewalReminder(i, now) !== null)) this.onRenewalDue();
  }

  dispose(): void {
    this.wakeUp.clear('midnight');
    this.listeners.forEach((l) => l.dispose());
  }
}

function numberSetting(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3650 ? value : fallback;
}
