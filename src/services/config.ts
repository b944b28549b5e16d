import * as vscode from 'vscode';
import type { TreeSort } from '../core/tree/certTree';

/** Typed access to the `certStudy.*` settings, with the defaults package.json declares. */
export const config = {
  treeSortBy(): TreeSort {
    const value = vscode.workspace.getConfiguration('certStudy').get<string>('tree.sortBy', 'examDate');
    return value === 'name' || value === 'added' ? value : 'examDate';
  },
  showRetiredInCatalog(): boolean {
    return vscode.workspace.getConfiguration('certStudy').get<boolean>('catalog.showRetired', true);
  },
  confirmBeforeRemove(): boolean {
    return vscode.workspace.getConfiguration('certStudy').get<boolean>('confirmBeforeRemove', true);
  },
};
