import type * as vscode from 'vscode';
import type { Container, ShellParts } from './container';
import { initializeModules } from './moduleSteps';
import { startAppWith } from './startAppWith';

/**
 * Entry point of dist/app.js (the Node extension host), loaded by the shell on first use: the app
 * (./startAppWith.ts) with the storage folder's files through Node's fs. The browser's twin is
 * src/app/app.web.ts.
 */
export const startApp = (context: vscode.ExtensionContext, shell: ShellParts): Promise<Container> =>
  startAppWith(context, shell, async () => new (await import('../platform/nodeFileAccess.js')).NodeFileAccess());

export { initializeModules };
