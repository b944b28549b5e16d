import type { StoreProblem } from '../core/store/ports';
import type { StudyStore } from '../core/store/studyStore';
import type { Span } from '../core/util/stopwatch';
import type { Log } from '../platform/log';
import type { ModuleStep } from '../core/util/moduleSteps';
import { takeLongestTurns } from '../core/util/slices';
import type { HostProbe, RowHandoff, ShellParts } from './shellParts';
import { t } from '../platform/l10n';

/** Loading stored data at startup, and the timings it logs (the benchmarks read them). */
export interface StoredDataLoad {
  /** Settles when the small globalState part has loaded: enough to show the certifications. */
  stateReady: Promise<StoreProblem[]>;
  /** Settles when the logs (sessions, practice exams) have loaded too; never rejects. */
  ready: Promise<StoreProblem[]>;
}

/**
 * Loads stored data in two steps and logs how long each took. The small globalState part loads
 * first and is enough to show the certifications; the logs (the expensive part: ten years of
 * sessions validated with zod) follow, and `afterLogs` (the tree's hours, the demo seed, the
 * reminders) runs when they are in. The first step is deferred by a microtask, so even the
 * synchronous globalState reads and their validation happen after activate() has returned.
 * Neither promise rejects: a failure is shown once, and the tree cannot wait forever.
 */
export function loadStoredData(store: StudyStore, log: Log, activationStart: number, afterLogs: (problems: StoreProblem[]) => Promise<void>): StoredDataLoad {
  const failed = (err: unknown): StoreProblem[] => {
    void log.showError(t('Loading stored data failed'), err);
    return [];
  };
  const stateReady = Promise.resolve()
    .then(() => store.loadState())
    .catch(failed);
  const ready = (async () => {
    const problems = [...(await stateReady), ...(await store.loadLogs())];
    logTimings(store, log);
    await afterLogs(problems);
    log.info(`tree complete with hours after ${(performance.now() - activationStart).toFixed(1)} ms since activation`);
    return problems;
  })().catch(failed);
  return { stateReady, ready };
}

function logTimings(store: StudyStore, log: Log): void {
  const { state, logs, logsWallMs } = store.loadTiming;
  log.info(`globalState parsed and validated in ${state.cpuMs.toFixed(2)} ms CPU, ${state.wallMs.toFixed(2)} ms wall`);
  log.info(`logs parsed and validated in ${logs.cpuMs.toFixed(2)} ms CPU, ${logs.wallMs.toFixed(2)} ms wall (loaded in ${logsWallMs.toFixed(1)} ms with file reads)`);
  const { sessions, practiceExams } = store;
  const longest = Math.max(sessions.lastLongestBlockMs, practiceExams.lastLongestBlockMs);
  // The CPU figure above spans the yields, so it also counts what others ran in between.
  log.info(`logs validated in slices: ${(sessions.lastBusyMs + practiceExams.lastBusyMs).toFixed(1)} ms of own work, longest block ${longest.toFixed(1)} ms`);
}

/** The startup figures the benchmarks (docs/performance.md) read from the log: activate(), then loading dist/app.js. */
export function logAppLoaded(log: Log, shell: Pick<ShellParts, 'activateMs' | 'appLoadMs' | 'activationStart'>, moduleSteps: readonly ModuleStep[]): void {
  log.info(`activate took ${shell.activateMs.toFixed(2)} ms`);
  log.info(`app loaded in ${shell.appLoadMs.toFixed(1)} ms, ${(performance.now() - shell.activationStart).toFixed(1)} ms after activation`);
  if (moduleSteps.length === 0) return;
  const longest = moduleSteps.reduce((a, b) => (b.ms > a.ms ? b : a));
  const total = moduleSteps.reduce((sum, step) => sum + step.ms, 0);
  log.info(`app modules run in ${moduleSteps.length} steps, ${total.toFixed(1)} ms in all, longest ${longest.ms.toFixed(1)} ms (${longest.name})`);
}

/** When the view's first rows (without hours yet) were handed to VS Code, and what building them cost. */
export function logFirstRows(log: Log, activationStart: number, count: number, build: Span): void {
  log.info(`tree first items built in ${build.cpuMs.toFixed(2)} ms CPU, ${build.wallMs.toFixed(2)} ms wall (${count} certifications)`);
  log.info(`tree first items after ${(performance.now() - activationStart).toFixed(1)} ms since activation`);
}

/** The end of a step for the benchmarks (Node host only): CERT_STUDY_HOST_PROFILE's CPU profile, CERT_STUDY_HOST_PROBE's heap added and longest block. */
export function logProbe(log: Log, probe: HostProbe | undefined, step: string): void {
  if (!probe) return;
  const turns = [...takeLongestTurns()].map(([kind, ms]) => `${kind} ${ms.toFixed(1)} ms`);
  log.info(`probe ${step}: our longest turns: ${turns.length ? turns.join(', ') : 'none'}`);
  const figures = probe.endStep(step);
  if (figures) log.info(`probe ${step}: heap +${figures.heapAddedMb.toFixed(1)} MB since activation (GC forced), longest block ${figures.longestBlockMs.toFixed(1)} ms`);
}

/** The view's first rows came from the row record: when, and how many the app then drew differently. */
export function logRowHandoff(log: Log, handoff: RowHandoff): void {
  log.info(`tree rows from the record after ${handoff.shownAfterMs.toFixed(1)} ms since activation (${handoff.rows} rows)`);
  log.info(`tree taken over by the app after ${handoff.takenOverAfterMs.toFixed(1)} ms since activation: ${handoff.changed} rows changed`);
}
