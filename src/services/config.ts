import * as vscode from 'vscode';
import { readSettings, type Settings } from '../core/model/settings';

/** The `certStudy.*` settings, validated by the core's schema on every read (they change at any time). */
function settings(): Settings {
  const section = vscode.workspace.getConfiguration('certStudy');
  return readSettings((key) => section.get(key));
}

export const config = {
  treeSortBy: () => settings()['tree.sortBy'],
  showRetiredInCatalog: () => settings()['catalog.showRetired'],
  confirmBeforeRemove: () => settings().confirmBeforeRemove,
};
