import type { FileAccess } from './ports';

/**
 * Writes an untouched copy of data before anything changes it (a failed parse, a migration, a
 * replace). The name carries a sortable timestamp so backups never overwrite each other.
 */
export class BackupWriter {
  private counter = 0;

  constructor(
    private readonly files: FileAccess,
    readonly folder: string,
  ) {}

  async write(label: string, text: string, now: Date): Promise<string> {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    // The counter keeps two backups written in the same millisecond apart.
    const path = this.files.join(this.folder, `${stamp}-${this.counter++}-${label.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
    await this.files.writeTextAtomic(path, text);
    return path;
  }
}
