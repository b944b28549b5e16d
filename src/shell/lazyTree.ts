// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import { sameRows, type RecordRow } from '../core/tree/rowRecord';
import type { RowHandoff } from '../app/shellParts';
import { treeItemOf } from '../platform/treeItem';

/** The app's tree provider, as the shell sees it: VS Code's calls, and its top rows once complete. */
export interface AppTree extends vscode.TreeDataProvider<string> {
  /** The top rows with their hours, once stored data (the logs too) has loaded. */
  completeRows(): Promise<RecordRow[]>;
}


/**
 * Stands in for the real tree provider until the app is loaded. With a current row record
 * (core/tree/rowRecord.ts) it draws the top rows from it at once and loads the app just after;
 * without one, VS Code asking for the first rows is what loads the app. When the app's rows are
 * complete it takes the view over: rows it draws the same stay as they are (same ids, so nothing
 * flickers or collapses), rows it draws differently are refreshed, and from then on every call and
 * change event is passed through.
 */
export class LazyTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private target: AppTree | undefined;
  private readonly changed = new vscode.EventEmitter<string | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private forwarding: vscode.Disposable | undefined;
  /** The record's rows while they are shown, before the app took over. */
  private recorded: Map<string, RecordRow> | null = null;
  private shownAfterMs = 0;
  private refreshAtTakeover: Set<string> | 'all' = new Set();
  private settleHandoff!: (handoff: RowHandoff | null) => void;
  /** Settles when the first rows are the app's: null when they came from the app from the start. */
  readonly handoff = new Promise<RowHandoff | null>((resolve) => (this.settleHandoff = resolve));

  constructor(
    private readonly load: () => Promise<AppTree>,
    /** The current row record's rows; null when missing, damaged or stale. */
    private readonly readRecord: () => RecordRow[] | null,
    private readonly sinceActivation: () => number,
  ) {}

  attach(target: AppTree): void {
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((e) => {
      // While the record's rows are shown, the takeover refreshes what changed (the rows under
      // one expanded meanwhile may have changed: the app drew them before its hours were in).
      if (this.recorded && (e === undefined || e === null)) this.refreshAtTakeover = 'all';
      else if (this.recorded && this.recorded.has(e as string)) {
        if (this.refreshAtTakeover !== 'all') this.refreshAtTakeover.add(e as string);
      } else this.changed.fire(e as string | undefined);
    });
    if (this.recorded) void this.takeOver(target, [...this.recorded.values()]);
    else this.settleHandoff(null);
  }

  async getChildren(id?: string): Promise<string[]> {
    if (!this.target && id === undefined && !this.recorded) {
      const rows = this.readRecord();
      if (rows) {
        this.recorded = new Map(rows.map((row) => [row.id, row]));
        this.shownAfterMs = this.sinceActivation();
        // Loading dist/app.js blocks the host for tens of ms: not before the rows are on screen.
        // A timeout of 0 ran before the host had flushed its reply (the rows came 30 to 70 ms
        // later than without it); a hover, an expand or a command loads it at once anyway.
        setTimeout(() => void this.load(), APP_LOAD_DELAY_MS);
      }
    }
    if (id === undefined && this.recorded) return [...this.recorded.keys()];
    const target = this.target ?? (await this.load());
    return (await target.getChildren(id)) ?? [];
  }

  getTreeItem(id: string): vscode.TreeItem | Thenable<vscode.TreeItem> {
    const row = this.recorded?.get(id);
    if (row) return treeItemOf(row);
    // VS Code asks for items only after getChildren returned them, so the app is loaded by then.
    return this.target ? this.target.getTreeItem(id) : new vscode.TreeItem(id);
  }

  /** The hover of a row drawn from the record (which keeps no tooltips) comes from the app. */
  async resolveTreeItem(item: vscode.TreeItem, id: string, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (item.tooltip !== undefined) return item;
    const target = this.target ?? (await this.load());
    await target.completeRows();
    const full = await target.getTreeItem(id);
    if (!token.isCancellationRequested) item.tooltip = full.tooltip;
    return item;
  }

  getParent(id: string): vscode.ProviderResult<string> {
    if (this.recorded?.has(id)) return undefined;
    return this.target?.getParent?.(id);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }

  private async takeOver(target: AppTree, shown: RecordRow[]): Promise<void> {
    let rows: RecordRow[];
    try {
      rows = await target.completeRows();
    } catch {
      rows = [];
    }
    this.recorded = null;
    let changed: number | 'all';
    if (rows.length !== shown.length || rows.some((row, i) => row.id !== shown[i]!.id)) {
      changed = 'all';
      this.changed.fire(undefined);
    } else {
      const stale = rows.filter((row, i) => !sameRows([row], [shown[i]!])).map((row) => row.id);
      changed = stale.length;
      const refresh = this.refreshAtTakeover;
      if (refresh === 'all') this.changed.fire(undefined);
      else new Set([...stale, ...refresh]).forEach((id) => this.changed.fire(id));
    }
    this.settleHandoff({ shownAfterMs: this.shownAfterMs, rows: shown.length, takenOverAfterMs: this.sinceActivation(), changed });
  }
}

/** How long after drawing the record's rows the app starts loading (see getChildren). */
const APP_LOAD_DELAY_MS = 100;
