import * as vscode from 'vscode';

/**
 * Turns a path string (a command argument's `path`, a backup's location) into a Uri on the
 * host's own file system. In the Node extension host that is `file:`; in the browser's web
 * worker host there is no `file:` provider, and the files are wherever the extension's global
 * storage is (`vscode-remote:` in code-server, `vscode-userdata:` in vscode.dev), so the path is
 * taken on that scheme and authority. Set once by the container from `globalStorageUri`.
 */
let base: vscode.Uri | undefined;

export function configureHostPaths(globalStorageUri: vscode.Uri): void {
  base = globalStorageUri;
}

export function uriFromPath(path: string): vscode.Uri {
  return uriFromPathOn(base, path);
}

/** The rule itself, for a given global storage Uri (the integration tests apply it to what commands return). */
export function uriFromPathOn(globalStorageUri: vscode.Uri | undefined, path: string): vscode.Uri {
  if (!globalStorageUri || globalStorageUri.scheme === 'file') return vscode.Uri.file(path);
  return globalStorageUri.with({ path: path.replace(/\\/g, '/'), query: '', fragment: '' });
}
