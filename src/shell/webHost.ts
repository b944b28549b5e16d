import vscode = require('vscode');
import type { BundleName, Bundles, ShellHost } from './host';

/**
 * The browser's web worker extension host (vscode.dev, github.dev, code-server's browser host).
 * Its `require` serves only 'vscode', so a bundle cannot be required from beside this file. We
 * load it the way VS Code loads the extension's own entry there: read the file's text and run it
 * as a CommonJS module body with `new Function`. Reading goes through `workspace.fs` (the
 * extension's folder is on the `vscode-remote:` file system in code-server); where that scheme
 * has no file system provider (an extension served over https, as on vscode.dev), through fetch.
 * Each bundle is loaded once; concurrent callers share the promise.
 */
export function webHost(extensionUri: vscode.Uri): ShellHost {
  const loading = new Map<BundleName, Promise<unknown>>();
  const loaded: BundleName[] = [];
  return {
    kind: 'web',
    loadBundle<N extends BundleName>(name: N): Promise<Bundles[N]> {
      let promise = loading.get(name);
      if (!promise) {
        promise = evaluateBundle(vscode.Uri.joinPath(extensionUri, 'dist', 'web', `${name}.js`)).then((exports) => {
          loaded.push(name);
          return exports;
        });
        loading.set(name, promise);
        // A failed load (the network, a broken file) may be retried by the next use.
        promise.catch(() => loading.delete(name));
      }
      return promise as Promise<Bundles[N]>;
    },
    loadedBundles: () => loaded,
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

async function evaluateBundle(uri: vscode.Uri): Promise<unknown> {
  const source = await readSource(uri);
  const module: { exports: unknown } = { exports: {} };
  const require = (id: string): unknown => {
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
