import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce for each render: 128 random bits from the OS (never Math.random). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

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

/**
 * The page's HTML: a loading line and the script, nothing else. It holds no user data: the page
 * builds everything from the data message with textContent, never innerHTML. The policy allows
 * the one script carrying this render's nonce and the stylesheet from the extension's own
 * folders; no inline script or style, no eval, no images, fonts, frames or network requests.
 */
export function dashboardHtml(input: DashboardHtmlInput): string {
  const { cspSource, nonce } = input;
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(input.loading)}</p></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}
