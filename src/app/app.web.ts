import type * as vscode from 'vscode';
import type { Container, ShellParts } from './container';
import { initializeModules } from './moduleSteps';

/**
 * Entry point of dist/web/app.js (the browser's web worker extension host), loaded by the shell
 * on first use. The same container as src/app/app.ts, its modules run a part per turn of the
 * event loop in the same way, with the storage folder's files reached through `workspace.fs` (no
 * Node fs there), and demo data named by a hidden setting instead of an environment variable
 * (the worker has no environment; src/shell/webHost.ts reads it).
 */
export async function startApp(context: vscode.ExtensionContext, shell: ShellParts): Promise<Container> {
  const moduleSteps = await initializeModules();
  const [{ Container }, { seedDemoData }, { WorkspaceFileAccess }] = await Promise.all([
    import('./container.js'),
    import('../platform/demoSeed.js'),
    import('../platform/workspaceFileAccess.js'),
  ]);
  const files = new WorkspaceFileAccess(context.globalStorageUri);
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, shell.host.demoSeedPath(), globalState), moduleSteps);
}
