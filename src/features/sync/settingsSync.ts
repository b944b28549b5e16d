import * as vscode from 'vscode';
import type { StoreProblem } from '../../core/store/ports';
import type { FileAccess, KeyValueStorage } from '../../core/store/ports';
import type { StudyStore } from '../../core/store/studyStore';
import { readOrCreateMachineId } from '../../core/sync/machineId';
import { SyncService } from '../../core/sync/syncService';
import type { Log } from '../../platform/log';

export interface SettingsSyncDeps {
  context: vscode.ExtensionContext;
  /** globalState behind the store's one write queue (core/store/serialStorage.ts). */
  storage: KeyValueStorage;
  store: StudyStore;
  files: FileAccess;
  storageFolder: string;
  now: () => Date;
  newId: () => string;
  log: Log;
  report: (problems: StoreProblem[]) => void;
}

/**
 * The engineer's plan on every machine, through VS Code's Settings Sync (no account of ours).
 * This machine publishes one globalState key of its own (core/sync/syncService.ts): its shared
 * state, stamped item by item, and a bounded summary of its own study time and practice scores.
 * `setKeysForSync` lists that key and every other machine's, so Sync carries them and nothing
 * else: never the logs, the ledger or this machine's reminders. Sync merges globalState key by
 * key, and a key only one machine writes never conflicts; the merge of items happens here, on
 * focus (when Sync has had its turn), newest edit first, so a local edit is never lost to an
 * older one from elsewhere.
 */
export class SettingsSync implements vscode.Disposable {
  private service: SyncService | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: SettingsSyncDeps) {}

  /**
   * After stored data has loaded: reads or makes the machine id, takes in what arrived, publishes.
   * Then: pull on focus (Sync may have written), publish on blur.
   */
  async start(): Promise<void> {
    const { storage, store, files, storageFolder, now, newId } = this.deps;
    const machineId = await readOrCreateMachineId(files, storageFolder, newId);
    this.service = new SyncService({ storage, store, machineId, now });
    // Published when the window loses focus, not on every change: globalState is one object per
    // extension, and a write of ours racing the store's own writes (a command's) could bring back
    // an older copy of it (measured: with a publish after every change, four integration tests
    // lost a certification or a plan they had just written). Settings Sync uploads on its own
    // schedule anyway; the other machine sees the change when it next gets focus.
    this.disposables.push(
      vscode.window.onDidChangeWindowState((state) => void (state.focused ? this.pull() : this.publish())),
    );
    await this.pull();
    await this.publish();
    this.deps.log.info(`settings sync: this machine publishes ${this.service.key}; ${this.service.syncedKeys().length - 1} other machine(s) seen`);
  }

  /** Merges what other machines published (Settings Sync wrote it into globalState). */
  async pull(): Promise<void> {
    if (!this.service) return;
    try {
      this.deps.report(await this.service.pull());
    } catch (err) {
      this.deps.log.warn(`settings sync: reading other machines' records failed: ${String(err)}`);
    }
    this.listKeys();
  }

  /** Writes this machine's record when its content changed. */
  async publish(): Promise<void> {
    if (!this.service) return;
    try {
      this.deps.report((await this.service.publish()).problems);
    } catch (err) {
      this.deps.log.warn(`settings sync: publishing this machine's record failed: ${String(err)}`);
    }
    this.listKeys();
  }

  /** The keys Settings Sync carries: this machine's and every other's seen so far. */
  syncedKeys(): readonly string[] {
    return this.service?.syncedKeys() ?? [];
  }

  private listKeys(): void {
    if (this.service) this.deps.context.globalState.setKeysForSync(this.service.syncedKeys());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
