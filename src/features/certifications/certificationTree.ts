import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { buildCertTree, certTreeSteps, changedRoots, changedRootsSteps, type CertTree, type CertTreeInput, type TreeNodeView, type TreeSort } from '../../core/tree/certTree';
import type { StudySnapshot } from '../../core/store/studyStore';
import type { PracticeSettings } from '../../core/practice/settings';
import type { WeekSettings } from '../../core/timer/weekRow';
import type { Plan } from '../../core/model/plans';
import { startStopwatch, ZERO_SPAN, type Span } from '../../core/util/stopwatch';
import { runInSlices, type SliceOptions, type Steps } from '../../core/util/slices';
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
  /** A change asked for a rebuild that has not been shown yet. */
  private stale = false;
  /** Counts rebuilds asked for and shown: a rebuild in steps stops when another overtook it. */
  private generation = 0;
  /** The first build, while it runs in steps. */
  private building: Promise<CertTree> | undefined;
  private changedWhileBuilding = false;
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

  /**
   * Marks the rows out of date. They are rebuilt once, a part per turn of the event loop
   * (core/tree/certTree.ts, certTreeSteps), however many changes ask in between: one command
   * fires the store's change, the timer's and the status record's, three rebuilds of ten years'
   * rows in one block before. A change during a rebuild starts it again from the new data.
   * Nothing reads stale rows meanwhile: getChildren and the app's takeover of the view wait for
   * the rebuild (settled); a reader that cannot wait (getTreeItem, a command) gets it rebuilt at once.
   */
  refresh(): void {
    if (!this.tree) {
      // Nothing built yet: the first getChildren or completeRows builds it, from data read when
      // it starts; a change during that first build is picked up once it is done.
      if (this.building) this.changedWhileBuilding = true;
      return;
    }
    // A reader waits for one rebuild only: when this change overtakes the rebuild it waits for,
    // it rebuilds at once instead (settled), so changes that keep coming cannot hold it back.
    if (this.stale) this.wakeWaiting();
    this.stale = true;
    const generation = ++this.generation;
    setTimeout(() => void this.rebuildInSteps(generation), 0);
  }

  /** The rebuild asked for as `generation`, unless a newer change or a read overtook it. */
  private async rebuildInSteps(generation: number): Promise<void> {
    // Still wanted: no newer change asked for another rebuild, and no reader rebuilt at once.
    const wanted = () => generation === this.generation && this.stale;
    try {
      const run = await runInSlices(this.rebuildSteps(), { ...A_STEP_PER_TURN, stopWhen: () => !wanted() });
      // Compared with this.tree as it still is: any other show() since then stopped this run.
      if (run.done && wanted()) this.show(run.value.tree, run.value.changed);
    } finally {
      // A rebuild that failed leaves the rows stale: whoever waits for it reads them at once (settled).
      if (wanted()) this.wakeWaiting();
    }
  }

  /** Resolved by the next show(): what the readers that can wait (settled) wait for. */
  private waiting: { promise: Promise<void>; resolve: () => void } | undefined;

  private wakeWaiting(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve();
  }

  /**
   * A rebuild's steps. A generator's body waits for its first step, so the data is read only by
   * a rebuild that was not overtaken before it started. Then the comparison with the rows shown,
   * a root row per step.
   */
  private *rebuildSteps(): Steps<{ tree: CertTree; changed: 'all' | string[] }> {
    const tree = yield* certTreeSteps(this.input());
    yield 'rows built';
    const changed = yield* changedRootsSteps(this.tree, tree);
    return { tree, changed };
  }

  /** Shows a rebuilt model: only the root rows whose subtree changed (from the rows shown now) are refreshed. */
  private show(next: CertTree, changed: 'all' | string[] = changedRoots(this.tree, next)): void {
    this.tree = next;
    this.stale = false;
    this.generation++;
    if (changed === 'all') this.changed.fire(undefined);
    else changed.forEach((id) => this.changed.fire(id));
    if (this.inputs.snapshot().logsLoaded) this.rowsUpdated.fire();
    this.wakeWaiting();
  }

  /**
   * The current rows, for a reader that cannot wait (VS Code's getTreeItem and getParent, a
   * command's lookup): rebuilt at once, in one block, when a change is waiting for its turn.
   */
  private current(): CertTree | null {
    if (this.tree && this.stale) this.show(buildCertTree(this.input()));
    return this.tree;
  }

  /**
   * The current rows, for a reader that can wait (getChildren, the app's takeover of the view):
   * when a change is waiting, after the rebuild in steps that it started, instead of a rebuild
   * at once in one block (30-40 ms in the host at ten years). At most one wait: changes that
   * keep coming (a running timer) cannot hold a reader back, which then rebuilds at once.
   */
  private async settled(): Promise<CertTree | null> {
    if (this.tree && this.stale) {
      if (!this.waiting) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        this.waiting = { promise, resolve };
      }
      await this.waiting.promise;
    }
    return this.current();
  }

  /** The current rows, or the first ones, built a part per turn (every caller shares that build). */
  private async built(): Promise<CertTree> {
    const current = await this.settled();
    if (current) return current;
    this.building ??= runInSlices(certTreeSteps(this.input()), A_STEP_PER_TURN).then((run) => run.value);
    const first = await this.building;
    this.building = undefined;
    this.tree ??= first;
    if (this.changedWhileBuilding) {
      this.changedWhileBuilding = false;
      this.refresh();
    }
    return (await this.settled()) ?? first;
  }

  /** The top rows with their hours, built once the logs have loaded (the shell's row record is made of them). */
  async completeRows(): Promise<RecordRow[]> {
    await this.complete;
    const tree = await this.built();
    return tree.rootIds.map((id) => tree.nodes.get(id)).filter((node): node is TreeNodeView => node !== undefined);
  }

  node(id: string): TreeNodeView | undefined {
    return this.current()?.nodes.get(id);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const node = this.current()?.nodes.get(id);
    if (!node) return new vscode.TreeItem(id);
    return treeItemOf(node, node.tooltip);
  }

  async getChildren(id?: string): Promise<string[]> {
    let tree = await this.settled();
    if (!tree) {
      await this.ready;
      const buildTime = startStopwatch();
      tree = await this.built();
      this.firstBuild = buildTime();
    }
    if (id === undefined) {
      const roots = tree.rootIds;
      if (roots.length && this.firstItemsShown) {
        this.firstItemsShown(roots.length, this.firstBuild);
        this.firstItemsShown = undefined;
      }
      return roots;
    }
    return tree.nodes.get(id)?.childIds ?? [];
  }

  getParent(id: string): string | undefined {
    return this.current()?.nodes.get(id)?.parentId ?? undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.rowsUpdated.dispose();
  }

  private input(): CertTreeInput {
    return {
      snapshot: this.inputs.snapshot(),
      catalog: this.inputs.catalog(),
      now: this.inputs.now(),
      sortBy: this.inputs.sortBy(),
      practice: this.inputs.practice?.(),
      week: this.inputs.week?.(),
      timer: this.inputs.timer?.(),
      plans: this.inputs.plans?.(),
      t,
    };
  }
}

/**
 * The tree's steps run one per turn of the event loop (budget 0), each timed for the benchmarks as
 * a 'tree step' (core/util/slices.ts, noteTurn). A step is already a sizeable part (the logs' walk,
 * a certification's rows), and a rebuild checks between every two whether a newer one overtook it.
 */
const A_STEP_PER_TURN = { kind: 'tree step', budgetMs: 0 } satisfies SliceOptions;
