import { randomBytes } from 'node:crypto';

/** A nonce for the page's one script: 128 bits from the OS's random source, never Math.random. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The report's page: no inline script or style, nothing remote; the script runs only with this
 * load's nonce, and styles and the script come only from the extension's own folders. Every
 * value written here is ours (URIs, the nonce); the report's text reaches the page as data and
 * is put in with textContent, never as HTML.
 */
export function reportHtml(options: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string }): string {
  const { cspSource, nonce, scriptUri, styleUri, title } = options;
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>${attr(title)}</title>
</head>
<body>
<main id="report" aria-busy="true"><p class="muted">Reading the team files…</p></main>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
