import type * as vscode from 'vscode';

/**
 * Every timeout and interval the extension keeps, in one place, so "nothing ticks while no
 * timer runs" can be counted by a test (CertStudyApi.scheduledTimers) instead of taken on trust.
 */
export class ScheduledTimers {
  private readonly live = new Set<ReturnType<typeof setTimeout>>();

  timeout(run: () => void, ms: number): vscode.Disposable {
    const handle = setTimeout(() => {
      this.live.delete(handle);
      run();
    }, Math.min(Math.max(0, ms), 2_147_483_647));
    this.live.add(handle);
    return { dispose: () => this.clear(handle) };
  }

  interval(run: () => void, ms: number): vscode.Disposable {
    const handle = setInterval(run, ms);
    this.live.add(handle);
    return { dispose: () => this.clear(handle) };
  }

  get count(): number {
    return this.live.size;
  }

  private clear(handle: ReturnType<typeof setTimeout>): void {
    clearTimeout(handle);
    this.live.delete(handle);
  }
}
