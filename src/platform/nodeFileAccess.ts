import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { linePrefix } from '../core/store/linePrefix';
import type { FileAccess } from '../core/store/ports';

/**
 * Files under the extension's global storage folder. Node's fs rather than `workspace.fs`: the
 * folder is always local to the extension host, and the same class serves the unit tests.
 */
export class NodeFileAccess implements FileAccess {
  async readText(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  private async lastChar(file: string): Promise<string | undefined> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(file, 'r');
      const { size } = await handle.stat();
      if (size === 0) return '';
      const buffer = Buffer.alloc(1);
      await handle.read(buffer, 0, 1, size - 1);
      return buffer.toString('latin1');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    } finally {
      await handle?.close();
    }
  }

  async size(file: string): Promise<number | undefined> {
    try {
      return (await fs.stat(file)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async writeTextAtomic(file: string, text: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write beside the target and rename over it: a crash mid-write leaves the old file whole.
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, file);
  }

  async appendLines(file: string, lines: string, header: string): Promise<void> {
    const prefix = linePrefix(await this.lastChar(file), header);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.appendFile(file, prefix + lines, 'utf8');
  }

  async remove(file: string): Promise<void> {
    await fs.rm(file, { force: true });
  }

  async createExclusive(file: string, text: string): Promise<boolean> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    try {
      await fs.writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  }

  join(...parts: string[]): string {
    return path.join(...parts);
  }
}
