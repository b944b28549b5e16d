import type * as vscode from 'vscode';
import { Container, type ShellParts } from './container';
import { seedDemoData } from '../platform/demoSeed';
import { NodeFileAccess } from '../platform/nodeFileAccess';

/**
 * Entry point of dist/app.js (the Node extension host), loaded by the shell on first use.
 * Building the container starts loading stored data in the background and returns at once.
 * The browser's twin is src/app/app.web.ts.
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  const files = new NodeFileAccess();
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, shell.host.demoSeedPath(), globalState));
}
