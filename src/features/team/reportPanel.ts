import * as vscode from 'vscode';
import { teamCsv } from '../../core/team/csv';
import type { MergeResult } from '../../core/team/merge';
import type { TeamReport } from '../../core/team/report';
import { PageMessageSchema, type HostMessage, type ReportSources } from '../../webviews/teamReport/protocol';
import type { Log } from '../../platform/log';
import { newNonce, reportHtml } from './reportHtml';
import { t } from '../../platform/l10n';

/** The page's own folders: the panel may load nothing else. */
const PAGE_SCRIPT = ['dist', 'team-report'];
const PAGE_STYLE = ['media', 'team-report'];

/** The panel's view type: the shell registers its serializer under it (src/shell/activateShell.ts). */
export const TEAM_REPORT_VIEW_TYPE = 'certStudy.teamReport';

/** A report and where it came from (URI strings: read again when VS Code restores the panel). */
export interface ShownReport {
  report: TeamReport;
  merged: MergeResult;
  sources: ReportSources;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...PAGE_SCRIPT), vscode.Uri.joinPath(extensionUri, ...PAGE_STYLE)],
  };
}

/**
 * The team report's webview panel: one at a time, shown again (with the new report) when the
 * command runs again. The page asks for the report with `ready` (also after it was hidden and
 * its content thrown away), and asks for the CSV with `exportCsv`; anything else is ignored.
 * The page keeps the report's files as its state, so after a window reload VS Code hands them to
 * the serializer the shell registers, and `revive` shows the report again from the files as they
 * are then (see src/features/team/teamCommands.ts reviveTeamReport).
 */
export class TeamReportPanel {
  private static current: TeamReportPanel | undefined;
  private shown: ShownReport;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, log: Log, shown: ShownReport): TeamReportPanel {
    const existing = TeamReportPanel.current;
    if (existing) {
      existing.update(shown);
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TEAM_REPORT_VIEW_TYPE, t('Team Report'), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    TeamReportPanel.current = new TeamReportPanel(panel, extensionUri, log, shown);
    return TeamReportPanel.current;
  }

  /** A panel VS Code restored after a window reload, with its report made again from its files. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, log: Log, shown: ShownReport): TeamReportPanel {
    // Only one: a report opened meanwhile gives way to the restored one.
    if (TeamReportPanel.current && TeamReportPanel.current.panel !== panel) TeamReportPanel.current.panel.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    TeamReportPanel.current = new TeamReportPanel(panel, extensionUri, log, shown);
    return TeamReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
    shown: ShownReport,
  ) {
    this.shown = shown;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.render();
  }

  /** The report shown now. */
  get report(): TeamReport {
    return this.shown.report;
  }

  /** The merged table as CSV (the team format's CSV form, every engineer). */
  csv(): string {
    return teamCsv(this.shown.merged.engineers.map((e) => e.team));
  }

  private update(shown: ShownReport): void {
    this.shown = shown;
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
    const message: HostMessage = { type: 'report', report: this.shown.report, sources: this.shown.sources };
    // Not parsed here as well: the page checks it with HostMessageSchema on arrival (and answers
    // `refused` for one that does not fit, shown as an error), and test/unit/teamMerge.test.ts holds the report built
    // from the sample engineers to the same schema. Parsing it here too was a block of 17 ms in
    // the host the first time (zod compiling the schema), for a check the page repeats.
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = PageMessageSchema.safeParse(raw);
    if (!message.success) {
      this.log.warn(`team report: ignored a message from the page that is not one it sends: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (message.data.type === 'ready') this.post();
    else if (message.data.type === 'refused') this.log.showError(t('Team Report'), new Error(t('the report page could not show this report: {0}', message.data.reason)));
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
