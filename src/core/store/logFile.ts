import type { BackupWriter } from './backup';
import { parseLog, type LogProblem, type LogSpec, type YieldToHost } from './logParse';
import { nextTurn } from '../util/turns';
import type { FileAccess, StoreProblem } from './ports';
import { Emitter } from '../util/emitter';
import { startStopwatch, ZERO_SPAN, type Span } from '../util/stopwatch';

export type { LogSpec } from './logParse';

/**
 * A growing log (study sessions, practice exams) as JSON Lines under globalStorageUri: a header
 * line `{"kind":…,"v":…}` and one record a line. Appends never rewrite the file, and one bad
 * line costs only that line: it is backed up with the whole file and reported by number.
 */

/** A garbage file must not flood the log and the user: past this many, the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 20;

export class LogFile<T> {
  private records: T[] = [];
  /** Why this file must not be written (newer version, unreadable), or null. */
  private readOnlyReason: string | null = null;
  /** Ids in the file as this window last saw it: what another window appended is what is not in here. */
  private knownIds = new Set<string>();
  /** The file's size as this window last saw it, to notice another window's writes cheaply. */
  private knownSize: number | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  /** What the last load spent parsing and validating (its own work; reading the file is I/O). */
  lastParse: Span = ZERO_SPAN;
  /** The longest the last load held the host without yielding, in ms. */
  lastLongestBlockMs = 0;
  /** The last load's own parsing work in its slices, without the host's turns between them, in ms. */
  lastBusyMs = 0;

  constructor(
    private readonly files: FileAccess,
    private readonly folder: string,
    private readonly spec: LogSpec<T>,
    private readonly backups: BackupWriter,
    private readonly now: () => Date,
    private readonly yieldToHost: YieldToHost = nextTurn,
  ) {}

  get path(): string {
    return this.files.join(this.folder, this.spec.fileName);
  }

  all(): readonly T[] {
    return this.records;
  }

  /**
   * Reads the file, migrating and salvaging as needed. Never throws: what cannot be read is
   * returned as problems, and a file that cannot be read at all is left alone (read-only).
   */
  async load(): Promise<StoreProblem[]> {
    let text: string | undefined;
    try {
      text = await this.files.readText(this.path);
      this.knownSize = await this.files.size(this.path);
    } catch (err) {
      return this.leaveAlone(`could not be read (${(err as Error).message}). It is left untouched.`);
    }
    const parseTime = startStopwatch();
    this.readOnlyReason = null;
    if (text === undefined || text.trim() === '') {
      this.setRecords([]);
      return [];
    }
    const parsed = await parseLog(text, this.spec, this.yieldToHost);
    this.lastParse = parseTime();
    this.lastLongestBlockMs = parsed.longestBlockMs;
    this.lastBusyMs = parsed.busyMs;
    if (parsed.newerVersion !== null) {
      return this.leaveAlone(
        `written by a newer version of the extension (v${parsed.newerVersion}; this one reads v${this.spec.version}). It is left untouched.`,
      );
    }
    this.setRecords(parsed.records);
    const { problems, migrated } = parsed;
    if (problems.length === 0 && !migrated) return [];
    // Keep the original whole, then write the file as the valid rest so the report is made once.
    const backupPath = await this.backups.write(`${this.spec.fileName}${migrated ? `.v${parsed.oldestVersion}` : ''}`, text, this.now());
    await this.rewrite();
    return capProblems(problems, this.spec.fileName).map((p) => ({ ...p, backupPath }));
  }

  /** Loads again only when the file's size changed since this window last read or wrote it. */
  async reloadIfChanged(): Promise<StoreProblem[]> {
    let size: number | undefined;
    try {
      size = await this.files.size(this.path);
    } catch {
      size = undefined;
    }
    // A log left alone (unreadable, or from a newer version) is read again on every focus, so
    // it becomes writable as soon as its problem is gone (the folder in its place removed, the
    // file restored), even when its size looks unchanged.
    if (size === this.knownSize && this.readOnlyReason === null) return [];
    const problems = await this.load();
    this.changed.fire();
    return problems;
  }

  async append(record: T): Promise<void> {
    await this.appendAll([record]);
  }

  /**
   * Appends records in one write (a stopped timer's stretches). Records whose id the log already
   * holds are skipped, so saving the same thing twice (a retry after a crash) counts it once.
   */
  async appendAll(records: readonly T[]): Promise<void> {
    this.assertWritable();
    const fresh = records.map((r) => this.spec.recordSchema.parse(r)).filter((r) => !this.knownIds.has(this.spec.idOf(r)));
    if (fresh.length === 0) return;
    await this.files.appendLines(this.path, fresh.map((r) => JSON.stringify(r) + '\n').join(''), this.headerLine());
    this.records = [...this.records, ...fresh];
    for (const r of fresh) this.knownIds.add(this.spec.idOf(r));
    this.knownSize = await this.files.size(this.path);
    this.changed.fire();
  }

  /** Replaces all records (edits and deletions), atomically. */
  async replaceAll(records: readonly T[]): Promise<void> {
    this.assertWritable();
    this.records = records.map((r) => this.spec.recordSchema.parse(r));
    await this.rewrite();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private setRecords(records: T[]): void {
    this.records = records;
    this.knownIds = new Set(records.map((r) => this.spec.idOf(r)));
  }

  private leaveAlone(message: string): StoreProblem[] {
    this.readOnlyReason = `${this.spec.fileName} ${message}`;
    this.setRecords([]);
    return [{ where: this.spec.fileName, message, backupPath: null }];
  }

  private headerLine(): string {
    return JSON.stringify({ kind: this.spec.kind, v: this.spec.version }) + '\n';
  }

  /**
   * Writes this window's records, keeping what another window appended since this one last
   * read the file (records whose ids it has never seen), so an edit here cannot drop them.
   */
  private async rewrite(): Promise<void> {
    const current = await this.files.readText(this.path).catch(() => undefined);
    if (current !== undefined) {
      const onDisk = (await parseLog(current, this.spec, this.yieldToHost)).records;
      const appendedElsewhere = onDisk.filter((r) => !this.knownIds.has(this.spec.idOf(r)));
      if (appendedElsewhere.length) this.records = [...this.records, ...appendedElsewhere];
    }
    const body = this.records.map((r) => JSON.stringify(r)).join('\n');
    await this.files.writeTextAtomic(this.path, this.headerLine() + body + (body ? '\n' : ''));
    this.setRecords(this.records);
    this.knownSize = await this.files.size(this.path);
  }

  private assertWritable(): void {
    if (this.readOnlyReason !== null) {
      throw new Error(`${this.readOnlyReason} Update the extension or restore the file to change it.`);
    }
  }
}

function capProblems(problems: LogProblem[], fileName: string): LogProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const more = problems.length - MAX_PROBLEMS_PER_FILE;
  return [...problems.slice(0, MAX_PROBLEMS_PER_FILE), { where: fileName, message: `and ${more} more lines that could not be read` }];
}
