import { webviewPageHtml } from '../../platform/webviewPage';

export { newNonce } from '../../platform/webviewPage';

/**
 * The report's page (see webviewPageHtml for what its policy allows; fonts and images may come
 * from the extension's folders too). The report's text reaches the page as data and is put in
 * with textContent, never as HTML.
 */
export function reportHtml(options: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; title: string }): string {
  return webviewPageHtml({
    ...options,
    lang: 'en',
    mainId: 'report',
    loading: { text: 'Reading the team files…', className: 'muted' },
    allowFontsAndImages: true,
  });
}
