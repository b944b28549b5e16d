// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');

/**
 * The extension's one clock. A hidden setting, `certStudy.testing.clockOffsetMs` (not in
 * package.json: for tests only), shifts it, so UI tests can stand at 07:59:58 or an hour after a
 * crash without waiting real minutes. Read from user settings only: a folder's own settings (an
 * untrusted folder's included: the extension runs there) cannot move the time sessions are saved with.
 */
export class Clock implements vscode.Disposable {
  private offsetMs = 0;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('certStudy.testing')) this.read();
    });
  }

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  dispose(): void {
    this.listener.dispose();
  }

  private read(): void {
    const value = vscode.workspace.getConfiguration('certStudy').inspect<unknown>('testing.clockOffsetMs')?.globalValue;
    this.offsetMs = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
}
