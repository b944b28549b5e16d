// File access for the integration suites through `vscode.workspace.fs`, so that they run in the
// Node extension host and in the browser's web worker host alike (no Node `fs` there).
import * as vscode from 'vscode';
import { uriFromPathOn } from '../../src/platform/hostPaths';
import { activeContainer } from './support';

const encoder = new TextEncoder();
// ignoreBOM: keep a byte order mark in the text, as Node's readFileSync(file, 'utf8') does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function notFound(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'FileNotFound';
}

/** The folder that holds `uri`. */
export const parentOf = (uri: vscode.Uri): vscode.Uri => vscode.Uri.joinPath(uri, '..');

export async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes `text` to `uri`, replacing the file, and creates its folder first if need be. */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(parentOf(uri));
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

/** Adds `text` at the end of the file (created, with its folder, if missing). */
export async function appendText(uri: vscode.Uri, text: string): Promise<void> {
  const before = (await exists(uri)) ? await readText(uri) : '';
  await writeText(uri, before + text);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
}

/** Deletes a file or a folder with everything in it; nothing to do if it is not there. */
export async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch (err) {
    if (!notFound(err)) throw err;
  }
}

/** The names of a folder's entries (it must exist). */
export async function listNames(uri: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name);
}

/** Copies a folder and everything in it, file by file (`from` and `to` may be on different schemes). */
export async function copyTree(from: vscode.Uri, to: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.createDirectory(to);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
    const source = vscode.Uri.joinPath(from, name);
    const target = vscode.Uri.joinPath(to, name);
    if (type & vscode.FileType.Directory) await copyTree(source, target);
    else await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source));
  }
}

/** A new, empty folder in the extension's global storage; remove it (`remove`) when done. */
export async function tempFolder(prefix: string): Promise<vscode.Uri> {
  const storage = (await activeContainer()).context.globalStorageUri;
  const folder = vscode.Uri.joinPath(storage, 'test-tmp', `${prefix}${crypto.randomUUID()}`);
  await vscode.workspace.fs.createDirectory(folder);
  return folder;
}

/**
 * The Uri of a path string the extension returned (a backup's location), by the extension's own
 * rule (src/platform/hostPaths.ts): `file:` in the Node host, global storage's scheme in the web one.
 */
export async function uriOfPath(path: string): Promise<vscode.Uri> {
  return uriFromPathOn((await activeContainer()).context.globalStorageUri, path);
}
