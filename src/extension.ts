// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import type { Container } from './container';
import { COMMAND_IDS } from './commands/ids';
import { Clock } from './shell/clock';
import { CountdownController } from './shell/countdown';
import { LazyTreeProvider } from './shell/lazyTree';
import { loadAppModule } from './shell/loadApp';
import { MorningBlockAlarm } from './shell/morningBlockAlarm';
import { StatusItem } from './shell/statusItem';
import { ScheduledTimers } from './shell/timers';
import { WakeUp } from './shell/wakeUp';

/**
 * The startup path every window pays for, so it holds only what must exist before anything is
 * used: the command ids, the view with a proxy provider, the status-bar item with the exam
 * countdown (from one small globalState record), and one timeout for the next local midnight or
 * morning block, whichever comes first. Everything else (zod, the
 * catalog, the store, the timer, the tree model) is in dist/app.js, loaded the first time
 * something needs it: the view asks for rows, a command runs, a morning block starts, or a study
 * timer is found running. See "Keeping activation cheap" in the README.
 */

/** What `activate()` returns: the integration tests reach the loaded extension through it. */
export interface CertStudyApi {
  /** Loads the app if nothing has yet, and settles with it once stored data has loaded. */
  app(): Promise<Container>;
  /** Whether dist/app.js has been loaded in this window. */
  appLoaded(): boolean;
  /** How many timeouts and intervals the extension keeps now (nothing ticks while idle). */
  scheduledTimers(): number;
  status: StatusItem;
  alarm(): MorningBlockAlarm | undefined;
  countdown(): CountdownController | undefined;
}

export function activate(context: vscode.ExtensionContext): CertStudyApi {
  const activationStart = performance.now();
  const tree = new LazyTreeProvider(() => app().then((c) => c.tree));
  const treeView = vscode.window.createTreeView('certStudy.certifications', { treeDataProvider: tree, showCollapseAll: true });
  const status = new StatusItem();
  const timers = new ScheduledTimers();
  context.subscriptions.push(treeView, tree, status);

  let loading: Promise<Container> | undefined;
  function app(): Promise<Container> {
    loading ??= Promise.resolve().then(() => {
      const loadStart = performance.now();
      const { startApp } = loadAppModule();
      const appLoadMs = performance.now() - loadStart;
      const container = startApp(context, {
        activationStart,
        activateMs,
        appLoadMs,
        treeView,
        status,
        timers,
        now: () => now(),
        refreshCountdown: () => countdown?.refresh(),
      });
      context.subscriptions.push(container);
      tree.attach(container.tree);
      return container.ready.then(() => container);
    });
    return loading;
  }

  for (const id of Object.values(COMMAND_IDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (arg: unknown) => (await app()).runCommand(id, arg)));
  }
  // A dashboard left open before a reload comes back; only then is the app loaded for it.
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer('certStudy.dashboard', {
      deserializeWebviewPanel: (panel, state: unknown) => app().then((c) => c.dashboard.revive(panel, state)),
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
    // `npm start -- --demo` hands over data to import.
    if (process.env.CERT_STUDY_DEMO_SEED) void app();
  }, 0);

  const activateMs = performance.now() - activationStart;
  return { app, appLoaded: () => loading !== undefined, scheduledTimers: () => timers.count, status, alarm: () => alarm, countdown: () => countdown };
}

/** Nothing to save here: every change was written when it happened. */
export function deactivate(): void {}
