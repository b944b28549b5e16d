import type * as vscode from 'vscode';
import type { Container, ShellParts } from './container';
import { startAppWith } from './startAppWith';

/**
 * Entry point of dist/web/app.js (the browser's web worker extension host), loaded by the shell
 * on first use: the same app as src/app/app.ts (./startAppWith.ts), with the storage folder's
 * files reached through `workspace.fs` (no Node fs there), and demo data named by a hidden
 * setting instead of an environment variable (the worker has no environment; src/shell/webHost.ts
 * reads it).
 */
export const startApp = (context: vscode.ExtensionContext, shell: ShellParts): Promise<Container> =>
  startAppWith(context, shell, async () => new (await import('../platform/workspaceFileAccess.js')).WorkspaceFileAccess(context.globalStorageUri));
