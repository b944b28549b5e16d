import * as vscode from 'vscode';
import { CertificationService } from './core/certificationService';
import type { StoreProblem } from './core/store/ports';
import { StudyStore } from './core/store/studyStore';
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
import { NodeFileAccess } from './services/nodeFileAccess';
import { seedDemoDataFromEnvironment } from './demoSeed';
import { StorageProblemReporter } from './storageProblems';
import { CertificationTreeProvider } from './views/certificationTree';

const now = () => new Date();

/** What the shell (src/extension.ts) made before the app was loaded, and when. */
export interface ShellParts {
  /** performance.now() when activate() was called. */
  activationStart: number;
  /** How long activate() itself took. */
  activateMs: number;
  /** How long loading (compiling and running) dist/app.js took. */
  appLoadMs: number;
  treeView: vscode.TreeView<string>;
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
  /** Settles when stored data has loaded (problems, if any, were reported). */
  readonly ready: Promise<StoreProblem[]>;
  /** Runs one of the extension's commands; the shell registered them all at activation. */
  readonly runCommand: (id: CommandId, arg: unknown) => Promise<unknown>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    shell: ShellParts,
  ) {
    const { activationStart } = shell;
    this.disposables.push(this.log);
    this.log.info(`activate took ${shell.activateMs.toFixed(2)} ms`);
    this.log.info(`app loaded in ${shell.appLoadMs.toFixed(1)} ms, ${(performance.now() - activationStart).toFixed(1)} ms after activation`);
    this.store = new StudyStore(context.globalState, new NodeFileAccess(), context.globalStorageUri.fsPath, now);
    this.disposables.push(this.store);
    // The small globalState part loads first and is enough to show the certifications; the
    // logs (the expensive part: ten years of sessions validated with zod) follow, and the tree
    // refreshes with the hours when they are in. Commands wait for both.
    const stateReady = this.loadState();
    this.ready = this.loadLogs(stateReady, activationStart);
    this.service = new CertificationService(this.store, now, (message, ...args) => vscode.l10n.t(message, ...args));

    this.tree = new CertificationTreeProvider(
      {
        snapshot: () => this.store.snapshot(),
        catalog: () => this.service.catalog(),
        sortBy: config.treeSortBy,
        now,
      },
      stateReady,
    );
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
      },
      this.ready,
      this.log,
    );

    this.disposables.push(
      this.store.onDidChange(() => this.tree.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('certStudy.tree')) this.tree.refresh();
      }),
      this.store.onDidFindProblems((problems) => this.problems.report(problems)),
      // Another window may have written, and the day may have turned: both are checked when
      // this window gets focus, instead of by a timer that ticks all day.
      vscode.window.onDidChangeWindowState(async (state) => {
        if (!state.focused) return;
        await this.ready;
        this.problems.report(await this.store.reloadFromDisk());
        this.tree.refresh();
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
      await seedDemoDataFromEnvironment(this.store, this.log).catch((err) => this.log.showError('demo data', err));
      this.tree.refresh();
      this.log.info(`tree complete with hours after ${(performance.now() - activationStart).toFixed(1)} ms since activation`);
      return problems;
    } catch (err) {
      void this.log.showError(vscode.l10n.t('Loading stored data failed'), err);
      return [];
    }
  }

  dispose(): void {
    // Dispose in reverse so listeners go before what they listen to.
    for (const d of this.disposables.reverse()) d.dispose();
  }
}
