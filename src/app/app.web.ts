import * as vscode from 'vscode';
import { Container, type ShellParts } from './container';
import { seedDemoData } from '../platform/demoSeed';
import { WorkspaceFileAccess } from '../platform/workspaceFileAccess';

/**
 * Entry point of dist/web/app.js (the browser's web worker extension host), loaded by the shell
 * on first use. The same container as src/app/app.ts, with the storage folder's files reached
 * through `workspace.fs` (no Node fs there), and demo data named by a hidden setting instead of
 * an environment variable (the worker has no environment; src/shell/webHost.ts reads it).
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  const files = new WorkspaceFileAccess(context.globalStorageUri);
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, shell.host.demoSeedPath(), globalState));
}

