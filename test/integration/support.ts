import * as vscode from 'vscode';
import type { Container } from '../../src/app/container';
import type { CertStudyApi } from '../../src/extension';

export const EXTENSION_ID = 'cert-study.cert-study-tracker';

/** Activates the extension, loads its app (activation alone loads only the shell) and returns the container. */
export async function activeContainer(): Promise<Container> {
  const extension = vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this window`);
  const api = await extension.activate();
  return api.app();
}

/** Empties the engineer's certifications so each test starts from a known state. */
export async function resetCertifications(container: Container): Promise<void> {
  await container.store.setCertifications([]);
  await container.store.setCustomCertifications([]);
}

/**
 * The rows the real tree provider gives VS Code, as TreeItems. At the root, the certification
 * rows only: the "This week" summary row above them is read with `weekRowOf`, and the plan rows
 * (`plan:<id>`, between the two) with `getChildren` directly.
 */
export async function treeRows(container: Container, parent?: string): Promise<vscode.TreeItem[]> {
  const ids = (await container.tree.getChildren(parent)).filter((id) => parent !== undefined || id.startsWith('cert:'));
  return Promise.all(ids.map((id) => container.tree.getTreeItem(id)));
}

/** The "This week" row, when the tree shows one. */
export async function weekRowOf(container: Container): Promise<vscode.TreeItem | undefined> {
  const ids = await container.tree.getChildren();
  return ids.includes('week') ? container.tree.getTreeItem('week') : undefined;
}

/**
 * Stands in for `vscode.window`'s messages and quick picks until `restore()`: records what the
 * extension shows, and answers with `answer` (undefined = the user dismissed it; a promise: the
 * answer once it settles, the message staying on screen until then). The tests run
 * in the extension's own folder, so VS Code hands them the same API object as the extension.
 */
export function answerWindow(answer: (message: string, buttons: string[]) => string | undefined | Promise<string | undefined> = () => undefined): {
  messages: string[];
  restore(): void;
} {
  const window = vscode.window as unknown as Record<string, unknown>;
  const names = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage'];
  const originals = new Map(names.map((n) => [n, window[n]]));
  const messages: string[] = [];
  for (const n of names) {
    window[n] = (message: string, ...rest: unknown[]) => {
      messages.push(message);
      const buttons = rest.filter((r): r is string => typeof r === 'string');
      return Promise.resolve(answer(message, buttons));
    };
  }
  return { messages, restore: () => originals.forEach((fn, n) => (window[n] = fn)) };
}

/** Polls until `check` stops throwing (VS Code delivers some events just after a promise settles). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A local calendar day `days` from today, YYYY-MM-DD (the extension host's own time zone). */
export function dayFromToday(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The reload phase ('1', '2', ...) that index.ts sets for "[reload]" tests; undefined in an ordinary run. */
export const phase = (): string | undefined => (globalThis as { certStudyTestPhase?: string }).certStudyTestPhase;

/** The extension's bundles loaded in this window so far ('app', 'team', 'calendar'), as its API reports them. */
export function loadedBundles(): readonly string[] {
  const extension = vscode.extensions.getExtension<CertStudyApi>(EXTENSION_ID);
  if (!extension?.isActive) throw new Error(`${EXTENSION_ID} is not active in this window`);
  return extension.exports.loadedBundles();
}
