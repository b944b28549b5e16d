import * as z from 'zod';
import type { BackupWriter } from './backup';
import type { FileAccess, StoreProblem } from './ports';
import { describeFirstIssue } from './zodIssues';
import { Emitter } from '../util/emitter';
import { startStopwatch, ZERO_SPAN, type Span } from '../util/stopwatch';

/**
 * A growing log (study sessions, practice exams) as JSON Lines under globalStorageUri: a header
 * line `{"kind":…,"v":…}` and one record a line. Appends never rewrite the file, and one bad
 * line costs only that line: it is backed up with the whole file and reported by number.
 */
export interface LogSpec<T> {
  kind: string;
  fileName: string;
  version: number;
  recordSchema: z.ZodType<T>;
  /** Per-record migrations from version n to n + 1. */
  migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  idOf(record: T): string;
}

/** Loose on purpose: a newer version may add fields to its header, and must still be recognised as newer. */
const HeaderSchema = z.looseObject({ kind: z.string(), v: z.number().int().positive() });

/** A garbage file must not flood the log and the user: past this many, the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 20;

type Problem = { where: string; message: string };

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
  private readonly listSchema: z.ZodType<T[]>;
  /** What the last load spent parsing and validating (its own work; reading the file is I/O). */
  lastParse: Span = ZERO_SPAN;

  constructor(
    private readonly files: FileAccess,
    private readonly folder: string,
    private readonly spec: LogSpec<T>,
    private readonly backups: BackupWriter,
    private readonly now: () => Date,
  ) {
    this.listSchema = z.array(spec.recordSchema);
  }

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
    const lines = text.split('\n');
    const problems: Problem[] = [];
    const header = parseHeader(lines[0]);
    let version = this.spec.version;
    let firstRecordLine = 1;
    if (header && header.kind === this.spec.kind) {
      version = header.v;
    } else {
      problems.push({ where: `${this.spec.fileName} line 1`, message: `expected the header {"kind":"${this.spec.kind}","v":N}` });
      // Without a header, treat every line as a record of the current version.
      firstRecordLine = header ? 1 : 0;
    }
    if (version > this.spec.version) {
      return this.leaveAlone(`written by a newer version of the extension (v${version}; this one reads v${this.spec.version}). It is left untouched.`);
    }
    if (problems.length === 0 && version === this.spec.version) {
      const whole = this.parseWholeFile(lines);
      if (whole) {
        this.setRecords(whole);
        this.lastParse = parseTime();
        return [];
      }
    }
    const records = this.parseLineByLine(lines, firstRecordLine, version, problems);
    this.setRecords(records);
    this.lastParse = parseTime();
    const migrated = version < this.spec.version;
    if (problems.length === 0 && !migrated) return [];
    // Keep the original whole, then write the file as the valid rest so the report is made once.
    const backupPath = await this.backups.write(`${this.spec.fileName}${migrated ? `.v${version}` : ''}`, text, this.now());
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
    if (size === this.knownSize) return [];
    const problems = await this.load();
    this.changed.fire();
    return problems;
  }

  async append(record: T): Promise<void> {
    this.assertWritable();
    const parsed = this.spec.recordSchema.parse(record);
    const last = await this.files.lastChar(this.path);
    // A file that does not end in a newline (hand-edited, or a crash mid-append) would glue
    // this record to its last line and lose both: start a line of our own.
    const prefix = last === undefined || last === '' ? this.headerLine() : last === '\n' ? '' : '\n';
    await this.files.appendText(this.path, prefix + JSON.stringify(parsed) + '\n');
    this.records = [...this.records, parsed];
    this.knownIds.add(this.spec.idOf(parsed));
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

  /**
   * The fast path for a healthy file: one JSON.parse and one array validation instead of one per
   * line (loading ten years of sessions must take under 10 ms). Returns null whenever anything
   * is off, and the line-by-line path then finds and names the problem.
   */
  private parseWholeFile(lines: string[]): T[] | null {
    const body = lines.slice(1).filter((line) => line !== '');
    if (body.some((line) => line.startsWith('{"kind":'))) return null;
    let values: unknown;
    try {
      values = JSON.parse(`[${body.join(',')}]`);
    } catch {
      return null;
    }
    // A line holding two values ("{…},{…}") would shift the count: leave it to the slow path.
    if (!Array.isArray(values) || values.length !== body.length) return null;
    const parsed = this.listSchema.safeParse(values);
    if (!parsed.success) return null;
    const ids = new Set(parsed.data.map((r) => this.spec.idOf(r)));
    return ids.size === parsed.data.length ? parsed.data : null;
  }

  /** Every valid record, each problem named by line (and field); duplicates by id counted once. */
  private parseLineByLine(lines: string[], firstRecordLine: number, version: number, problems: Problem[]): T[] {
    const records: T[] = [];
    const seen = new Set<string>();
    for (let i = firstRecordLine; i < lines.length; i++) {
      const line = lines[i];
      // Blank lines, and a header a second window wrote while creating the file, carry no record.
      if (line.trim() === '' || (i > 0 && line.startsWith('{"kind":') && parseHeader(line)?.kind === this.spec.kind)) continue;
      const where = `${this.spec.fileName} line ${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
        for (let v = version; v < this.spec.version; v++) value = this.spec.migrations[v]!(value);
      } catch (err) {
        problems.push({ where, message: err instanceof SyntaxError ? 'not valid JSON' : `could not migrate: ${(err as Error).message}` });
        continue;
      }
      const parsed = this.spec.recordSchema.safeParse(value);
      if (!parsed.success) {
        const issue = describeFirstIssue(parsed.error);
        problems.push({ where: `${where}${issue.path ? `, field ${issue.path.slice(1)}` : ''}`, message: issue.message });
        continue;
      }
      const id = this.spec.idOf(parsed.data);
      // Two windows appending the same record (or a restored backup) must not count it twice.
      if (seen.has(id)) continue;
      seen.add(id);
      records.push(parsed.data);
    }
    return records;
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
      const problems: Problem[] = [];
      const onDisk = this.parseLineByLine(current.split('\n'), 1, this.spec.version, problems);
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

function capProblems(problems: Problem[], fileName: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const more = problems.length - MAX_PROBLEMS_PER_FILE;
  return [...problems.slice(0, MAX_PROBLEMS_PER_FILE), { where: fileName, message: `and ${more} more lines that could not be read` }];
}

function parseHeader(line: string | undefined): z.infer<typeof HeaderSchema> | null {
  if (!line || !line.startsWith('{')) return null;
  try {
    const r = HeaderSchema.safeParse(JSON.parse(line));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
