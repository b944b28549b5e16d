import * as vscode from 'vscode';

/** What the one status-bar item shows; the timer has priority over the exam countdown. */
export interface StatusContent {
  text: string;
  tooltip: string | vscode.MarkdownString;
  accessibilityLabel: string;
  command?: string | vscode.Command;
  /** The theme's warning background, only when it matters. */
  warning?: boolean;
}

/**
 * The extension's single status-bar item, created on first use with an id and a name users
 * recognise in the status bar's context menu. Its properties change only when what it shows
 * changes, and it hides when there is nothing to say.
 */
export class StatusItem implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private shown = '';

  set(content: StatusContent | null): void {
    const key = content ? JSON.stringify([content.text, String(content.tooltip instanceof vscode.MarkdownString ? content.tooltip.value : content.tooltip), content.accessibilityLabel, content.command, content.warning]) : '';
    if (key === this.shown) return;
    this.shown = key;
    if (!content) {
      this.item?.hide();
      return;
    }
    this.item ??= vscode.window.createStatusBarItem('certStudy.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('Cert Study');
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    this.item.command = content.command;
    this.item.accessibilityInformation = { label: content.accessibilityLabel, role: 'button' };
    this.item.backgroundColor = content.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** What the item shows now (tests read it; undefined when hidden). */
  get text(): string | undefined {
    return this.shown ? this.item?.text : undefined;
  }

  get tooltipText(): string | undefined {
    const tooltip = this.shown ? this.item?.tooltip : undefined;
    return tooltip instanceof vscode.MarkdownString ? tooltip.value : tooltip;
  }

  dispose(): void {
    this.item?.dispose();
  }
}
