import * as vscode from 'vscode';
import { teamCsv } from '../core/team/csv';
import type { MergeResult } from '../core/team/merge';
import type { TeamReport } from '../core/team/report';
import { HostMessageSchema, PageMessageSchema, type HostMessage } from '../shared/teamReportProtocol';
import type { Log } from '../services/log';
import { newNonce, reportHtml } from './reportHtml';

const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);

/** The page's own folders: the panel may load nothing else. */
const PAGE_SCRIPT = ['dist', 'team-report'];
const PAGE_STYLE = ['media', 'team-report'];

/**
 * The team report's webview panel: one at a time, shown again (with the new report) when the
 * command runs again. The page asks for the report with `ready` (also after it was hidden and
 * its content thrown away), and asks for the CSV with `exportCsv`; anything else is ignored.
 */
export class TeamReportPanel {
  private static current: TeamReportPanel | undefined;
  private report: TeamReport;
  private merged: MergeResult;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, log: Log, report: TeamReport, merged: MergeResult): TeamReportPanel {
    const existing = TeamReportPanel.current;
    if (existing) {
      existing.update(report, merged);
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel('certStudy.teamReport', t('Team Report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...PAGE_SCRIPT), vscode.Uri.joinPath(extensionUri, ...PAGE_STYLE)],
    });
    TeamReportPanel.current = new TeamReportPanel(panel, extensionUri, log, report, merged);
    return TeamReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    report: TeamReport,
    merged: MergeResult,
  ) {
    this.report = report;
    this.merged = merged;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render();
  }

  /** The merged table as CSV (the team format's CSV form, every engineer). */
  csv(): string {
    return teamCsv(this.merged.engineers.map((e) => e.team));
  }

  private update(report: TeamReport, merged: MergeResult): void {
    this.report = report;
    this.merged = merged;
    this.post();
  }

  private render(): void {
    const webview = this.panel.webview;
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    webview.html = reportHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: uri(...PAGE_SCRIPT, 'page.js'),
      styleUri: uri(...PAGE_STYLE, 'report.css'),
      title: t('Team Report'),
    });
  }

  private post(): void {
    const message: HostMessage = { type: 'report', report: this.report };
    // Checked like what arrives: a bug here must not hand the page something it cannot show.
    void this.panel.webview.postMessage(HostMessageSchema.parse(message));
  }

  private receive(raw: unknown): void {
    const message = PageMessageSchema.safeParse(raw);
    if (!message.success) {
      this.log.warn(`team report: ignored a message from the page that is not one it sends: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (message.data.type === 'ready') this.post();
    else void this.exportCsv().catch((err) => this.log.showError(t('Export CSV'), err));
  }

  /** Asks where, then writes the merged table. Returns the path, or undefined when cancelled. */
  async exportCsv(target?: vscode.Uri): Promise<string | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: t('Export the merged team table as CSV'),
        defaultUri: defaultCsvUri(this.report.today),
        filters: { CSV: ['csv'] },
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.csv()));
    if (!target) void vscode.window.showInformationMessage(t('Wrote the team table ({0} engineers) to {1}.', this.report.engineers.length, uri.fsPath));
    return uri.fsPath;
  }

  private dispose(): void {
    if (TeamReportPanel.current === this) TeamReportPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
  }
}

function defaultCsvUri(today: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `team-${today}.csv`) : undefined;
}
