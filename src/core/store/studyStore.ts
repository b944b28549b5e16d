import type { PracticeExam, StudySession } from '../model/logs';
import type { CustomCertification, Profile, TrackedCertification } from '../model/tracking';
import { BackupWriter } from './backup';
import { LogFile } from './logFile';
import { PRACTICE_EXAMS_LOG, SESSIONS_LOG } from './logSpecs';
import type { FileAccess, KeyValueStorage, StoreProblem } from './ports';
import { STATE_SPECS } from './stateSpecs';
import { VersionedStateStore } from './stateStore';
import { TimerFile } from './timerFile';
import { Emitter, type Disposable } from '../util/emitter';
import { addSpans, startStopwatch, ZERO_SPAN } from '../util/stopwatch';

export type StoreArea = keyof typeof STATE_SPECS | 'sessions' | 'practiceExams';

/** Everything the views need, read in one go. */
export interface StudySnapshot {
  /** False while the logs are still loading: sessions and practice exams are then empty, not zero. */
  logsLoaded: boolean;
  certifications: readonly TrackedCertification[];
  customCertifications: readonly CustomCertification[];
  profile: Profile | null;
  /** This machine's sessions, then other machines' (see StudyStore.setSyncedRecords). */
  sessions: readonly StudySession[];
  /** This machine's practice exams, then other machines'. */
  practiceExams: readonly PracticeExam[];
}

/** Other machines' study as records: their Settings Sync summaries (see core/sync/summary.ts). */
export interface SyncedRecords {
  sessions: readonly StudySession[];
  practiceExams: readonly PracticeExam[];
}

/** `local` followed by `synced`, made again only when either list changed (snapshot() runs on every refresh). */
class Concatenation<T> {
  private local: readonly T[] | null = null;
  private synced: readonly T[] | null = null;
  private result: readonly T[] = [];

  of(local: readonly T[], synced: readonly T[]): readonly T[] {
    if (synced.length === 0) return local;
    if (local !== this.local || synced !== this.synced) {
      this.local = local;
      this.synced = synced;
      this.result = [...local, ...synced];
    }
    return this.result;
  }
}

/**
 * The engineer's data: small state in globalState, growing logs in files under the extension's
 * global storage folder, backups beside them. One change event names the area that changed so
 * views refresh only what they show.
 */
export class StudyStore {
  readonly state: VersionedStateStore<typeof STATE_SPECS>;
  readonly sessions: LogFile<StudySession>;
  readonly practiceExams: LogFile<PracticeExam>;
  /** The running study timer, shared by every window (see TimerRecord). */
  readonly timer: TimerFile;
  readonly backupFolder: string;
  private readonly changed = new Emitter<StoreArea>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: Disposable[] = [];
  /**
   * Other machines' study, shown beside this machine's logs in snapshot() (the tree, the
   * dashboard, the status record, the team file's hours) but never part of `sessions` or
   * `practiceExams`: those are this machine's logs, the only thing edits, the timer's overlap
   * checks, the personal backup and the restore read and write.
   */
  private synced: SyncedRecords = { sessions: [], practiceExams: [] };
  private syncedJson = { sessions: '[]', practiceExams: '[]' };
  private readonly allSessions = new Concatenation<StudySession>();
  private readonly allPracticeExams = new Concatenation<PracticeExam>();

  constructor(storage: KeyValueStorage, files: FileAccess, storageFolder: string, now: () => Date) {
    this.backupFolder = files.join(storageFolder, 'backups');
    const backups = new BackupWriter(files, this.backupFolder);
    this.state = new VersionedStateStore(storage, STATE_SPECS, backups, now);
    this.sessions = new LogFile(files, storageFolder, SESSIONS_LOG, backups, now);
    this.practiceExams = new LogFile(files, storageFolder, PRACTICE_EXAMS_LOG, backups, now);
    this.timer = new TimerFile(files, storageFolder, backups, now);
    this.subscriptions.push(
      this.state.onDidChange((key) => this.changed.fire(key)),
      this.sessions.onDidChange(() => this.changed.fire('sessions')),
      this.practiceExams.onDidChange(() => this.changed.fire('practiceExams')),
    );
  }

  /** What loading cost: the globalState part, and the logs' parsing with and without file reads. */
  readonly loadTiming = { state: ZERO_SPAN, logs: ZERO_SPAN, logsWallMs: 0 };
  private logsLoaded = false;

  /** Loads everything; each part that fails is backed up and reported, the rest loads. */
  async load(): Promise<StoreProblem[]> {
    return [...(await this.loadState()), ...(await this.loadLogs())];
  }

  /**
   * The small state in globalState: synchronous reads, about a millisecond. Enough to show the
   * certifications before the logs are in.
   */
  async loadState(): Promise<StoreProblem[]> {
    const time = startStopwatch();
    const problems = await this.state.load();
    this.loadTiming.state = time();
    return problems;
  }

  /** The growing logs (files): validating ten years of sessions is the expensive part of loading. */
  async loadLogs(): Promise<StoreProblem[]> {
    const start = performance.now();
    const problems = await Promise.all([this.sessions.load(), this.practiceExams.load()]);
    this.loadTiming.logs = addSpans(this.sessions.lastParse, this.practiceExams.lastParse);
    this.loadTiming.logsWallMs = performance.now() - start;
    this.logsLoaded = true;
    return problems.flat();
  }

  /** Picks up what another window wrote: globalState always (it is small), the logs when their size changed. */
  async reloadFromDisk(): Promise<StoreProblem[]> {
    const [state, sessions, practice] = await Promise.all([
      this.state.reload(),
      this.sessions.reloadIfChanged(),
      this.practiceExams.reloadIfChanged(),
    ]);
    return [...state, ...sessions, ...practice];
  }

  /** Problems found while making a change (a value another window broke), for the surface to report. */
  get onDidFindProblems() {
    return this.state.onDidFindProblems;
  }

  snapshot(): StudySnapshot {
    return {
      logsLoaded: this.logsLoaded,
      certifications: this.state.get('certifications'),
      customCertifications: this.state.get('customCertifications'),
      profile: this.state.get('profile'),
      sessions: this.allSessions.of(this.sessions.all(), this.synced.sessions),
      practiceExams: this.allPracticeExams.of(this.practiceExams.all(), this.synced.practiceExams),
    };
  }

  /** Other machines' records as last set (empty until Settings Sync brought some). */
  syncedRecords(): SyncedRecords {
    return this.synced;
  }

  /**
   * Replaces the other machines' records (core/sync's pull, after each Settings Sync change) and
   * fires 'sessions' / 'practiceExams' for the lists that actually changed, so an unchanged pull
   * refreshes nothing. Held in memory only: nothing here is ever written to a file.
   */
  setSyncedRecords(records: SyncedRecords): void {
    const sessionsJson = JSON.stringify(records.sessions);
    const practiceJson = JSON.stringify(records.practiceExams);
    const sessionsChanged = sessionsJson !== this.syncedJson.sessions;
    const practiceChanged = practiceJson !== this.syncedJson.practiceExams;
    this.synced = {
      sessions: sessionsChanged ? [...records.sessions] : this.synced.sessions,
      practiceExams: practiceChanged ? [...records.practiceExams] : this.synced.practiceExams,
    };
    this.syncedJson = { sessions: sessionsJson, practiceExams: practiceJson };
    if (sessionsChanged) this.changed.fire('sessions');
    if (practiceChanged) this.changed.fire('practiceExams');
  }

  setCertifications(list: TrackedCertification[]): Promise<void> {
    return this.state.set('certifications', list);
  }

  setCustomCertifications(list: CustomCertification[]): Promise<void> {
    return this.state.set('customCertifications', list);
  }

  /** Changes the certifications from their freshest stored state (see VersionedStateStore.update). */
  updateCertifications(change: (current: TrackedCertification[]) => TrackedCertification[]): Promise<TrackedCertification[]> {
    return this.state.update('certifications', change);
  }

  updateCustomCertifications(change: (current: CustomCertification[]) => CustomCertification[]): Promise<CustomCertification[]> {
    return this.state.update('customCertifications', change);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.state.dispose();
    this.sessions.dispose();
    this.practiceExams.dispose();
    this.changed.dispose();
  }
}
