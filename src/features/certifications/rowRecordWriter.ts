import type * as vscode from 'vscode';
import { ROW_RECORD_KEY, rowRecordOf, type RecordRow, type RowRecordKey } from '../../core/tree/rowRecord';
import type { KeyValueStorage } from '../../core/store/ports';
import { serialStorageFor } from '../../core/store/serialStorage';

/** The rows the record is made of: the app's tree provider (certificationTree.ts). */
export interface RowSource {
  completeRows(): Promise<RecordRow[]>;
  readonly onDidUpdateRows: vscode.Event<void>;
}

/**
 * Keeps the row record (core/tree/rowRecord.ts) in globalState, so the next window's shell draws
 * the top rows at the click without loading the app: rewritten when the rows with their hours
 * change (stored data, the timer, a setting, the day turning on focus), and only when what it
 * would say differs from what is stored. Another window's app keeps the same record from the same
 * stored data; whichever wrote last, the next window's app checks the rows it drew and replaces
 * any that differ.
 */
export class RowRecordWriter {
  private readonly globalState: KeyValueStorage;
  private scheduled: Promise<void> | undefined;

  constructor(
    globalState: KeyValueStorage,
    private readonly rows: RowSource,
    private readonly key: () => RowRecordKey,
    private readonly onError: (err: unknown) => void,
  ) {
    // On the store's queue, like every write to globalState (see SerialStorage).
    this.globalState = serialStorageFor(globalState);
  }

  /** Writes the record once the rows are complete, and again whenever they change. */
  keepCurrent(): vscode.Disposable {
    this.schedule();
    return this.rows.onDidUpdateRows(() => this.schedule());
  }

  /** One write for a burst of changes in the same turn. */
  private schedule(): void {
    this.scheduled ??= Promise.resolve().then(() => {
      this.scheduled = undefined;
      return this.write().catch(this.onError);
    });
  }

  async write(): Promise<void> {
    const record = rowRecordOf(await this.rows.completeRows(), this.key());
    if (JSON.stringify(record) !== JSON.stringify(this.globalState.get(ROW_RECORD_KEY))) await this.globalState.update(ROW_RECORD_KEY, record);
  }
}
