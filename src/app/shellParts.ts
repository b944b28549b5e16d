import type * as vscode from 'vscode';
import type * as Ics from '../core/calendar/ics';
import type * as TeamEntry from '../features/team/teamEntry';
import type { StatusItem } from '../platform/statusItem';
import type { ScheduledTimers } from '../platform/timers';
import type { RowRecordKey } from '../core/tree/rowRecord';

/** The bundles the app loads on first use: dist/team.js and dist/calendar.js (dist/web/ in the browser). */
export interface LazyBundles {
  team: typeof TeamEntry;
  calendar: typeof Ics;
}

/**
 * How the app loads a bundle of its own. The shell's host (src/shell/host.ts) is one: it also
 * loads dist/app.js itself. Declared here, below the shell, so the app never imports the shell.
 */
export interface BundleLoader {
  readonly kind: 'node' | 'web';
  /** The benchmarks' figures from inside the host (Node only, CERT_STUDY_HOST_PROBE; src/shell/hostProbe.ts). */
  readonly probe?: HostProbe;
  loadBundle<N extends keyof LazyBundles>(name: N): Promise<LazyBundles[N]>;
  /** The demo seed file named for this window, if any (`npm start -- --demo`, the tests). */
  demoSeedPath(): string | undefined;
}

/** The benchmarks' view from inside the extension host (src/shell/hostProbe.ts). */
export interface HostProbe {
  /**
   * At the end of a step (after the first view, the dashboard, a command; the shell's deactivate
   * ends the last): with CERT_STUDY_HOST_PROFILE, writes the step's CPU profile and starts the
   * next; with CERT_STUDY_HOST_PROBE, returns the figures (undefined otherwise), taken between the
   * two so that the forced collection is in no profile.
   */
  endStep(step: string): HostFigures | undefined;
}

export interface HostFigures {
  /** MB of heap added since activation, garbage collected first. */
  heapAddedMb: number;
  /** The longest event-loop block since the last step (or activation), in ms. */
  longestBlockMs: number;
}

/** How the view's first rows came to be drawn from the row record, for the log (docs/performance.md reads it). */
export interface RowHandoff {
  /** Since activation, when the record's rows were handed to VS Code. */
  shownAfterMs: number;
  rows: number;
  /** Since activation, when the app's rows replaced them. */
  takenOverAfterMs: number;
  /** Rows the app drew differently (their record was stale); 'all' when the rows themselves differ. */
  changed: number | 'all';
}

/** What the shell (src/shell/activateShell.ts) made before the app was loaded, and when. */
export interface ShellParts {
  /** The extension host this runs in (Node or the browser's web worker) and its bundle loader. */
  host: BundleLoader;
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
  /** Settles once the app's rows are shown: how the record's rows were handed over, or null when there was no current record. */
  treeHandoff: Promise<RowHandoff | null>;
  /** The extension's version. */
  version: string;
  /** What the row record is written for now (core/tree/rowRecord.ts): version, language, local day, row settings. */
  rowRecordKey: () => RowRecordKey;
  /** Re-reads the status record and shows the countdown (after the app rewrote the record). */
  refreshCountdown: () => void;
}
