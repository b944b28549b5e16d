// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import type { Container } from '../app/container';
import { COMMANDS, type CommandName } from '../app/commandTable';
import { Clock } from './clock';
import { CountdownController } from './countdown';
import { LazyTreeProvider } from './lazyTree';
import { registerLanguageModelTools } from './languageModelTools';
import type { BundleName, ShellHost } from './host';
import { MorningBlockAlarm } from './morningBlockAlarm';
import { StatusItem } from '../platform/statusItem';
import { ScheduledTimers } from '../platform/timers';
import { WakeUp } from './wakeUp';
import { currentRowRecordKey, readRowRecord, ROW_RECORD_KEY } from '../core/tree/rowRecord';
import { DEMO_SEED_DONE_KEY } from '../core/store/shellKeys';

/**
 * The startup path every window pays for, so it holds only what must exist before anything is
 * used: the command ids, the view with a proxy provider, the status-bar item with the exam
 * countdown (from one small globalState record), and one timeout for the next local midnight or
 * morning block, whichever comes first. Everything else (zod, the
 * catalog, the store, the timer, the tree model) is in dist/app.js, loaded the first time
 * something needs it: the view asks for rows, a command runs, a morning block starts, or a study
 * timer is found running. See "Loading" in docs/architecture.md.
 * Both entries (Node and web worker) call activateShell below; they differ only in how a bundle loads.
 */

/** What `activate()` returns: the integration tests reach the loaded extension through it. */
export interface CertStudyApi {
  /** Loads the app if nothing has yet, and settles with it once stored data has loaded. */
  app(): Promise<Container>;
  /** Whether dist/app.js has been loaded in this window. */
  appLoaded(): boolean;
  /** The bundles loaded so far ('app', 'team', 'calendar'): each loads on first use. */
  loadedBundles(): readonly BundleName[];
  /** Which extension host runs this window's copy: Node, or the browser's web worker. */
  readonly host: ShellHost['kind'];
  /** The extension's global storage folder (the test runner's control file is found from it). */
  readonly globalStorageUri: vscode.Uri;
  /** How many timeouts and intervals the extension keeps now (nothing ticks while idle). */
  scheduledTimers(): number;
  status: StatusItem;
  alarm(): MorningBlockAlarm | undefined;
  countdown(): CountdownController | undefined;
}

/**
 * The shell's activation, shared by both entries: src/extension.ts (Node, `main`) and
 * src/extension.web.ts (the browser's web worker host, `browser`). They differ only in `host`.
 */
export function activateShell(context: vscode.ExtensionContext, host: ShellHost): CertStudyApi {
  const activationStart = performance.now();
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const rowRecordKey = () => {
    const section = vscode.workspace.getConfiguration('certStudy');
    return currentRowRecordKey(version, vscode.env.language, now(), (s) => section.get(s));
  };
  const tree = new LazyTreeProvider(
    () => app().then((c) => c.tree),
    () => readRowRecord(context.globalState.get(ROW_RECORD_KEY), rowRecordKey()),
    () => performance.now() - activationStart,
  );
  const treeView = vscode.window.createTreeView('certStudy.certifications', { treeDataProvider: tree, showCollapseAll: true });
  const status = new StatusItem();
  const timers = new ScheduledTimers();
  context.subscriptions.push(treeView, tree, status);

  let loading: Promise<Container> | undefined;
  function app(): Promise<Container> {
    const loadStart = performance.now();
    loading ??= host.loadBundle('app').then(async ({ startApp }) => {
      const appLoadMs = performance.now() - loadStart;
      const container = await startApp(context, {
        host,
        activationStart,
        activateMs,
        appLoadMs,
        treeView,
        status,
        timers,
        now: () => now(),
        treeHandoff: tree.handoff,
        rowRecordKey,
        version,
        refreshCountdown: () => countdown?.refresh(),
      });
      context.subscriptions.push(container);
      tree.attach(container.tree);
      return container.ready.then(() => container);
    });
    return loading;
  }

  // Every command of the one table, registered in one loop; its handler is found when it runs.
  for (const [name, { id }] of Object.entries(COMMANDS) as [CommandName, (typeof COMMANDS)[CommandName]][]) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (arg: unknown) => (await app()).runCommand(name, arg)));
  }
  // A dashboard or team report left open before a reload comes back; only then is the app loaded
  // for it (and for the report, dist/team.js, which reads the report's files again).
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer('certStudy.dashboard', {
      deserializeWebviewPanel: (panel, state: unknown) => app().then((c) => c.dashboard.revive(panel, state)),
    }),
    vscode.window.registerWebviewPanelSerializer('certStudy.teamReport', {
      deserializeWebviewPanel: (panel, state: unknown) => app().then((c) => c.reviveTeamReport(panel, state)),
    }),
  );

  // After activate() returns: the clock and the alarm read settings, and a timer left running
  // (this window reloaded, another window has one, the editor crashed) loads the app to show and
  // recover it. Re-checked on focus: another window may have started one since.
  let now = () => new Date();
  let alarm: MorningBlockAlarm | undefined;
  let countdown: CountdownController | undefined;
  const timerFile = vscode.Uri.joinPath(context.globalStorageUri, 'timer.json');
  const loadIfTimerExists = () => {
    if (!loading) void vscode.workspace.fs.stat(timerFile).then(() => app(), () => undefined);
  };
  setTimeout(() => {
    const clock = new Clock();
    now = clock.now;
    const wakeUp = new WakeUp(timers, clock.now);
    alarm = new MorningBlockAlarm(wakeUp, clock.now, (block) => void app().then((c) => c.morningBlockDue(block)));
    countdown = new CountdownController(context.globalState, status, wakeUp, clock.now, () => void app().then((c) => c.showRenewalReminders()));
    context.subscriptions.push(
      clock,
      wakeUp,
      alarm,
      countdown,
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) loadIfTimerExists();
      }),
    );
    loadIfTimerExists();
    // `npm start -- --demo` hands over data to import: the app loads to take it in, once per profile.
    const seed = host.demoSeedPath();
    if (seed && context.globalState.get(DEMO_SEED_DONE_KEY) !== seed) void app();
  }, 0);

  // Agent mode's tools, inside activate(): a tool call can be what activates the extension, and VS
  // Code looks for the tool's implementation as soon as activate() returns. The app loads when one runs.
  registerLanguageModelTools(vscode.lm, context.subscriptions, app);
  const activateMs = performance.now() - activationStart;
  return {
    app,
    appLoaded: () => loading !== undefined,
    loadedBundles: () => host.loadedBundles(),
    host: host.kind,
    globalStorageUri: context.globalStorageUri,
    scheduledTimers: () => timers.count,
    status,
    alarm: () => alarm,
    countdown: () => countdown,
  };
}

