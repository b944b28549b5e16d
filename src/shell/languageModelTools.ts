import type * as vscode from 'vscode';
import type { Container } from '../app/container';
import type { AgentToolKey } from '../core/agent/agentTools';

/**
 * The language model tools VS Code's agent mode may call (docs/agent.md): each name as
 * package.json's `contributes.languageModelTools` declares it, and the tool's key in the app
 * (src/features/agent/agentTools.ts). A unit test checks this table against package.json.
 * Data only, and `vscode` only as types: `activateShell` passes `vscode.lm` in.
 */
export const LANGUAGE_MODEL_TOOLS = {
  certStudy_status: 'status',
  certStudy_nextStudy: 'nextStudy',
  certStudy_logStudyTime: 'logStudyTime',
  certStudy_recordPracticeExam: 'recordPracticeExam',
} as const satisfies Record<string, AgentToolKey>;

/**
 * Registers every tool with a stub that loads the app (dist/app.js) only when the tool is
 * prepared or invoked. Quietly nothing where the editor has no language model tools API: a user
 * without a chat model sees no difference either way. Returns how many tools were registered.
 */
export function registerLanguageModelTools(lm: Partial<typeof vscode.lm> | undefined, subscriptions: { dispose(): unknown }[], app: () => Promise<Container>): number {
  if (typeof lm?.registerTool !== 'function') return 0;
  let registered = 0;
  for (const [name, key] of Object.entries(LANGUAGE_MODEL_TOOLS)) {
    try {
      subscriptions.push(
        lm.registerTool<unknown>(name, {
          prepareInvocation: async (options) => (await app()).tools.prepare(key, options.input),
          invoke: async (options) => (await app()).tools.invoke(key, options.input),
        }),
      );
      registered++;
    } catch {
      // An editor that declares the API but refuses the tool: the rest of the extension goes on.
    }
  }
  return registered;
}
