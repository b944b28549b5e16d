import type * as vscode from 'vscode';
import { Container, type ShellParts } from './container';
import { WorkspaceFileAccess } from './services/workspaceFileAccess';

/**
 * Entry point of dist/web/app.js (the browser's web worker extension host), loaded by the shell
 * on first use. The same container as src/app.ts, with the storage folder's files reached
 * through `workspace.fs` (no Node fs there) and no demo data (no environment to hand it over).
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  return new Container(context, shell, new WorkspaceFileAccess(context.globalStorageUri));
}
