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

const HeaderSchema = z.object({ kind: z.string(), v: z.number().int().positive() }).strict();

export class LogFile<T> {
  private records: T[] = [];
  private newerVersion: number | null = null;
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

  /** Reads the file, migrating and salvaging as needed. Returns what could not be read. */
  async load(): Promise<StoreProblem[]> {
    const text = await this.files.readText(this.path);
    const parseTime = startStopwatch();
    this.newerVersion = null;
    if (text === undefined || text.trim() === '') {
      this.records = [];
      return [];
    }
    const lines = text.split('\n');
    const problems: { where: string; message: string }[] = [];
    const header = parseHeader(lines[0]);
    let version = this.spec.version;
    let firstRecordLine = 1;
    if (!header || header.kind !== this.spec.kind) {
      problems.push({ where: `${this.spec.fileName} line 1`, message: `expected the header {"kind":"${this.spec.kind}","v":N}` });
      // Without a header, treat every line as a record of the current version.
      firstRecordLine = header ? 1 : 0;
    } else {
      version = header.v;
    }
    if (version > this.spec.version) {
      this.newerVersion = version;
      this.records = [];
      return [
        {
          where: this.spec.fileName,
          message: `written by a newer version of the extension (v${version}; this one reads v${this.spec.version}). It is left untouched.`,
          backupPath: null,
        },
      ];
    }
    if (problems.length === 0 && version === this.spec.version) {
      const whole = this.parseWholeFile(lines);
      if (whole) {
        this.records = whole;
        this.lastParse = parseTime();
        return [];
      }
    }
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
    this.records = records;
    this.lastParse = parseTime();
    const migrated = version < this.spec.version;
    if (problems.length === 0 && !migrated) return [];
    // Keep the original whole, then write the file as the valid rest so the report is made once.
    const backupPath = await this.backups.write(`${this.spec.fileName}${migrated ? `.v${version}` : ''}`, text, this.now());
    await this.rewrite();
    return problems.map((p) => ({ ...p, backupPath }));
  }

  async append(record: T): Promise<void> {
    this.assertWritable();
    const parsed = this.spec.recordSchema.parse(record);
    const exists = await this.files.exists(this.path);
    const text = (exists ? '' : this.headerLine()) + JSON.stringify(parsed) + '\n';
    await this.files.appendText(this.path, text);
    this.records = [...this.records, parsed];
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

  private headerLine(): string {
    return JSON.stringify({ kind: this.spec.kind, v: this.spec.version }) + '\n';
  }

  private async rewrite(): Promise<void> {
    const body = this.records.map((r) => JSON.stringify(r)).join('\n');
    await this.files.writeTextAtomic(this.path, this.headerLine() + body + (body ? '\n' : ''));
  }

  private assertWritable(): void {
    if (this.newerVersion !== null) {
      throw new Error(`${this.spec.fileName} was written by a newer version of Cert Study Tracker; update the extension to change it.`);
    }
  }
}

function parseHeader(line: string | undefined): z.infer<typeof HeaderSchema> | null {
  if (!line) return null;
  try {
    const r = HeaderSchema.safeParse(JSON.parse(line));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
