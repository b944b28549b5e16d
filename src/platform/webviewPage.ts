import { randomBase64 } from '../core/util/ids';

/** A fresh CSP nonce for each render: 128 random bits from the OS (never Math.random). */
export function newNonce(): string {
  return randomBase64(16);
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface WebviewPageInput {
  /** webview.cspSource: where the page may load its script and stylesheet from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  lang: string;
  /** The id of the page's one element, filled in by its script. */
  mainId: string;
  /** The line shown until the script has drawn the page, and its class. */
  loading: { text: string; className: string };
  /** Fonts and images from the extension's own folders too (the default: none). */
  allowFontsAndImages?: boolean;
}

/**
 * The HTML of one of our webviews: a loading line and the script, nothing else. It holds no user
 * data: the page builds everything from its data message with textContent, never innerHTML. The
 * policy allows the one script carrying this render's nonce and the stylesheet (and, when asked,
 * fonts and images) from the extension's own folders: no inline script or style, no eval, no
 * frames, forms, base URI or network requests.
 */
export function webviewPageHtml(input: WebviewPageInput): string {
  const { cspSource, nonce } = input;
  const csp = [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    ...(input.allowFontsAndImages ? [`font-src ${cspSource}`, `img-src ${cspSource}`] : []),
    `script-src 'nonce-${nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
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
<main id="${escapeHtml(input.mainId)}" aria-busy="true"><p class="${escapeHtml(input.loading.className)}">${escapeHtml(input.loading.text)}</p></main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}
