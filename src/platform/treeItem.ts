// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');
import type { RecordRow } from '../core/tree/rowRecord';

const COLLAPSIBLE: Record<RecordRow['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/**
 * A Certifications row as VS Code draws it. One mapping for the rows the startup shell draws from
 * the row record (src/shell/lazyTree.ts, no tooltip: VS Code asks for it on hover) and the rows the
 * app draws (src/features/certifications/certificationTree.ts, with its Markdown tooltip), so the
 * two cannot drift apart when the app takes the view over.
 */
export function treeItemOf(row: RecordRow, tooltip?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, COLLAPSIBLE[row.collapsible]);
  item.id = row.id;
  item.description = row.description;
  if (tooltip !== undefined) {
    const markdown = new vscode.MarkdownString(tooltip, true);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    item.tooltip = markdown;
  }
  item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
  item.contextValue = row.contextValue;
  item.accessibilityInformation = { label: row.accessibilityLabel };
  if (row.command) item.command = { command: row.command.id, title: row.command.title, arguments: [row.command.argument] };
  return item;
}
