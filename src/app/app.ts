import type * as vscode from 'vscode';
import type { Container, ShellParts } from './container';
import { initializeModules } from './moduleSteps';

/**
 * Entry point of dist/app.js (the Node extension host), loaded by the shell on first use. Every
 * other module is reached through import(), so loading the bundle runs almost nothing; the
 * modules' bodies then run a part per turn of the event loop (./moduleSteps.ts). Building the
 * container starts loading stored data in the background and returns at once. The browser's
 * twin is src/app/app.web.ts.
 */
export async function startApp(context: vscode.ExtensionContext, shell: ShellParts): Promise<Container> {
  const moduleSteps = await initializeModules();
  const [{ Container }, { seedDemoData }, { NodeFileAccess }] = await Promise.all([
    import('./container.js'),
    import('../platform/demoSeed.js'),
    import('../platform/nodeFileAccess.js'),
  ]);
  const files = new NodeFileAccess();
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, shell.host.demoSeedPath(), globalState), moduleSteps);
}

export { initializeModules };
