import * as vscode from 'vscode';
import type { Container } from '../../src/container';
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

/** The rows the real tree provider gives VS Code, as TreeItems. */
export async function treeRows(container: Container, parent?: string): Promise<vscode.TreeItem[]> {
  const ids = await container.tree.getChildren(parent);
  return Promise.all(ids.map((id) => container.tree.getTreeItem(id)));
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

export const phase = (): string | undefined => process.env.CERT_STUDY_TEST_PHASE;
