import * as vscode from 'vscode';
import type { FileAccess } from '../core/store/ports';
import { linePrefix } from '../core/store/linePrefix';
import { withWriteLease } from '../core/store/writeLease';
import { newId } from '../core/util/ids';

/**
 * The storage folder's files through `vscode.workspace.fs`, for the browser's web worker host
 * (no Node fs there). Paths are posix paths on the scheme and authority of the extension's
 * global storage (`vscode-remote:` in code-server, `vscode-userdata:` in vscode.dev).
 *
 * `workspace.fs` has no append and no create-if-missing, so:
 *  - an append is one read, then an atomic rewrite (a temporary file renamed over the old one),
 *    under a write lease (core/store/writeLease.ts): two tabs appending at once take turns and
 *    neither record is lost; a tab killed mid-append leaves the old file whole and a lease that
 *    goes stale after 10 s;
 *  - create-exclusive is a rename that refuses to overwrite, then a read-back of what we wrote:
 *    of two tabs racing for one claim, the one whose text is there wins.
 */
export class WorkspaceFileAccess implements FileAccess {
  constructor(private readonly base: vscode.Uri) {}

  async readText(file: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(file)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async size(file: string): Promise<number | undefined> {
    try {
      return (await vscode.workspace.fs.stat(this.uri(file))).size;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async writeTextAtomic(file: string, text: string): Promise<void> {
    const target = this.uri(file);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    const temp = this.uri(`${file}.${newId()}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  }

  appendLines(file: string, lines: string, header: string): Promise<void> {
    const append = async () => {
      const before = await this.readText(file);
      await this.writeTextAtomic(file, (before ?? '') + linePrefix(before?.slice(-1), header) + lines);
    };
    return withWriteLease(this, `${file}.lock`, append, {
      now: Date.now,
      token: newId,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }

  async remove(file: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(file), { useTrash: false });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async createExclusive(file: string, text: string): Promise<boolean> {
    const target = this.uri(file);
    if ((await this.size(file)) !== undefined) return false;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    const tempPath = `${file}.${newId()}.tmp`;
    await vscode.workspace.fs.writeFile(this.uri(tempPath), new TextEncoder().encode(text));
    try {
      await vscode.workspace.fs.rename(this.uri(tempPath), target, { overwrite: false });
    } catch (err) {
      await this.remove(tempPath).catch(() => undefined);
      if (isExists(err)) return false;
      throw err;
    }
    return (await this.readText(file)) === text;
  }

  join(...parts: string[]): string {
    return parts
      .join('/')
      .replace(/\/{2,}/g, '/')
      .replace(/\/$/, '');
  }

  private uri(file: string): vscode.Uri {
    return this.base.with({ path: file });
  }
}

function isNotFound(err: unknown): boolean {
  return (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') || /EntryNotFound|FileNotFound|ENOENT/.test(String((err as { code?: unknown })?.code ?? err));
}

function isExists(err: unknown): boolean {
  return (err instanceof vscode.FileSystemError && err.code === 'FileExists') || /EntryExists|FileExists|EEXIST/.test(String((err as { code?: unknown })?.code ?? err));
}
