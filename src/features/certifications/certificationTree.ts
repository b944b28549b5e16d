import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { buildCertTree, changedRoots, type CertTree, type TreeNodeView, type TreeSort } from '../../core/tree/certTree';
import type { StudySnapshot } from '../../core/store/studyStore';
import type { PracticeSettings } from '../../core/practice/settings';
import type { WeekSettings } from '../../core/timer/weekRow';
import type { Plan } from '../../core/model/plans';
import { startStopwatch, ZERO_SPAN, type Span } from '../../core/util/stopwatch';
import { ROW_SETTING_SECTIONS, type RecordRow } from '../../core/tree/rowRecord';
import { t } from '../../platform/l10n';
import { treeItemOf } from '../../platform/treeItem';

export interface TreeInputs {
  snapshot(): StudySnapshot;
  catalog(): Catalog;
  sortBy(): TreeSort;
  now(): Date;
  /** The certStudy.practice.* settings (defaults when absent). */
  practice?(): PracticeSettings;
  /** The "this week" row's settings. */
  week?(): WeekSettings;
  /** The study timer, if one exists. */
  timer?(): { certKey: string; paused: boolean } | null;
  /** The certification plans (a row each, after the week row). */
  plans?(): readonly Plan[];
}

/**
 * The Certifications view. Elements are node ids (strings), so VS Code can match a refreshed
 * row to the one it shows and keep the user's expansion state; rows are plain data from the
 * core, mapped here to TreeItems.
 */
export class CertificationTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private tree: CertTree | null = null;
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly rowsUpdated = new vscode.EventEmitter<void>();
  /** The rows were rebuilt with the logs loaded (the row record is kept from them). */
  readonly onDidUpdateRows = this.rowsUpdated.event;
  /** Called once, when the first rows were handed to VS Code, with how long building them took. */
  firstItemsShown?: (count: number, build: Span) => void;
  private firstBuild: Span = ZERO_SPAN;

  constructor(
    private readonly inputs: TreeInputs,
    /** Enough to show the certifications (globalState loaded); their hours follow. */
    private readonly ready: Promise<unknown>,
    /** The logs have loaded too: the rows have their hours. */
    private readonly complete: Promise<unknown>,
  ) {}

  /**
   * Keeps the rows current: rebuilt when any of `changes` fires (stored data, the timer) and when
   * a setting the rows read changes. Dispose of the result to stop.
   */
  refreshOn(...changes: Array<(listener: () => void) => { dispose(): void }>): vscode.Disposable {
    return vscode.Disposable.from(
      ...changes.map((change) => change(() => this.refresh())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (ROW_SETTING_SECTIONS.some((k) => e.affectsConfiguration(`certStudy.${k}`))) this.refresh();
      }),
    );
  }

  /** Rebuilds the model and refreshes only the root rows whose subtree changed. */
  refresh(): void {
    if (!this.tree) return; // Nothing built yet: the first getChildren or completeRows builds it.
    const next = this.build();
    const changed = changedRoots(this.tree, next);
    this.tree = next;
    if (changed === 'all') this.changed.fire(undefined);
    else changed.forEach((id) => this.changed.fire(id));
    if (this.inputs.snapshot().logsLoaded) this.rowsUpdated.fire();
  }

  /** The top rows with their hours, built once the logs have loaded (the shell's row record is made of them). */
  async completeRows(): Promise<RecordRow[]> {
    await this.complete;
    this.tree ??= this.build();
    const tree = this.tree;
    return tree.rootIds.map((id) => tree.nodes.get(id)).filter((node): node is TreeNodeView => node !== undefined);
  }

  node(id: string): TreeNodeView | undefined {
    return this.tree?.nodes.get(id);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const node = this.tree?.nodes.get(id);
    if (!node) return new vscode.TreeItem(id);
    return treeItemOf(node, node.tooltip);
  }

  async getChildren(id?: string): Promise<string[]> {
    if (!this.tree) {
      await this.ready;
      const buildTime = startStopwatch();
      this.tree ??= this.build();
      this.firstBuild = buildTime();
    }
    if (id === undefined) {
      const roots = this.tree.rootIds;
      if (roots.length && this.firstItemsShown) {
        this.firstItemsShown(roots.length, this.firstBuild);
        this.firstItemsShown = undefined;
      }
      return roots;
    }
    return this.tree.nodes.get(id)?.childIds ?? [];
  }

  getParent(id: string): string | undefined {
    return this.tree?.nodes.get(id)?.parentId ?? undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.rowsUpdated.dispose();
  }

  private build(): CertTree {
    return buildCertTree({
      snapshot: this.inputs.snapshot(),
      catalog: this.inputs.catalog(),
      now: this.inputs.now(),
      sortBy: this.inputs.sortBy(),
      practice: this.inputs.practice?.(),
      week: this.inputs.week?.(),
      timer: this.inputs.timer?.(),
      plans: this.inputs.plans?.(),
      t,
    });
  }
}
