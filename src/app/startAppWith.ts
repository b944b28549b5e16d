import type * as vscode from 'vscode';
import type { FileAccess } from '../core/store/ports';
import type { Container, ShellParts } from './container';
import { initializeModules } from './moduleSteps';

/**
 * Starts the app for an extension host: the one difference between the Node host's entry
 * (src/app/app.ts) and the browser's (src/app/app.web.ts) is how the storage folder's files are
 * reached, which `makeFiles` says. Every other module is reached through import(), so loading the
 * bundle runs almost nothing; the modules' bodies then run a part per turn of the event loop
 * (./moduleSteps.ts). `makeFiles` should reach its module through import() too, for the same
 * reason. Building the container starts loading stored data in the background and returns at once.
 */
export async function startAppWith(context: vscode.ExtensionContext, shell: ShellParts, makeFiles: () => Promise<FileAccess>): Promise<Container> {
  const moduleSteps = await initializeModules();
  const [{ Container }, { seedDemoData }, files] = await Promise.all([import('./container.js'), import('../platform/demoSeed.js'), makeFiles()]);
  return new Container(context, shell, files, (store, log, globalState) => seedDemoData(store, log, files, shell.host.demoSeedPath(), globalState), moduleSteps);
}
