import { newId as randomUUID } from '../../core/util/ids';
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { StudySession } from '../../core/model/logs';
import type { StudyStore } from '../../core/store/studyStore';
import type { StoreProblem } from '../../core/store/ports';
import {
  autoStopAt,
  awayMs,
  dropAwayTime,
  elapsedMs,
  formatElapsed,
  HEARTBEAT_MS,
  markActive,
  pauseTimer,
  resumeTimer,
  sessionsAt,
  startTimer,
  type TimerStart,
} from '../../core/timer/timerMachine';
import type { TimerRecord } from '../../core/model/timerRecord';
import { localText } from '../../core/timer/manualSession';
import { toOffsetInstant } from '../../core/time/clock';
import { asPlainText } from '../../core/util/plainText';
import type { StatusContent } from '../../platform/statusItem';
import type { ScheduledTimers } from '../../platform/timers';
import { TimerLease } from './timerLease';
import { t } from '../../platform/l10n';

const hhmm = (instant: string) => localText(instant).slice(11);

export interface TimerDeps {
  store: StudyStore;
  catalog: () => Catalog;
  timers: ScheduledTimers;
  now: () => Date;
  /** Shows the timer in the status bar (null: the timer has nothing to show). */
  show: (content: StatusContent | null) => void;
  reportProblems: (problems: StoreProblem[]) => void;
  idleMinutes: () => number;
  /** Called after a stop saved sessions for a certification (moves "planned" to "studying"). */
  onSessionsSaved: (certKey: string) => Promise<void>;
}

/**
 * The one study timer across all windows, kept in timer.json (see TimerRecord). This window
 * re-reads the file before every change, beats the heartbeat every 30 s while it owns the timer,
 * polls it at the same pace while another window owns it, and takes it over when the owner's
 * heartbeat goes stale (the lease: ./timerLease.ts). Nothing ticks while no timer exists: the status bar's one-second update
 * and the heartbeat run only while there is a timer.
 */
export class TimerController implements vscode.Disposable {
  private timer: TimerRecord | null = null;
  private readonly lease: TimerLease;
  private display: vscode.Disposable | undefined;
  private heartbeat: vscode.Disposable | undefined;
  private autoStop: vscode.Disposable | undefined;
  private asking = false;
  /** Serialises this window's changes, so a click during a heartbeat cannot interleave with it. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<TimerRecord | null>();
  readonly onDidChange = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly deps: TimerDeps) {
    this.lease = new TimerLease({ read: () => this.read(), write: (timer) => deps.store.timer.write(timer) }, deps.now);
    this.listeners = [
      this.changed,
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.returned(state.active);
      }),
    ];
  }

  current(): TimerRecord | null {
    return this.timer;
  }

  /**
   * The engineer is back in this window (it got focus): follow the file, and ask about away time
   * when no window was active for the idle setting. Resolves once the question, if any, is answered.
   */
  returned(windowActive: boolean): Promise<void> {
    return this.serial(() => this.onFocus(windowActive)).then(() => this.awayQuestion);
  }

  private awayQuestion: Promise<void> = Promise.resolve();

  /** Reads the timer another window (or this one before a reload or crash) left, and recovers it. */
  load(): Promise<void> {
    return this.serial(async () => {
      const timer = await this.read();
      if (timer && this.lease.orphaned(timer)) {
        await this.recover(timer);
      } else {
        await this.adopt(timer);
      }
    });
  }

  start(start: TimerStart): Promise<TimerRecord> {
    return this.serial(async () => {
      const running = await this.read();
      if (running) throw new TimerRunningError(running);
      const timer = startTimer(start, this.deps.now(), this.lease.windowId, randomUUID);
      await this.deps.store.timer.write(timer);
      await this.adopt(timer);
      return timer;
    });
  }

  pause(): Promise<TimerRecord> {
    return this.change((timer, now) => pauseTimer(timer, now));
  }

  resume(): Promise<TimerRecord> {
    return this.change((timer, now) => resumeTimer(timer, now, randomUUID));
  }

  /** Saves what ran (one session per running stretch, exact instants) and ends the timer. */
  stop(end?: Date): Promise<StudySession[]> {
    return this.serial(async () => {
      const timer = this.lease.clockCorrected(await this.requireTimer());
      return this.save(timer, end ?? this.deps.now());
    });
  }

  /** Ends the timer without saving: the one way to drop its time. */
  discard(): Promise<TimerRecord> {
    return this.serial(async () => {
      const timer = await this.requireTimer();
      await this.deps.store.timer.remove();
      await this.adopt(null);
      return timer;
    });
  }

  dispose(): void {
    this.stopTicking();
    this.listeners.forEach((l) => l.dispose());
  }

  // ---- internals ----

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<TimerRecord | null> {
    const { timer, problems } = await this.deps.store.timer.read();
    if (problems.length) this.deps.reportProblems(problems);
    return timer;
  }

  private async requireTimer(): Promise<TimerRecord> {
    const timer = await this.read();
    if (!timer) {
      await this.adopt(null);
      throw new NoTimerError();
    }
    return timer;
  }

  private change(apply: (timer: TimerRecord, now: Date) => TimerRecord): Promise<TimerRecord> {
    return this.serial(async () => {
      const timer = this.lease.clockCorrected(await this.requireTimer());
      const next = this.lease.sign(apply(timer, this.deps.now()), vscode.window.state.focused);
      await this.deps.store.timer.write(next);
      await this.adopt(next);
      return next;
    });
  }

  private async save(timer: TimerRecord, end: Date): Promise<StudySession[]> {
    const sessions = sessionsAt(timer, end);
    // Sessions first, then the timer file: a crash in between leaves the timer to recover, and
    // the sessions' ids (fixed when each stretch began) keep a second save from counting twice.
    await this.deps.store.sessions.appendAll(sessions);
    await this.deps.store.timer.remove();
    await this.adopt(null);
    if (sessions.length) await this.deps.onSessionsSaved(timer.certKey);
    return sessions;
  }

  /** Makes `timer` this window's view of the timer: status bar, ticking, auto-stop. */
  private async adopt(timer: TimerRecord | null): Promise<void> {
    this.timer = timer;
    this.stopTicking();
    if (timer) {
      const due = autoStopAt(timer, this.deps.now());
      if (due) {
        try {
          await this.save(timer, due);
          return;
        } catch (err) {
          // The sessions could not be saved (a read-only log): keep the timer, and say so.
          void vscode.window.showErrorMessage(t('Cert Study: the {0} timer reached its block end but could not be saved: {1}', this.name(timer), err instanceof Error ? err.message : String(err)));
        }
      }
      if (timer.running) this.display = this.deps.timers.interval(() => this.render(), 1000);
      this.heartbeat = this.deps.timers.interval(() => void this.serial(() => this.beat()), HEARTBEAT_MS);
      this.lease.restartClockWatch();
      if (timer.block?.autoStop) {
        const ms = Date.parse(timer.block.end) - this.deps.now().getTime();
        this.autoStop = this.deps.timers.timeout(() => void this.serial(() => this.beat()), ms);
      }
    }
    this.render();
    this.changed.fire(timer);
  }

  private stopTicking(): void {
    this.display?.dispose();
    this.heartbeat?.dispose();
    this.autoStop?.dispose();
    this.display = this.heartbeat = this.autoStop = undefined;
  }

  /** Every 30 s while a timer exists: follow other windows' changes, keep the lease, take over a stale one. */
  private async beat(): Promise<void> {
    const timer = await this.read();
    if (!timer) return this.adopt(null);
    // While the away question is open, the engineer's return is not "activity" yet.
    const next = this.lease.beat(timer, vscode.window.state.active && !this.asking);
    return next ? this.adoptWritten(await this.lease.writeUnlessChanged(timer, next)) : this.adoptIfChanged(timer);
  }

  private adoptWritten(timer: TimerRecord | null): Promise<void> {
    return timer ? this.adoptIfChanged(timer) : this.adopt(null);
  }

  private async adoptIfChanged(timer: TimerRecord): Promise<void> {
    const before = this.timer;
    const same = before && before.running?.id === timer.running?.id && before.stretches.length === timer.stretches.length && before.certKey === timer.certKey;
    if (same && !autoStopAt(timer, this.deps.now())) {
      this.timer = timer;
      this.render();
      return;
    }
    await this.adopt(timer);
  }

  private async onFocus(active: boolean): Promise<void> {
    const timer = await this.read();
    if (!timer) return this.adopt(null);
    const now = this.deps.now();
    const idle = this.deps.idleMinutes();
    const away = awayMs(timer, now);
    if (idle > 0 && away >= idle * 60_000 && !this.asking) {
      this.asking = true;
      // Asked outside the queue: a person may take minutes to answer.
      this.awayQuestion = this.askAboutAwayTime(timer, away).finally(() => (this.asking = false));
      return this.adoptIfChanged(timer);
    }
    if (active && !this.asking) {
      const next = markActive(timer, now);
      return next === timer ? this.adoptIfChanged(timer) : this.adoptWritten(await this.lease.writeUnlessChanged(timer, next));
    }
    return this.adoptIfChanged(timer);
  }

  private async askAboutAwayTime(timer: TimerRecord, away: number): Promise<void> {
    const name = this.name(timer);
    const sinceInstant = timer.lastActiveAt > (timer.running?.start ?? '') ? timer.lastActiveAt : timer.running!.start;
    const since = hhmm(sinceInstant);
    const keep = t('Keep as study time');
    const drop = t('Drop the away time');
    const choice = await vscode.window.showInformationMessage(
      t('No VS Code window was active for {0} min (since {1}) while the {2} timer ran. Reading or a course video is study too: keep that time?', Math.round(away / 60_000), since, name),
      keep,
      drop,
    );
    await this.serial(async () => {
      const current = await this.read();
      if (!current || current.running?.id !== timer.running?.id) return; // stopped or paused meanwhile
      const now = this.deps.now();
      const next = choice === drop ? dropAwayTime(current, now, randomUUID, new Date(Date.parse(sinceInstant))) : markActive(current, now);
      await this.deps.store.timer.write(next);
      await this.adopt(next);
    });
  }

  /**
   * A timer whose window disappeared without stopping it (the editor closed or crashed, the tab
   * was killed): one question, and nothing is dropped without it.
   */
  private async recover(timer: TimerRecord): Promise<void> {
    const now = this.deps.now();
    const lastSeen = new Date(Date.parse(timer.heartbeatAt));
    // A block timer would have stopped at the block's end: "now" is never later than that.
    const blockEnd = timer.block?.autoStop ? new Date(Date.parse(timer.block.end)) : null;
    const upTo = blockEnd && blockEnd < now ? blockEnd : now;
    const name = this.name(timer);
    const keepSeen = t('Keep until {0}', hhmm(timer.heartbeatAt));
    const keepNow = blockEnd && blockEnd < now ? t('Keep until {0} (block end)', hhmm(toOffsetInstant(blockEnd))) : t('Keep until now');
    const discard = t('Discard');
    const studiedSince = hhmm(timer.running?.start ?? timer.startedAt);
    // Killed before its first heartbeat, the timer saw no time to keep "until it closed".
    const sawTime = sessionsAt(timer, lastSeen).length > 0;
    const choice = await vscode.window.showWarningMessage(
      t('You were studying {0} from {1}; the editor closed around {2}.', name, studiedSince, hhmm(timer.heartbeatAt)),
      { modal: true, detail: t('Keep the time until the editor closed, keep it until now (you kept studying), or discard it.') },
      ...(sawTime ? [keepSeen, keepNow, discard] : [keepNow, discard]),
    );
    const current = await this.read();
    // Another window answered first (or the owner is alive after all): its answer stands.
    const answeredElsewhere = !current || current.startedAt !== timer.startedAt || current.owner !== timer.owner || current.heartbeatAt !== timer.heartbeatAt;
    if (answeredElsewhere) return this.adopt(current);
    if (choice === discard) {
      await this.deps.store.timer.remove();
      return this.adopt(null);
    }
    if (choice === keepNow) {
      if (upTo === blockEnd) {
        await this.save(current, upTo);
        return;
      }
      // Still studying: this window takes the timer over and it keeps running.
      const next = this.lease.sign(markActive(current, now), true);
      await this.deps.store.timer.write(next);
      return this.adopt(next);
    }
    // "Keep until …", and also a dismissed question: keep what the editor saw, lose nothing it did not.
    await this.save(current, lastSeen);
    if (choice !== keepSeen) {
      void vscode.window.showInformationMessage(t('Saved the {0} timer until {1}, when the editor closed.', name, hhmm(timer.heartbeatAt)));
    }
  }

  /** The last name looked up: render() runs every second and should not rebuild the catalog each time. */
  private named = { key: '', name: '' };

  private name(timer: TimerRecord): string {
    if (this.named.key !== timer.certKey) {
      this.named = { key: timer.certKey, name: asPlainText(this.deps.catalog().get(timer.certKey)?.shortName ?? timer.certKey) };
    }
    return this.named.name;
  }

  private render(): void {
    const timer = this.timer;
    if (!timer) return this.deps.show(null);
    const elapsed = formatElapsed(elapsedMs(timer, this.deps.now()));
    const name = this.name(timer);
    const paused = timer.running === null;
    const icon = paused ? '$(debug-pause)' : '$(watch)';
    const state = paused ? t('paused') : t('running');
    this.deps.show({
      text: `${icon} ${elapsed} · ${name}`,
      tooltip: t('Study timer for {0}: {1} studied, {2}. Click to pause, resume or stop.', name, elapsed, state),
      accessibilityLabel: t('Study timer for {0}, {1}, {2}', name, elapsed, state),
      command: 'certStudy.timerMenu',
    });
  }
}

export class TimerRunningError extends Error {
  constructor(readonly running: TimerRecord) {
    super(`a timer for ${running.certKey} is already running`);
    this.name = 'TimerRunningError';
  }
}

export class NoTimerError extends Error {
  constructor() {
    super(t('No study timer is running.'));
    this.name = 'NoTimerError';
  }
}
