import type * as vscode from 'vscode';
import type { ScheduledTimers } from '../platform/timers';

/**
 * One timeout for everything the idle extension waits for (the next local midnight, the next
 * morning block): armed for the earliest deadline and re-armed after it, so an idle window keeps
 * exactly one timer, never a tick.
 */
export class WakeUp implements vscode.Disposable {
  private readonly deadlines = new Map<string, { at: number; run: () => void }>();
  private armed: vscode.Disposable | undefined;

  constructor(
    private readonly timers: ScheduledTimers,
    private readonly now: () => Date,
  ) {}

  set(name: string, at: Date, run: () => void): void {
    this.deadlines.set(name, { at: at.getTime(), run });
    this.arm();
  }

  clear(name: string): void {
    if (this.deadlines.delete(name)) this.arm();
  }

  dispose(): void {
    this.armed?.dispose();
    this.deadlines.clear();
  }

  private arm(): void {
    this.armed?.dispose();
    this.armed = undefined;
    let next: number | undefined;
    for (const { at } of this.deadlines.values()) next = next === undefined ? at : Math.min(next, at);
    if (next === undefined) return;
    this.armed = this.timers.timeout(() => this.fire(), next - this.now().getTime());
  }

  private fire(): void {
    this.armed = undefined;
    const now = this.now().getTime();
    const due = [...this.deadlines].filter(([, d]) => d.at <= now + 50);
    for (const [name] of due) this.deadlines.delete(name);
    for (const [, d] of due) d.run();
    this.arm();
  }
}
