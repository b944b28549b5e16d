// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');

/** What the one status-bar item shows. */
export interface StatusContent {
  text: string;
  tooltip: string | vscode.MarkdownString;
  accessibilityLabel: string;
  command?: string | vscode.Command;
  /** The theme's warning background, only when it matters. */
  warning?: boolean;
}

type ShowMode = 'auto' | 'timerOnly' | 'never';

/**
 * The extension's single status-bar item, created on first use with an id and a name users
 * recognise in the status bar's context menu. Two things may want it: a running study timer
 * (first) and the exam or renewal countdown; `certStudy.statusBar.show` can keep it to the timer
 * or hide it. Its properties change only when what it shows changes, and it hides when there is
 * nothing to say.
 */
export class StatusItem implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private shown = '';
  private timer: StatusContent | null = null;
  private countdown: StatusContent | null = null;
  /** Registered on first use, not at activation: the startup path stays as small as it can be. */
  private listener: vscode.Disposable | undefined;

  setTimer(content: StatusContent | null): void {
    this.timer = content;
    this.render();
  }

  setCountdown(content: StatusContent | null): void {
    this.countdown = content;
    this.render();
  }

  /** What the item shows now (tests read it; undefined when hidden). */
  get text(): string | undefined {
    return this.shown ? this.item?.text : undefined;
  }

  get tooltipText(): string | undefined {
    const tooltip = this.shown ? this.item?.tooltip : undefined;
    return tooltip instanceof vscode.MarkdownString ? tooltip.value : tooltip;
  }

  get warning(): boolean {
    return Boolean(this.shown && this.item?.backgroundColor);
  }

  dispose(): void {
    this.listener?.dispose();
    this.item?.dispose();
  }

  private render(): void {
    this.listener ??= vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('certStudy.statusBar')) this.render();
    });
    const mode = showMode();
    const content = mode === 'never' ? null : (this.timer ?? (mode === 'auto' ? this.countdown : null));
    const tooltipText = content ? (content.tooltip instanceof vscode.MarkdownString ? content.tooltip.value : content.tooltip) : '';
    const key = content ? JSON.stringify([content.text, tooltipText, content.accessibilityLabel, content.command, content.warning]) : '';
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
}

function showMode(): ShowMode {
  const value = vscode.workspace.getConfiguration('certStudy.statusBar').get<unknown>('show');
  return value === 'timerOnly' || value === 'never' ? value : 'auto';
}
