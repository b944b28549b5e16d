import * as vscode from 'vscode';
import { Container } from './container';
import { startStopwatch } from './core/util/stopwatch';

let container: Container | undefined;

/**
 * Builds the container and returns at once: loading stored data happens after activation, so
 * VS Code is never kept waiting. Returns the container so integration tests can reach it.
 */
export function activate(context: vscode.ExtensionContext): Container {
  const start = performance.now();
  const time = startStopwatch();
  container = new Container(context, start);
  context.subscriptions.push(container);
  const span = time();
  container.log.info(`activate took ${span.wallMs.toFixed(2)} ms (${span.cpuMs.toFixed(2)} ms CPU)`);
  return container;
}

/** Nothing to save here: every change was written when it happened. */
export function deactivate(): void {
  container = undefined;
}
