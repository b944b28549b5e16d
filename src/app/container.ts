import * as vscode from 'vscode';
import { CertificationService } from '../core/certifications/certificationService';
import type { StoreProblem } from '../core/store/ports';
import { StudyStore } from '../core/store/studyStore';
import { serialStorageFor, type SerialStorage } from '../core/store/serialStorage';
import {
  addCertification,
  editCertification,
  removeCertification,
  setStatus,
} from '../features/certifications/certificationCommands';
import type { CommandName, CommandsIn } from './commandTable';
import { commandRunner, type CommandHandler } from './commandRunner';
import { loadStoredData, logAppLoaded, logFirstRows, logProbe, logRowHandoff } from './loadStoredData';
import type { ModuleStep } from '../core/util/moduleSteps';
import type { ShellParts } from './shellParts';
import { config } from '../platform/config';
import { Log } from '../platform/log';
import { StorageProblemReporter } from '../platform/storageProblems';
import { deletePracticeExam, editPracticeExam, recordPracticeExam } from '../features/practice/practiceCommands';
import { PracticeService } from '../core/practice/practiceService';
import { PracticeReminders } from '../features/practice/practiceReminders';
import { CertificationTreeProvider } from '../features/certifications/certificationTree';
import { RowRecordWriter } from '../features/certifications/rowRecordWriter';
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
} from '../features/timer/timerCommands';
import type { StudyBlock } from '../core/timer/blockSchedule';
import type { FileAccess, KeyValueStorage } from '../core/store/ports';
import { configureHostPaths } from '../platform/hostPaths';
import { startSettingsSync } from '../features/sync/startSettingsSync';
import type { SettingsSync } from '../features/sync/settingsSync';
import { announceMorningBlock } from '../features/timer/morningBlockPrompt';
import { keepTimerStateContext } from '../features/timer/timerContext';
import { clearExamDateCommand, recordExamResultCommand, setExamDateCommand } from '../features/exam/examCommands';
import { StatusRecordWriter } from '../features/exam/statusRecordWriter';
import { TimerController } from '../features/timer/timerController';
import { loadTeamHandlers, reviveTeamReport, type TeamParts } from './teamBundle';
import { DashboardHost } from '../features/dashboard/dashboardPanel';
import { newId as randomUUID } from '../core/util/ids';
import { PlanService } from '../core/plans/planService';
import { RoiService } from '../core/roi/roiService';
import { applyStackCommand, editPlanCommand, removePlanCommand } from '../features/plans/planCommands';
import { editCostsCommand, setBillingRatesCommand, showRoiCommand } from '../features/plans/roiCommands';
import { exportCalendarCommand } from '../features/plans/calendarCommands';
import type { PlanCommandDeps } from '../features/plans/planDeps';
import { t } from '../platform/l10n';
import { AgentTools } from '../features/agent/agentTools';

export type { ShellParts } from './shellParts';

/**
 * Owns every part of the running extension and every disposable. Built by the shell on first use
 * (see src/extension.ts); construction is synchronous and cheap, stored data loads in the
 * background, and commands and the tree wait for it.
 */
export class Container implements vscode.Disposable {
  readonly log = new Log();
  private readonly problems = new StorageProblemReporter(this.log);
  readonly store: StudyStore;
  /** The one serialized path for globalState writes (core/store/serialStorage.ts); every writer shares it. */
  readonly storage: SerialStorage;
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
  /** Settings Sync: this machine's record out, other machines' in (src/features/sync/settingsSync.ts); there once `syncReady` settled. */
  get sync(): SettingsSync {
    if (!this.syncPart) throw new Error('Settings Sync has not started yet (await syncReady)');
    return this.syncPart;
  }
  /** Settles when Settings Sync has taken in what arrived and published this machine's record. */
  readonly syncReady: Promise<void>;
  /** Settles when stored data has loaded (problems, if any, were reported). */
  readonly ready: Promise<StoreProblem[]>;
  /** Runs one of the extension's commands; the shell registered them all at activation. */
  readonly runCommand: (name: CommandName, arg: unknown) => Promise<unknown>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly shell: ShellParts,
    /** The storage folder's files: Node's fs, or workspace.fs in the browser (see src/app/app.ts, src/app/app.web.ts). */
    private readonly files: FileAccess,
    /** Imports `npm start -- --demo`'s data (Node only). */
    private readonly seedDemoData: (store: StudyStore, log: Log, globalState: KeyValueStorage) => Promise<unknown> = () => Promise.resolve(),
    /** How long each part of the app's modules took to run (./moduleSteps.ts), for the log. */
    moduleSteps: readonly ModuleStep[] = [],
  ) {
    configureHostPaths(context.globalStorageUri);
    const { activationStart, now } = shell;
    this.disposables.push(this.log);
    logAppLoaded(this.log, shell, moduleSteps);
    // One queue for every write to globalState: the store's, Settings Sync's and the status
    // record's (see core/store/serialStorage.ts: concurrent writes lost a certification).
    const globalState = serialStorageFor(context.globalState);
    this.storage = globalState;
    this.store = new StudyStore(globalState, this.files, context.globalStorageUri.fsPath, now);
    this.disposables.push(this.store);
    const { stateReady, ready } = loadStoredData(this.store, this.log, activationStart, async (problems) => {
      this.problems.report(problems);
      await this.seedDemoData(this.store, this.log, globalState).catch((err) => this.log.showError('demo data', err));
      this.tree.refresh();
      void this.practiceReminders.check().catch((err) => this.log.warn(`practice reminders: ${String(err)}`));
    });
    this.ready = ready;
    this.syncReady = startSettingsSync(
      this.ready,
      {
        context,
        storage: globalState,
        store: this.store,
        files,
        storageFolder: context.globalStorageUri.fsPath,
        now,
        newId: randomUUID,
        log: this.log,
        report: (problems) => this.problems.report(problems),
      },
      (sync) => {
        this.syncPart = sync;
        this.disposables.push(sync);
      },
    );
    this.service = new CertificationService(this.store, now, t);
    this.practice = new PracticeService(this.store, now, t, (key) => this.service.markStudying(key));
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
      afterChartsDrawn: () => logProbe(this.log, shell.host.probe, 'after the dashboard'),
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
      this.ready,
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
    this.timerLoaded = this.ready.then(() => this.timer.load()).catch((err) => this.log.showError(t('Study timer'), err));
    this.disposables.push(this.timer);
    this.tree.firstItemsShown = (count, build) => logFirstRows(this.log, activationStart, count, build);
    this.disposables.push(this.tree);

    this.runCommand = commandRunner({ app: this.appCommandHandlers(), team: () => loadTeamHandlers(this.teamParts()) }, this.ready, this.log, (name) => logProbe(this.log, shell.host.probe, `after the command ${name}`));
    this.practiceReminders = new PracticeReminders(this.store, () => this.practice.catalog(), now, (arg) => this.runCommand('recordPracticeExam', arg), this.log);

    this.statusRecord = new StatusRecordWriter(globalState, this.store, () => this.service.catalog(), now, shell.refreshCountdown);
    const rowRecord = new RowRecordWriter(globalState, this.tree, shell.rowRecordKey, (err) => this.log.warn(`row record: ${String(err)}`));
    void shell.treeHandoff.then((handoff) => handoff && logRowHandoff(this.log, handoff));
    // Once the view's rows are the app's, hours and all (from the record or not); benchmarks only.
    if (shell.host.probe) void Promise.all([shell.treeHandoff, this.tree.completeRows()]).then(() => logProbe(this.log, shell.host.probe, 'after the first view'));
    this.disposables.push(
      this.statusRecord,
      this.statusRecord.keepCurrent(this.ready),
      rowRecord.keepCurrent(),
      this.tree.refreshOn(this.store.onDidChange, this.timer.onDidChange),
      keepTimerStateContext(this.timer, vscode.commands),
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

  /** The handlers of the commands the command table puts in dist/app.js, by command name. */
  private appCommandHandlers(): Record<CommandsIn<'app'>, CommandHandler> {
    const now = this.shell.now;
    return {
      addCertification: (arg) => addCertification(this.service, arg),
      editCertification: (arg) => editCertification(this.service, arg),
      removeCertification: (arg) => removeCertification(this.service, arg, this.log),
      setStatus: (arg) => setStatus(this.service, arg),
      showLog: () => this.log.channel.show(),
      recordPracticeExam: (arg) => recordPracticeExam(this.practice, arg),
      editPracticeExam: (arg) => editPracticeExam(this.practice, arg),
      deletePracticeExam: (arg) => deletePracticeExam(this.practice, arg, this.log),
      startTimer: (arg) => startTimerCommand(this.timerDeps, arg),
      pauseTimer: () => pauseTimerCommand(this.timerDeps),
      resumeTimer: () => resumeTimerCommand(this.timerDeps),
      stopTimer: () => stopTimerCommand(this.timerDeps),
      discardTimer: (arg) => discardTimerCommand(this.timerDeps, arg),
      timerMenu: () => timerMenuCommand(this.timerDeps),
      logStudyTime: (arg) => logStudyTimeCommand(this.timerDeps, arg),
      editSession: (arg) => editSessionCommand(this.timerDeps, arg),
      deleteSession: (arg) => deleteSessionCommand(this.timerDeps, arg),
      setExamDate: (arg) => setExamDateCommand(this.service, arg, now),
      clearExamDate: (arg) => clearExamDateCommand(this.service, arg),
      recordExamResult: (arg) => recordExamResultCommand(this.service, arg, now),
      openDashboard: (arg) => this.dashboard.open(arg),
      // Plans, costs and ROI, the calendar export (its writer is dist/calendar.js, loaded on first export).
      applyStack: (arg) => applyStackCommand(this.planDeps(), arg),
      editPlan: (arg) => editPlanCommand(this.planDeps(), arg),
      removePlan: (arg) => removePlanCommand(this.planDeps(), arg),
      editCosts: (arg) => editCostsCommand(this.planDeps(), arg),
      setBillingRates: (arg) => setBillingRatesCommand(this.planDeps(), arg),
      showRoi: () => showRoiCommand(this.planDeps()),
      exportCalendar: (arg) => exportCalendarCommand(this.planDeps(), arg),
    };
  }

  /** What the team code (dist/team.js, loaded on first use) works on. */
  private teamParts(): TeamParts {
    return { context: this.context, store: this.store, catalog: () => this.service.catalog(), now: this.shell.now, log: this.log, files: this.files, loadTeam: () => this.shell.host.loadBundle('team').then((entry) => entry.loadTeamCommands()) };
  }

  /** What the plan, cost and calendar commands work on (src/features/plans/planCommands.ts). */
  private planDeps(): PlanCommandDeps {
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
      version: this.shell.version,
    };
  }

  /** A team report VS Code restores after a reload (the shell's panel serializer): dist/team.js reads its files again. */
  reviveTeamReport(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return reviveTeamReport(this.teamParts(), panel, state);
  }

  /** The language model tools for VS Code's agent mode (src/features/agent/agentTools.ts): the shell's stubs call in here. */
  get tools(): AgentTools {
    return (this.agentTools ??= new AgentTools({
      // The timer too: a tool call that loaded the app must see a timer another window runs.
      ready: Promise.all([this.ready, this.timerLoaded]),
      store: this.store,
      catalog: () => this.service.catalog(),
      now: this.shell.now,
      settings: () => ({ practice: config.practice(), block: config.week().block, renewalWarnDays: config.plans().renewalWarnDays }),
      timer: () => {
        const timer = this.timer.current();
        return timer ? { certKey: timer.certKey, paused: timer.running === null } : null;
      },
      // The command's handler with an argument (no pickers) and the service: their checks, their one write.
      logStudyTime: (arg) => logStudyTimeCommand(this.timerDeps, arg),
      recordPractice: (arg) => this.practice.record(arg),
      log: this.log,
    }));
  }
  private agentTools: AgentTools | undefined;

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
