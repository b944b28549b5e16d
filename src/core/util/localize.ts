/**
 * The shape of `vscode.l10n.t`: a message with `{0}` placeholders and its arguments. The core
 * builds user-facing text through this so the VS Code surface can pass the real translator
 * and unit tests a plain formatter.
 */
export type Localize = (message: string, ...args: Array<string | number | boolean>) => string;

export const formatPlaceholders: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (index in args ? String(args[Number(index)]) : match));
