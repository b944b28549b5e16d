import type * as vscode from 'vscode';
import { Container, type ShellParts } from './container';

/**
 * Entry point of dist/app.js, loaded by the shell (src/extension.ts) on first use. Building the
 * container starts loading stored data in the background and returns at once.
 */
export function startApp(context: vscode.ExtensionContext, shell: ShellParts): Container {
  return new Container(context, shell);
}
