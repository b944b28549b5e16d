import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { progressByCertification, progressOf } from '../../core/certifications/progress';
import type { AgentData, AgentToolKey } from '../../core/agent/agentTools';
import { nextStudyText } from '../../core/agent/nextStudy';
import { statusText } from '../../core/agent/status';
import { loggedText, planLogStudyTime, planRecordPractice, recordedText, refusalText, type LogStudyTimeArg, type RecordPracticeArg, type WriteContext, type WritePlan } from '../../core/agent/writes';
import type { PracticeExam, StudySession } from '../../core/model/logs';
import { passMarkOf } from '../../core/practice/passMark';
import type { PracticeSettings } from '../../core/practice/settings';
import type { StudyStore } from '../../core/store/studyStore';
import type { BlockSettings } from '../../core/timer/blockSchedule';
import { escapeMarkdown } from '../../core/util/markdown';
import { ArgumentError } from '../../core/certifications/commandArgs';
import { PracticeError } from '../../core/practice/practiceService';
import { SessionInputError } from '../../core/timer/manualSession';
import type { Log } from '../../platform/log';
import { t } from '../../platform/l10n';

/** What the language model tools work on; built by the container from what it owns. */
export interface AgentToolDeps {
  /** Settles when the stored data has loaded. */
  ready: Promise<unknown>;
  store: StudyStore;
  catalog: () => Catalog;
  now: () => Date;
  settings: () => { practice: PracticeSettings; block: BlockSettings; renewalWarnDays: number };
  /** The study timer, when one exists. */
  timer: () => { certKey: string; paused: boolean } | null;
  /** Log Study Time's handler given its argument (no pickers): checks everything again and appends the session. */
  logStudyTime: (arg: LogStudyTimeArg) => Promise<StudySession | undefined>;
  /** Records a practice exam through PracticeService, which checks everything again. */
  recordPractice: (arg: RecordPracticeArg) => Promise<PracticeExam>;
  log: Log;
}

/**
 * The language model tools' VS Code side (the shell registers each with a stub that loads the app
 * and calls in here): the read tools answer from the stored data in plain text (src/core/agent/),
 * the writing tools check their input by the commands' rules, ask for confirmation showing
 * exactly what will be saved, and write through the command's handler or the service. A refusal
 * is a tool result naming the field, never a thrown error or a notification: the model reads it
 * and can correct its input.
 */
export class AgentTools {
  /**
   * What each writing tool's confirmation showed, by tool and input: invoke saves that, checked
   * again, so a confirmation given a minute later (or after midnight) does not move a session
   * that ends "now" or a practice exam taken "today".
   */
  private readonly shown = new Map<string, unknown>();

  constructor(private readonly deps: AgentToolDeps) {}

  /** Before a tool runs: a writing tool asks for confirmation with what it will save (unless its input is refused, which invoke then says). */
  async prepare(key: AgentToolKey, input: unknown): Promise<vscode.PreparedToolInvocation> {
    await this.deps.ready;
    switch (key) {
      case 'status':
        return { invocationMessage: t('Reading your certification study status') };
      case 'nextStudy':
        return { invocationMessage: t('Working out what to study next') };
      case 'logStudyTime':
        return this.confirmation(key, input, planLogStudyTime(input, this.writeContext(), t), t('Log study time?'), t('Logging study time'));
      case 'recordPracticeExam':
        return this.confirmation(key, input, planRecordPractice(input, this.writeContext(), t), t('Record a practice exam?'), t('Recording a practice exam'));
    }
  }

  /** Runs a tool: always a text result, a refusal included. */
  async invoke(key: AgentToolKey, input: unknown): Promise<vscode.LanguageModelToolResult> {
    await this.deps.ready;
    return result(await this.answer(key, input));
  }

  /** The tool's answer as text. */
  async answer(key: AgentToolKey, input: unknown): Promise<string> {
    switch (key) {
      case 'status':
        return statusText(this.data(), readInput(input), t);
      case 'nextStudy':
        return nextStudyText(this.data(), readInput(input), t);
      case 'logStudyTime': {
        const confirmed = this.takeShown(key, input);
        if (confirmed === NOT_CONFIRMED) return this.unconfirmed(planLogStudyTime(input, this.writeContext(), t));
        return this.write(
          planLogStudyTime(confirmed, this.writeContext(), t),
          async (arg) => {
            const session = await this.deps.logStudyTime(arg);
            if (!session) throw new NothingSavedError(t('the session was not saved'));
            return session;
          },
          (session) => {
            const total = progressOf(progressByCertification(this.deps.store.snapshot().sessions, []), session.certKey).studyMinutes;
            return loggedText(session, total, this.deps.catalog(), t);
          },
        );
      }
      case 'recordPracticeExam': {
        const confirmed = this.takeShown(key, input);
        if (confirmed === NOT_CONFIRMED) return this.unconfirmed(planRecordPractice(input, this.writeContext(), t));
        return this.write(
          planRecordPractice(confirmed, this.writeContext(), t),
          (arg) => this.deps.recordPractice(arg),
          (exam) => {
            const pass = passMarkOf(this.deps.catalog().get(exam.certKey), this.deps.settings().practice.defaultPassPercent);
            return recordedText(exam, pass.percent, this.deps.catalog(), t);
          },
        );
      }
    }
  }

  /**
   * Saves what the confirmation showed, checked again. Only the checks' own refusals (thrown
   * before anything is written) are reported as "nothing was written"; any other failure may
   * come after the write (the certification's status update), so the model is told to read the
   * status before trying again: a retry would otherwise record a practice exam twice.
   */
  private async write<T, R>(plan: WritePlan<T>, save: (arg: T) => Promise<R>, describe: (saved: R) => string): Promise<string> {
    if (!plan.ok) return refusalText(plan.refusal, t);
    let saved: R;
    try {
      saved = await save(plan.arg);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (isRefusal(err)) {
        // The command's or the service's own check refused it (another window may have written since).
        this.deps.log.info(`language model tool: refused: ${reason}`);
        return refusalText(reason, t);
      }
      this.deps.log.warn(`language model tool: saving failed: ${reason}`);
      return t('Saving failed: {0}. It may have been saved: read the status (the certStudy_status tool) before calling this tool again.', reason);
    }
    return describe(saved);
  }

  /**
   * A writing tool invoked without a confirmation of this input: its prepare refused it (VS Code
   * then asks nothing), or it was never prepared. Nothing is written, ever: the refusal as it
   * stands now, or, when the input has become acceptable since, a request to call again so the
   * user can confirm it.
   */
  private unconfirmed<T>(plan: WritePlan<T>): string {
    if (!plan.ok) return refusalText(plan.refusal, t);
    return t('Nothing was written: this input was not confirmed by the user. Call the tool again to ask for confirmation.');
  }

  private confirmation<T>(key: AgentToolKey, input: unknown, plan: WritePlan<T>, title: string, invocationMessage: string): vscode.PreparedToolInvocation {
    const id = shownId(key, input);
    // A refused input asks nothing: invoke answers with the refusal, and nothing is written (an
    // earlier, cancelled confirmation of the same input is forgotten, so invoke cannot save it).
    this.shown.delete(id);
    if (!plan.ok) return { invocationMessage };
    this.shown.delete(id);
    this.shown.set(id, plan.arg);
    // A few at most: a confirmation the user cancelled is never invoked, so never taken.
    for (const old of [...this.shown.keys()].slice(0, Math.max(0, this.shown.size - 20))) this.shown.delete(old);
    const message = new vscode.MarkdownString([t('This will be saved in Cert Study Tracker:'), '', ...plan.lines.map((l) => `- ${escapeMarkdown(l)}`)].join('\n'));
    return { invocationMessage, confirmationMessages: { title, message } };
  }

  /** The argument the confirmation for this input showed (checked again by the plan), or NOT_CONFIRMED. */
  private takeShown(key: AgentToolKey, input: unknown): unknown {
    const id = shownId(key, input);
    if (!this.shown.has(id)) return NOT_CONFIRMED;
    const shown = this.shown.get(id);
    this.shown.delete(id);
    return shown;
  }

  private data(): AgentData {
    const settings = this.deps.settings();
    return {
      snapshot: this.deps.store.snapshot(),
      catalog: this.deps.catalog(),
      practice: settings.practice,
      block: settings.block,
      renewalWarnDays: settings.renewalWarnDays,
      timer: this.deps.timer(),
      now: this.deps.now(),
    };
  }

  private writeContext(): WriteContext {
    const snapshot = this.deps.store.snapshot();
    return { certifications: snapshot.certifications, sessions: this.deps.store.sessions.all(), catalog: this.deps.catalog(), now: this.deps.now() };
  }
}

const NOT_CONFIRMED = Symbol('not confirmed');

/** Nothing was written (the command returned nothing): reported as a refusal. */
class NothingSavedError extends Error {}

/** The checks' own refusals, thrown before anything is written. */
function isRefusal(err: unknown): boolean {
  return err instanceof ArgumentError || err instanceof SessionInputError || err instanceof PracticeError || err instanceof NothingSavedError;
}

function shownId(key: AgentToolKey, input: unknown): string {
  return `${key}:${JSON.stringify(input) ?? ''}`;
}

/** The read tools' optional `key`; anything else in their input is ignored. */
function readInput(input: unknown): { key?: string } {
  const key = input !== null && typeof input === 'object' ? (input as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key !== '' ? { key } : {};
}

function result(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}
