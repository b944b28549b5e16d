import type * as vscode from 'vscode';
import type { TimerRecord } from '../../core/model/timerRecord';

/**
 * The context key the Command Palette's `when` clauses read (package.json,
 * `contributes.menus.commandPalette`): Pause only while a timer runs, Resume only while one is
 * paused, Stop and Discard only while there is one. Set by this window whenever its view of the
 * timer changes. The app bundle loads as soon as a timer exists (the shell checks on start and on
 * focus), so until it has, the key is unset, which the clauses read as "none".
 *
 * Imports vscode for types only: the manifest unit test reads these constants in plain Node.
 */
export const TIMER_STATE_KEY = 'certStudy.timerState';

export const TIMER_STATES = ['running', 'paused', 'none'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

export function timerStateOf(timer: TimerRecord | null): TimerState {
  if (!timer) return 'none';
  return timer.running ? 'running' : 'paused';
}

interface TimerSource {
  current(): TimerRecord | null;
  readonly onDidChange: vscode.Event<TimerRecord | null>;
}

/**
 * Keeps `certStudy.timerState` equal to the timer's state: now, and on every change. `commands`
 * is `vscode.commands` (passed in so this file needs vscode's types only).
 */
export function keepTimerStateContext(timer: TimerSource, commands: Pick<typeof vscode.commands, 'executeCommand'>): vscode.Disposable {
  let shown: TimerState | undefined;
  const set = (state: TimerState) => {
    if (state === shown) return;
    shown = state;
    void commands.executeCommand('setContext', TIMER_STATE_KEY, state);
  };
  set(timerStateOf(timer.current()));
  return timer.onDidChange((next) => set(timerStateOf(next)));
}
