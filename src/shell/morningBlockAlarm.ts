// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import { nextBlockAfter, WEEKDAYS, type BlockSettings, type StudyBlock, type Weekday } from '../core/timer/blockSchedule';
import type { WakeUp } from './wakeUp';

/**
 * Waits for the next morning block's start (through the shared WakeUp timeout), armed at window
 * start without loading the rest of the extension. Re-armed when the settings change and when the window gets focus (a laptop
 * that slept through the block). A block that started more than a few minutes ago is not
 * announced late: reminders missed while VS Code was closed or asleep stay missed.
 */
export const LATE_GRACE_MS = 5 * 60_000;

export class MorningBlockAlarm implements vscode.Disposable {
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly wakeUp: WakeUp,
    private readonly now: () => Date,
    private readonly onBlock: (block: StudyBlock) => void,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('certStudy.morningBlock') || e.affectsConfiguration('certStudy.testing')) this.arm();
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.arm();
      }),
    ];
    this.arm();
  }

  /** The block the alarm waits for, if any (tests read it). */
  next: StudyBlock | null = null;

  arm(): void {
    this.next = nextBlockAfter(this.now(), readBlockSettings());
    if (!this.next) return this.wakeUp.clear('morningBlock');
    const block = this.next;
    this.wakeUp.set('morningBlock', block.start, () => {
      if (this.now().getTime() - block.start.getTime() <= LATE_GRACE_MS) this.onBlock(block);
      this.arm();
    });
  }

  dispose(): void {
    this.wakeUp.clear('morningBlock');
    this.listeners.forEach((l) => l.dispose());
  }
}

/**
 * The `certStudy.morningBlock.*` settings, read without the settings schema (that lives in the
 * app bundle): each value that does not fit falls back to its default, as the schema would.
 */
export function readBlockSettings(): BlockSettings & { autoStop: boolean } {
  const section = vscode.workspace.getConfiguration('certStudy.morningBlock');
  const enabled = section.get<unknown>('enabled');
  const start = section.get<unknown>('start');
  const duration = section.get<unknown>('durationMinutes');
  const days = section.get<unknown>('days');
  const autoStop = section.get<unknown>('autoStop');
  const validDays = Array.isArray(days) && days.every((d) => (WEEKDAYS as readonly unknown[]).includes(d)) ? (days as Weekday[]) : (['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[]);
  return {
    enabled: typeof enabled === 'boolean' ? enabled : true,
    start: typeof start === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(start) ? start : '08:00',
    durationMinutes: typeof duration === 'number' && Number.isInteger(duration) && duration >= 5 && duration <= 600 ? duration : 60,
    days: validDays,
    autoStop: typeof autoStop === 'boolean' ? autoStop : true,
  };
}
