import type { BackupWriter } from './backup';
import type { FileAccess, StoreProblem } from './ports';
import { describeFirstIssue } from './zodIssues';
import { TIMER_RECORD_VERSION, TimerRecordSchema, type TimerRecord } from '../model/timerRecord';

export const TIMER_FILE = 'timer.json';

/**
 * The running timer's file (see TimerRecord for why a file). Read fresh on every use: another
 * window may have changed it. A damaged file is copied whole into backups/ and reported, then
 * cleared so a new timer can start; one from a newer version is left untouched.
 */
export class TimerFile {
  /** Why this file must not be written (a newer version's timer), or null. */
  private readOnlyReason: string | null = null;

  constructor(
    private readonly files: FileAccess,
    private readonly folder: string,
    private readonly backups: BackupWriter,
    private readonly now: () => Date,
  ) {}

  get path(): string {
    return this.files.join(this.folder, TIMER_FILE);
  }

  async read(): Promise<{ timer: TimerRecord | null; problems: StoreProblem[] }> {
    let text: string | undefined;
    try {
      text = await this.files.readText(this.path);
    } catch (err) {
      return { timer: null, problems: [{ where: TIMER_FILE, message: `could not be read (${(err as Error).message})`, backupPath: null }] };
    }
    this.readOnlyReason = null;
    if (text === undefined || text.trim() === '') return { timer: null, problems: [] };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return this.setAside(text, { where: TIMER_FILE, message: 'not valid JSON' });
    }
    const version = (value as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version > TIMER_RECORD_VERSION) {
      this.readOnlyReason = `${TIMER_FILE} holds a timer from a newer version of the extension (v${version}). It is left untouched.`;
      return { timer: null, problems: [{ where: TIMER_FILE, message: this.readOnlyReason, backupPath: null }] };
    }
    const parsed = TimerRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = describeFirstIssue(parsed.error);
      return this.setAside(text, { where: `${TIMER_FILE}${issue.path ? `, field ${issue.path.slice(1)}` : ''}`, message: issue.message });
    }
    return { timer: parsed.data, problems: [] };
  }

  async write(timer: TimerRecord): Promise<void> {
    this.assertWritable();
    await this.files.writeTextAtomic(this.path, JSON.stringify(TimerRecordSchema.parse(timer)) + '\n');
  }

  async remove(): Promise<void> {
    this.assertWritable();
    await this.files.remove(this.path);
  }

  private async setAside(text: string, problem: { where: string; message: string }): Promise<{ timer: null; problems: StoreProblem[] }> {
    const backupPath = await this.backups.write(TIMER_FILE, text, this.now());
    await this.files.remove(this.path);
    return { timer: null, problems: [{ ...problem, message: `${problem.message}. The timer could not be recovered; its file was copied to the backup.`, backupPath }] };
  }

  private assertWritable(): void {
    if (this.readOnlyReason !== null) throw new Error(`${this.readOnlyReason} Update the extension to stop that timer.`);
  }
}
