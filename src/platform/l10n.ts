import * as vscode from 'vscode';
import type { Localize } from '../core/util/localize';

/**
 * The one translator on the VS Code side: `vscode.l10n.t` with a message and its `{0}`
 * arguments. It is also the `Localize` the core services and row builders take (unit tests pass
 * `formatPlaceholders` instead). The startup path (src/shell/, platform/statusItem.ts,
 * platform/timers.ts) does not import it: it calls `vscode.l10n.t` itself, to stay small.
 */
export const t: Localize = (message, ...args) => vscode.l10n.t(message, ...args);
