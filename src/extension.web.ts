// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import { activateShell, type CertStudyApi } from './shell/activateShell';
import { webHost } from './shell/webHost';

/**
 * The browser's web worker host's entry (`browser` in package.json: vscode.dev, github.dev,
 * code-server's browser host). The same startup shell as src/extension.ts, with bundles read and
 * evaluated from dist/web/ instead of required.
 */
export function activate(context: vscode.ExtensionContext): CertStudyApi {
  return activateShell(context, webHost(context.extensionUri));
}

/** Nothing to save here: every change was written when it happened. */
export function deactivate(): void {}
