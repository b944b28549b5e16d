import * as vscode from 'vscode';
import { CertificationService } from './core/certificationService';
import type { StoreProblem } from './core/store/ports';
import { StudyStore } from './core/store/studyStore';
import { serialStorageFor } from './core/store/serialStorage';
import {
  addCertification,
  editCertification,
  removeCertification,
  setStatus,
} from './commands/certificationCommands';
import { COMMAND_IDS, type CommandId } from './commands/ids';
import { commandRunner } from './commands/registry';
import { config } from './services/config';
import { Log } from './services/log';
import { StorageProblemReporter } from './storageProblems';
import { deletePracticeExam, editPracticeExam, recordPracticeExam } from './commands/practiceCommands';
import { PracticeService } from './core/practice/practiceService';
import { PracticeReminders } from './practiceReminders';
import { CertificationTreeProvider } from './views/certificationTree';
import {
  deleteSessionCommand,
  discardTimerCommand,
  editSessionCommand,
  logStudyTimeCommand,
  pauseTimerCommand,
  resumeTimerCommand,
  startTimerCommand,
  stopTimerCommand,
  timerMenuCommand,
  type TimerCommandDeps,
} from './commands/timerCommands';
import type { StudyBlock } from './core/timer/blockSchedule';
import type { StatusItem } from './shell/statusItem';
import type { ScheduledTimers } from './shell/timers';
import type { ShellHost } from './shell/host';
import type { FileAccess } from './core/store/ports';
import { configureHostPaths } from './services/hostPaths';
import type * as SyncModule from './settingsSync';
import type { SettingsSync } from './settingsSync';
import { announceMorningBlock } from './timer/morningBlockPrompt';
import { clearExamDateCommand, recordExamResultCommand, setExamDateCommand } from './commands/examCommands';
import { StatusRecordWriter } from './statusRecordWriter';
import { TimerController } from './timer/timerController';
import { reviveTeamReport, teamCommandTable } from './team/loadTeam';
import { DashboardHost } from './dashboard/dashboardPanel';
import { newId as randomUUID } from './core/util/ids';
import { PlanService } from './core/plans/planService';
import { RoiService } from './core/roi/roiService';
import {
  applyStackCommand,
  editCostsCommand,
  editPlanCommand,
  exportCalendarCommand,
  removePlanCommand,
  setBillingRatesCommand,
  showRoiCommand,
  type PlanCommandDeps,
} from './commands/planCommands';

/** What the shell (src/extension.ts) made before the app was loaded, and when. */
export interface ShellParts {
  /** The extension host this runs in (Node or the browser's web worker) and its bundle loader. */
  host: ShellHost;
  /** performance.now() when activate() was called. */
  activationStart: number;
  /** How long activate() itself took. */
  activateMs: number;
  /** How long loading (compiling and running) dist/app.js took. */
  appLoadMs: number;
  treeView: vscode.TreeView<string>;
  /** The one status-bar item. */
  status: StatusItem;
  /** Every timeout and interval goes through here, so they can be counted. */
  timers: ScheduledTimers;
  /** The extension's clock (shifted by a hidden setting in tests). */
  now: () => Date;
  /** Re-reads the status record and shows the countdown (after the app rewrote the record). */
  refreshCountdown: () => void;
}

/**
 * Owns every part of the running extension and every disposable. Built by the shell on first use
 * (see src/extension.ts); construction is synchronous and cheap, stored data loads in the
 * background, and commands and the tree wait for it.
 */
export class Container implements vscode.Disposable {
  readonly log = new Log();
  private readonly problems = new StorageProblemReporter(this.log);
  readonly store: StudyStore;
  readonly service: CertificationService;
  readonly tree: CertificationTreeProvider;
  readonly practice: PracticeService;
  readonly practiceReminders: PracticeReminders;
  readonly timer: TimerController;
  /** Settles when the timer another window or an earlier one left has been read (and recovered). */
  readonly timerLoaded: Promise<void>;
  readonly statusRecord: StatusRecordWriter;
  /** The progress dashboard (a webview panel; its page and Chart.js are dist/webview.js, loaded by the panel). */
  readonly dashboard: DashboardHost;
  private readonly timerDeps: TimerCommandDeps;
  private syncPart: SettingsSync | undefined;
  /** Settings Sync: this machine's record out, other machines' in (src/settingsSync.ts); there once `syncReady` settled. */
  get sync(): SettingsSync {
    if (!this.syncPart) throw new Error('Settings Sync has not started yet (await syncReady)');
    return this.syncPart;
  }
  /** Settles when Settings Sync has taken in what arrived and published this machine's record. */
  readonly syncReady: Promise<void>;
  /** Settles when stored data has loaded (problems, if any, were reported). */
  readonly ready: Promise<StoreProblem[]>;
  /** Runs one of the extension's commands; the shell registered them all at activation. */
  readonly runCommand: (id: CommandId, arg: unknown) => Promise<unknown>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly shell: ShellParts,
    /** The storage folder's files: Node's fs, or workspace.fs in the browser (see src/app.ts, src/app.web.ts). */
    private readonly files: FileAccess,
    /** Imports `npm start -- --demo`'s data (Node only). */
    private readonly seedDemoData: (store: StudyStore, log: Log) => Promise<unknown> = () => Promise.resolve(),
  ) {
    configureHostPaths(context.globalStorageUri);
    const { activationStart, now } = shell;
    this.disposables.push(this.log);
    this.log.info(`activate took ${shell.activateMs.toFixed(2)} ms`);
    this.log.info(`app loaded in ${shell.appLoadMs.toFixed(1)} ms, ${(performance.now() - activationStart).toFixed(1)} ms after activation`);
    // One queue for every write to globalState: the store's, Settings Sync's and the status
    // record's (see core/store/serialStorage.ts: concurrent writes lost a certification).
    const globalState = serialStorageFor(context.globalState);
    this.store = new StudyStore(globalState, this.files, context.globalStorageUri.fsPath, now);
    this.disposables.push(this.store);
    // The small globalState part loads first and is enough to show the certifications; the
    // logs (the expensive part: ten years of sessions validated with zod) follow, and the tree
    // refreshes with the hours when they are in. Commands wait for both.
    const stateReady = this.loadState();
    this.ready = this.loadLogs(stateReady, activationStart);
    this.syncReady = this.ready
      .then(() => {
        // Required here rather than imported at the top: esbuild then runs the sync modules'
        // bodies (their zod schemas, about 3 ms) once the tree has its hours, not while app.js loads.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { SettingsSync } = require('./settingsSync') as typeof SyncModule;
        this.syncPart = new SettingsSync({
          context,
          storage: globalState,
          store: this.store,
          files,
          storageFolder: context.globalStorageUri.fsPath,
          now,
          newId: randomUUID,
          log: this.log,
          report: (problems) => this.problems.report(problems),
        });
        this.disposables.push(this.syncPart);
        return this.syncPart.start();
      })
      .catch((err) => this.log.warn(`settings sync: ${String(err)}`));
    this.service = new CertificationService(this.store, now, (message, ...args) => vscode.l10n.t(message, ...args));
    this.practice = new PracticeService(this.store, now, (message, ...args) => vscode.l10n.t(message, ...args), (key) => this.service.markStudying(key));
    this.dashboard = new DashboardHost({
      extensionUri: context.extensionUri,
      snapshot: () => this.store.snapshot(),
      planning: () => ({ plans: this.store.state.get('plans'), costs: this.store.state.get('costs'), roi: this.store.state.get('roi'), profile: this.store.state.get('profile') }),
      onStoreChange: (listener) => this.store.onDidChange(listener),
      catalog: () => this.service.catalog(),
      now,
      settings: config.dashboard,
      ready: this.ready,
      log: this.log,
    });
    this.disposables.push(this.dashboard);

    this.tree = new CertificationTreeProvider(
      {
        snapshot: () => this.store.snapshot(),
        catalog: () => this.service.catalog(),
        sortBy: config.treeSortBy,
        now,
        practice: config.practice,
        week: config.week,
        timer: () => {
          const timer = this.timer?.current();
          return timer ? { certKey: timer.certKey, paused: timer.running === null } : null;
        },
        plans: () => this.store.state.get('plans'),
      },
      stateReady,
    );
    this.timer = new TimerController({
      store: this.store,
      catalog: () => this.service.catalog(),
      timers: shell.timers,
      now,
      show: (content) => shell.status.setTimer(content),
      reportProblems: (problems) => this.problems.report(problems),
      idleMinutes: () => config.timerIdleMinutes(),
      onSessionsSaved: (key) => this.service.markStudying(key),
    });
    this.timerDeps = {
      timer: this.timer,
      store: this.store,
      catalog: () => this.service.catalog(),
      tracked: () => this.service.tracked(),
      now,
      onSessionsSaved: (key) => this.service.markStudying(key),
    };
    // A timer left running by this window before a reload, by another window, or by a crash.
    this.timerLoaded = this.ready.then(() => this.timer.load()).catch((err) => this.log.showError(vscode.l10n.t('Study timer'), err));
    this.disposables.push(this.timer, this.timer.onDidChange(() => this.tree.refresh()));
    this.tree.firstItemsShown = (count, build) => {
      this.log.info(`tree first items built in ${build.cpuMs.toFixed(2)} ms CPU, ${build.wallMs.toFixed(2)} ms wall (${count} certifications)`);
      this.log.info(`tree first items after ${(performance.now() - activationStart).toFixed(1)} ms since activation`);
    };
    this.disposables.push(this.tree);

    this.runCommand = commandRunner(
      {
        [COMMAND_IDS.addCertification]: (arg) => addCertification(this.service, arg),
        [COMMAND_IDS.editCertification]: (arg) => editCertification(this.service, arg),
        [COMMAND_IDS.removeCertification]: (arg) => removeCertification(this.service, arg, this.log),
        [COMMAND_IDS.setStatus]: (arg) => setStatus(this.service, arg),
        [COMMAND_IDS.showLog]: () => this.log.channel.show(),
        [COMMAND_IDS.recordPracticeExam]: (arg) => recordPracticeExam(this.practice, arg),
        [COMMAND_IDS.editPracticeExam]: (arg) => editPracticeExam(this.practice, arg),
        [COMMAND_IDS.deletePracticeExam]: (arg) => deletePracticeExam(this.practice, arg, this.log),
        [COMMAND_IDS.startTimer]: (arg) => startTimerCommand(this.timerDeps, arg),
        [COMMAND_IDS.pauseTimer]: () => pauseTimerCommand(this.timerDeps),
        [COMMAND_IDS.resumeTimer]: () => resumeTimerCommand(this.timerDeps),
        [COMMAND_IDS.stopTimer]: () => stopTimerCommand(this.timerDeps),
        [COMMAND_IDS.discardTimer]: (arg) => discardTimerCommand(this.timerDeps, arg),
        [COMMAND_IDS.timerMenu]: () => timerMenuCommand(this.timerDeps),
        [COMMAND_IDS.logStudyTime]: (arg) => logStudyTimeCommand(this.timerDeps, arg),
        [COMMAND_IDS.editSession]: (arg) => editSessionCommand(this.timerDeps, arg),
        [COMMAND_IDS.deleteSession]: (arg) => deleteSessionCommand(this.timerDeps, arg),
        [COMMAND_IDS.setExamDate]: (arg) => setExamDateCommand(this.service, arg, now),
        [COMMAND_IDS.clearExamDate]: (arg) => clearExamDateCommand(this.service, arg),
        [COMMAND_IDS.recordExamResult]: (arg) => recordExamResultCommand(this.service, arg, now),
        [COMMAND_IDS.openDashboard]: (arg) => this.dashboard.open(arg),
        // Plans, costs and ROI, the calendar export (its writer is dist/calendar.js, loaded on first export).
        [COMMAND_IDS.applyStack]: (arg) => applyStackCommand(this.planDeps(), arg),
        [COMMAND_IDS.editPlan]: (arg) => editPlanCommand(this.planDeps(), arg),
        [COMMAND_IDS.removePlan]: (arg) => removePlanCommand(this.planDeps(), arg),
        [COMMAND_IDS.editCosts]: (arg) => editCostsCommand(this.planDeps(), arg),
        [COMMAND_IDS.setBillingRates]: (arg) => setBillingRatesCommand(this.planDeps(), arg),
        [COMMAND_IDS.showRoi]: () => showRoiCommand(this.planDeps()),
        [COMMAND_IDS.exportCalendar]: (arg) => exportCalendarCommand(this.planDeps(), arg),
        // Loads dist/team.js on first use (src/team/loadTeam.ts).
        ...teamCommandTable({ context, store: this.store, catalog: () => this.service.catalog(), now, log: this.log, files: this.files, loadTeam: () => this.shell.host.loadBundle('team') }),
      },
      this.ready,
      this.log,
    );
    this.practiceReminders = new PracticeReminders(this.store, () => this.practice.catalog(), now, this.runCommand, this.log);

    this.statusRecord = new StatusRecordWriter(globalState, this.store, () => this.service.catalog(), now, shell.refreshCountdown);
    void this.ready.then(() => this.statusRecord.write());
    this.disposables.push(
      this.statusRecord,
      this.store.onDidChange(() => this.tree.refresh()),
      this.store.onDidChange(() => void this.ready.then(() => this.statusRecord.write())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['tree', 'practice', 'morningBlock', 'dailyMinimumMinutes', 'restDays'].some((k) => e.affectsConfiguration(`certStudy.${k}`))) this.tree.refresh();
      }),
      this.store.onDidFindProblems((problems) => this.problems.report(problems)),
      // Another window may have written, and the day may have turned: both are checked when
      // this window gets focus, instead of by a timer that ticks all day.
      vscode.window.onDidChangeWindowState(async (state) => {
        if (!state.focused) return;
        await this.ready;
        this.problems.report(await this.store.reloadFromDisk());
        this.tree.refresh();
        void this.practiceReminders.check().catch((err) => this.log.warn(`practice reminders: ${String(err)}`));
        // The day may have turned: the pace figures in the status record move with it.
        void this.statusRecord.write();
      }),
    );
  }

  /**
   * Deferred by a microtask so that even the synchronous globalState reads and their zod
   * validation happen after activate() has returned. Never rejects, so the tree cannot wait forever.
   */
  private loadState(): Promise<StoreProblem[]> {
    return Promise.resolve()
      .then(() => this.store.loadState())
      .catch((err) => {
        void this.log.showError(vscode.l10n.t('Loading stored data failed'), err);
        return [];
      });
  }

  private async loadLogs(stateReady: Promise<StoreProblem[]>, activationStart: number): Promise<StoreProblem[]> {
    try {
      const problems = [...(await stateReady), ...(await this.store.loadLogs())];
      const { state, logs, logsWallMs } = this.store.loadTiming;
      this.log.info(`globalState parsed and validated in ${state.cpuMs.toFixed(2)} ms CPU, ${state.wallMs.toFixed(2)} ms wall`);
      this.log.info(
        `logs parsed and validated in ${logs.cpuMs.toFixed(2)} ms CPU, ${logs.wallMs.toFixed(2)} ms wall (loaded in ${logsWallMs.toFixed(1)} ms with file reads)`,
      );
      const { sessions, practiceExams } = this.store;
      const longest = Math.max(sessions.lastLongestBlockMs, practiceExams.lastLongestBlockMs);
      // The CPU figure above spans the yields, so it also counts what others ran in between.
      this.log.info(
        `logs validated in slices: ${(sessions.lastBusyMs + practiceExams.lastBusyMs).toFixed(1)} ms of own work, longest block ${longest.toFixed(1)} ms`,
      );
      this.problems.report(problems);
      await this.seedDemoData(this.store, this.log).catch((err) => this.log.showError('demo data', err));
      this.tree.refresh();
      void this.practiceReminders.check().catch((err) => this.log.warn(`practice reminders: ${String(err)}`));
      this.log.info(`tree complete with hours after ${(performance.now() - activationStart).toFixed(1)} ms since activation`);
      return problems;
    } catch (err) {
      void this.log.showError(vscode.l10n.t('Loading stored data failed'), err);
      return [];
    }
  }

  /** What the plan, cost and calendar commands work on (src/commands/planCommands.ts). */
  private planDeps(): PlanCommandDeps {
    const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);
    return {
      plans: new PlanService(this.store, this.shell.now, t),
      roi: new RoiService(this.store, this.shell.now, randomUUID, t),
      store: this.store,
      catalog: () => this.service.catalog(),
      now: this.shell.now,
      log: this.log,
      settings: () => config.plans(),
      newId: randomUUID,
      loadCalendar: () => this.shell.host.loadBundle('calendar'),
      version: String((this.context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0'),
    };
  }

  /** A team report VS Code restores after a reload (the shell's panel serializer): dist/team.js reads its files again. */
  reviveTeamReport(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return reviveTeamReport({ context: this.context, store: this.store, catalog: () => this.service.catalog(), now: this.shell.now, log: this.log, files: this.files, loadTeam: () => this.shell.host.loadBundle('team') }, panel, state);
  }

  /** The shell found a renewal reminder due (90, 30 or 7 days before an expiry). */
  async showRenewalReminders(): Promise<void> {
    await this.ready;
    await this.statusRecord.showRenewalReminders();
  }

  /** The shell's alarm says a morning block starts: one window asks whether to start the timer. */
  async morningBlockDue(block: StudyBlock): Promise<boolean> {
    await this.ready;
    return announceMorningBlock(
      {
        files: this.files,
        storageFolder: this.context.globalStorageUri.fsPath,
        timer: this.timer,
        timers: this.shell.timers,
        catalog: () => this.service.catalog(),
        tracked: () => this.service.tracked(),
        autoStop: () => config.morningBlockAutoStop(),
        now: this.shell.now,
      },
      block,
    );
  }

  dispose(): void {
    // Dispose in reverse so listeners go before what they listen to.
    for (const d of this.disposables.reverse()) d.dispose();
  }
}
