// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import { activateShell, type CertStudyApi } from './shell/activateShell';
import { nodeHost } from './shell/nodeHost';
import { endHostProbe } from './shell/hostProbe';

export type { CertStudyApi } from './shell/activateShell';

/**
 * The Node extension host's entry (`main` in package.json). The browser's web worker host runs
 * src/extension.web.ts (`browser`) instead; both are the startup shell of src/shell/activateShell.ts.
 */
export function activate(context: vscode.ExtensionContext): CertStudyApi {
  return activateShell(context, nodeHost(vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath));
}

/** Nothing to save here: every change was written when it happened. The benchmarks' probe (if on) ends its last step. */
export function deactivate(): void {
  endHostProbe();
}
