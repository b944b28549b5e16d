import * as vscode from 'vscode';
import { Container, type ShellParts } from './container';
import { seedDemoData } from '../platform/demoSeed';
import { WorkspaceFileAccess } from '../platform/workspaceFileAccess';

/**
 * Entry point of dist/web/app.js (the browser's web worker extension host), loaded by the shell
 * on first use. The same container as src/app/app.ts, with the storage folder's files reached
 * through `workspace.fs` (no Node fs there), and demo data named by a hidden setting instead of
 * an environment variable (the worker has no environment).
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  const files = new WorkspaceFileAccess(context.globalStorageUri);
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, demoSeedPath(), globalState));
}

/**
 * `certStudy.testing.demoSeedPath`: hidden (not in package.json), for tests and demos only. Read
 * from user settings only: a folder's own settings (an untrusted one's included) cannot import data.
 */
export function demoSeedPath(): string | undefined {
  const value = vscode.workspace.getConfiguration('certStudy').inspect<unknown>('testing.demoSeedPath')?.globalValue;
  return typeof value === 'string' && value ? value : undefined;
}
