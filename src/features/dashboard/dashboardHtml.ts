import { webviewPageHtml } from '../../platform/webviewPage';

export { escapeHtml, newNonce } from '../../platform/webviewPage';

export interface DashboardHtmlInput {
  /** webview.cspSource: where the page may load its script and stylesheet from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  loading: string;
  lang: string;
}

/** The dashboard's page (see webviewPageHtml for what its policy allows). */
export function dashboardHtml(input: DashboardHtmlInput): string {
  return webviewPageHtml({ ...input, mainId: 'app', loading: { text: input.loading, className: 'loading' } });
}
