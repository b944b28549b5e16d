import type { ViewState, WebviewMessage } from './protocol';

/** What VS Code gives a webview page: messages to the host, and state kept across reloads. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** May be called once per page load. */
export const vscode: VsCodeApi = acquireVsCodeApi();
