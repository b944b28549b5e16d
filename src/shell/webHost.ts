import vscode = require('vscode');
import { bundleLoads, type LibraryLookup, type ShellHost } from './host';

/**
 * The browser's web worker extension host (vscode.dev, github.dev, code-server's browser host).
 * Its `require` serves only 'vscode', so a bundle cannot be required from beside this file. We
 * load it the way VS Code loads the extension's own entry there: read the file's text and run it
 * as a CommonJS module body with `new Function`. Reading goes through `workspace.fs` (the
 * extension's folder is on the `vscode-remote:` file system in code-server); where that scheme
 * has no file system provider (an extension served over https, as on vscode.dev), through fetch.
 * Each bundle is loaded once, dist/web/zod.js first (./host.ts, bundleLoads).
 */
export function webHost(extensionUri: vscode.Uri): ShellHost {
  return {
    kind: 'web',
    ...bundleLoads((name, libraries) => evaluateBundle(vscode.Uri.joinPath(extensionUri, 'dist', 'web', `${name}.js`), libraries)),
    // Demo data (tests, demos) is named by a hidden setting here: the worker has no environment.
    // `certStudy.testing.demoSeedPath`, hidden (not in package.json), from user settings only: a
    // folder's own settings (an untrusted one's included) cannot import data. The app reads it here too.
    demoSeedPath: () => {
      const value = vscode.workspace.getConfiguration('certStudy').inspect<unknown>('testing.demoSeedPath')?.globalValue;
      return typeof value === 'string' && value ? value : undefined;
    },
  };
}

async function readSource(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: ${response.status} ${response.statusText}`);
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function evaluateBundle(uri: vscode.Uri, libraries: LibraryLookup): Promise<unknown> {
  const source = await readSource(uri);
  const module: { exports: unknown } = { exports: {} };
  const require = (id: string): unknown => {
    const library = libraries(id);
    if (library !== undefined) return library;
    if (id === 'vscode') return vscode;
    throw new Error(`${uri.path}: cannot load module '${id}' in the web worker host`);
  };
  // The sourceURL names the file in the worker's stack traces and the debugger.
  const body = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`) as (
    module: { exports: unknown },
    exports: unknown,
    require: (id: string) => unknown,
  ) => void;
  body(module, module.exports, require);
  return module.exports;
}
