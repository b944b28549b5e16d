import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { dashboardSteps, type DashboardPlanning, type DashboardSettings } from '../../core/dashboard/dashboardData';
import { OpenDashboardArgSchema } from '../../core/dashboard/openArgs';
import { parseCommandArg } from '../../core/certifications/commandArgs';
import type { StudySnapshot } from '../../core/store/studyStore';
import { runInSlices } from '../../core/util/slices';
import type { Log } from '../../platform/log';
import {
  checkWebviewMessage,
  DASHBOARD_VIEW_TYPE,
  DEFAULT_VIEW_STATE,
  type DashboardFilter,
  viewStateOrDefault,
  type HostMessage,
  type ViewState,
  type WebviewMessage,
} from '../../webviews/dashboard/protocol';
import { dashboardHtml, newNonce } from './dashboardHtml';
import { t } from '../../platform/l10n';

export interface DashboardDeps {
  extensionUri: vscode.Uri;
  snapshot(): StudySnapshot;
  /** The plans, costs and rates (state `plans`, `costs`, `roi`, `profile`): the plan timeline and ROI. */
  planning?(): DashboardPlanning;
  /**
   * Fires when stored data changed (a timer stopped, a score was recorded, another window wrote):
   * any state key, so plans, costs, rates and the rate-change day included.
   */
  onStoreChange(listener: () => void): { dispose(): void };
  catalog(): Catalog;
  now(): Date;
  settings(): DashboardSettings;
  /** Settles when stored data has loaded. */
  ready: Promise<unknown>;
  log: Log;
  /** Called when the page reported its charts drawn (the benchmarks' heap figure). */
  afterChartsDrawn?: () => void;
}

/**
 * The progress dashboard: at most one panel, opened by certStudy.openDashboard and restored by
 * the serializer the shell registers (src/extension.ts) after a reload. Its figures come from
 * the core (src/core/dashboard); the page (src/webviews/dashboard, dist/webview.js) only draws them.
 */
export class DashboardHost implements vscode.Disposable {
  private panel: DashboardPanel | undefined;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message posted to the page (tests watch it). */
  readonly onDidPost = this.posted.event;
  private readonly drawn = new vscode.EventEmitter<Extract<WebviewMessage, { type: 'drawn' }>>();
  /** The page reported every chart drawn. */
  readonly onDidDraw = this.drawn.event;

  constructor(private readonly deps: DashboardDeps) {}

  /** The open panel, if any. */
  get current(): DashboardPanel | undefined {
    return this.panel;
  }

  /**
   * Opens the dashboard, or brings the open one to the front; `{ key?, range? }` (or a tree row
   * id) turns it to that certification and range. A malformed argument is refused with a message.
   */
  open(rawArg?: unknown): void {
    const arg = parseCommandArg(OpenDashboardArgSchema, rawArg, t) ?? {};
    if (this.panel) {
      if (arg.key !== undefined || arg.range !== undefined) this.panel.setFilter({ ...this.panel.viewState.filter, ...arg, cert: arg.key ?? this.panel.viewState.filter.cert });
      this.panel.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, t('Cert Study Dashboard'), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    const filter = { ...DEFAULT_VIEW_STATE.filter, ...(arg.range ? { range: arg.range } : {}), ...(arg.key ? { cert: arg.key } : {}) };
    this.adopt(panel, { ...DEFAULT_VIEW_STATE, filter });
  }

  /** A panel VS Code restored after a reload, with the state the page saved. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    this.panel?.panel.dispose();
    this.adopt(panel, state);
  }

  private adopt(panel: vscode.WebviewPanel, state: unknown): void {
    const events = { posted: (m: HostMessage) => this.posted.fire(m), drawn: (m: Extract<WebviewMessage, { type: 'drawn' }>) => this.drawn.fire(m) };
    const created = new DashboardPanel(panel, this.deps, viewStateOrDefault(state), events);
    this.panel = created;
    panel.onDidDispose(() => {
      if (this.panel === created) this.panel = undefined;
      created.dispose();
    });
  }

  /**
   * Stops listening; the panel itself stays, so that VS Code can restore it after a reload
   * (disposing it while the window unloads would close it for good).
   */
  dispose(): void {
    this.panel?.dispose();
    this.panel = undefined;
    this.posted.dispose();
    this.drawn.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Only the bundles and the stylesheet; nothing else of the extension or the workspace.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** One webview panel: renders the page, waits for its `ready`, then keeps it up to date. */
export class DashboardPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The page said `ready` and has not been reloaded since. */
  private pageReady = false;
  private refreshQueued = false;
  /** Figures computed while the page loads, for the filter they were computed for (see prepare). */
  private prepared: { filter: string; data: Promise<HostMessage> } | undefined;
  /** Counts posts: a post whose figures took longer than a newer one's is dropped. */
  private posts = 0;
  /** Data changed while the panel was hidden: post when it shows again. */
  private stale = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: DashboardDeps,
    private state: ViewState,
    private readonly events: { posted(m: HostMessage): void; drawn(m: Extract<WebviewMessage, { type: 'drawn' }>): void },
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = { light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'dashboard-light.svg'), dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'dashboard-dark.svg') };
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.refresh();
      }),
      deps.onStoreChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('certStudy')) this.refresh();
      }),
      // The day may have turned while the window was in the background.
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.refresh();
      }),
    );
    this.render();
  }

  /** The current filter and open tables, as the page last reported them. */
  get viewState(): ViewState {
    return this.state;
  }

  /** Shows another certification or range (Open Dashboard with an argument while open). */
  setFilter(filter: DashboardFilter): void {
    this.state = { ...this.state, filter };
    this.refresh();
  }

  /** Writes the page with a fresh nonce; it answers with `ready` once it listens. */
  private render(): void {
    const webview = this.panel.webview;
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
    this.pageReady = false;
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: uri('dist', 'webview.js'),
      styleUri: uri('media', 'dashboard.css'),
      title: t('Cert Study Dashboard'),
      loading: t('Loading your study data…'),
      lang: vscode.env.language,
    });
    this.prepare();
  }

  /**
   * Computes the figures while the page loads its script (Chart.js), instead of after it says
   * `ready`: the two overlap, and the page gets its data as soon as it asks. After the page was
   * handed the HTML (a timeout, not a microtask), and only for the filter asked for then.
   */
  private prepare(): void {
    this.prepared = undefined;
    setTimeout(() => {
      void this.deps.ready.then(() => {
        if (this.disposed || this.pageReady || !this.panel.visible) return;
        this.prepared = { filter: JSON.stringify(this.state.filter), data: this.compute() };
      });
    }, 0);
  }

  /**
   * The figures, from the data as it is now, computed a slice of a few milliseconds at a time
   * with a turn of the event loop between slices: no block of a frame in the extension host.
   */
  private async compute(): Promise<HostMessage> {
    const steps = dashboardSteps(
      { snapshot: this.deps.snapshot(), planning: this.deps.planning?.(), catalog: this.deps.catalog(), filter: this.state.filter, settings: this.deps.settings(), now: this.deps.now() },
      t,
    );
    const { value: data, slices } = await runInSlices(steps);
    const ms = slices.map((s) => s.ms);
    this.deps.log.info(`dashboard: figures computed in ${ms.reduce((a, b) => a + b, 0).toFixed(1)} ms (${slices.length} slices, the longest ${Math.max(...ms).toFixed(1)} ms)`);
    return { type: 'data', data };
  }

  /** A message from the page: validated, and ignored (logged) when it does not fit the protocol. */
  receive(raw: unknown): void {
    const checked = checkWebviewMessage(raw);
    if (!checked.ok) {
      this.deps.log.warn(`dashboard: ignored a message from the page: ${checked.reason}`);
      return;
    }
    const message = checked.message;
    switch (message.type) {
      case 'ready':
        // The page was (re)loaded: after a reload or when the hidden panel is shown again.
        this.pageReady = true;
        if (message.state) this.state = message.state;
        void this.post();
        break;
      case 'filter':
        this.state = { ...this.state, filter: message.filter };
        void this.post();
        break;
      case 'drawn':
        this.deps.log.info(`dashboard: ${message.charts} charts drawn in ${message.ms.toFixed(1)} ms (${message.reason})`);
        this.deps.afterChartsDrawn?.();
        this.events.drawn(message);
        break;
      case 'problem':
        this.deps.log.warn(`dashboard page: ${message.message}`);
        break;
    }
  }

  /** Posts fresh figures soon; several changes in a row post once. */
  refresh(): void {
    this.prepared = undefined; // computed from what has changed since
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      void this.post();
    });
  }

  private async post(): Promise<void> {
    await this.deps.ready;
    if (this.disposed || !this.pageReady) return; // `ready` will ask for it.
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const post = ++this.posts;
    const prepared = this.prepared?.filter === JSON.stringify(this.state.filter) ? this.prepared.data : undefined;
    this.prepared = undefined;
    const message = await (prepared ?? this.compute());
    // A later post (another filter, newer data) is on its way: the page gets that one only.
    if (post !== this.posts || this.disposed) return;
    try {
      if (await this.panel.webview.postMessage(message)) this.events.posted(message);
    } catch (err) {
      // Closed meanwhile.
      if (!this.disposed) this.deps.log.warn(`dashboard: could not post to the page: ${String(err)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
  }
}
