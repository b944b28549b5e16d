import type * as vscode from 'vscode';
import { Container, type ShellParts } from './container';
import { seedDemoDataFromEnvironment } from './demoSeed';
import { NodeFileAccess } from './services/nodeFileAccess';

/**
 * Entry point of dist/app.js (the Node extension host), loaded by the shell on first use.
 * Building the container starts loading stored data in the background and returns at once.
 * The browser's twin is src/app.web.ts.
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  return new Container(context, shell, new NodeFileAccess(), seedDemoDataFromEnvironment);
}
