import * as vscode from 'vscode';
import type { Container } from './container';
import { COMMAND_IDS } from './commands/ids';
import { LazyTreeProvider } from './shell/lazyTree';
import { loadAppModule } from './shell/loadApp';

/**
 * The startup path every window pays for, so it holds only what must exist before anything is
 * used: the command ids, the view and one proxy provider. Everything else (zod, the catalog, the
 * store, the tree model) is in dist/app.js and is loaded the first time something needs it: the
 * view asks for rows, a command runs, or (demo profile) there is data to import.
 * See "Keeping activation cheap" in the README.
 */

/** What `activate()` returns: the integration tests reach the loaded extension through it. */
export interface CertStudyApi {
  /** Loads the app if nothing has yet, and settles with it once stored data has loaded. */
  app(): Promise<Container>;
}

export function activate(context: vscode.ExtensionContext): CertStudyApi {
  const activationStart = performance.now();
  const tree = new LazyTreeProvider(() => app().then((c) => c.tree));
  const treeView = vscode.window.createTreeView('certStudy.certifications', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(treeView, tree);

  let loading: Promise<Container> | undefined;
  function app(): Promise<Container> {
    loading ??= Promise.resolve().then(() => {
      const loadStart = performance.now();
      const { startApp } = loadAppModule();
      const appLoadMs = performance.now() - loadStart;
      const container = startApp(context, { activationStart, activateMs, appLoadMs, treeView });
      context.subscriptions.push(container);
      tree.attach(container.tree);
      return container.ready.then(() => container);
    });
    return loading;
  }

  for (const id of Object.values(COMMAND_IDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (arg: unknown) => (await app()).runCommand(id, arg)));
  }
  // `npm start -- --demo` hands over data to import; nothing else loads the app unasked.
  if (process.env.CERT_STUDY_DEMO_SEED) setTimeout(() => void app(), 0);

  const activateMs = performance.now() - activationStart;
  return { app };
}

/** Nothing to save here: every change was written when it happened. */
export function deactivate(): void {}
