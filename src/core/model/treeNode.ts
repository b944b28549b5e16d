/** A tree row as plain data; the VS Code surface maps it to a TreeItem one to one. */
export interface TreeNodeView {
  id: string;
  parentId: string | null;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: { id: string; color?: string };
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  childIds: string[];
  accessibilityLabel: string;
  /** The command a click runs, with its argument object. */
  command?: { id: string; title: string; argument: Record<string, unknown> };
}
