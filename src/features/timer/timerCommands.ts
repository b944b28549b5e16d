import { newId as randomUUID } from '../../core/util/ids';
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { parseCommandArg } from '../../core/certifications/commandArgs';
import { ACTIVITY_KINDS, type ActivityKind, type StudySession } from '../../core/model/logs';
import type { TrackedCertification } from '../../core/model/tracking';
import { weakestDomain } from '../../core/practice/weakDomain';
import type { StudyStore } from '../../core/store/studyStore';
import { checkManualSession, localText, parseLocalDateTime, SessionInputError } from '../../core/timer/manualSession';
import { elapsedMs, formatElapsed } from '../../core/timer/timerMachine';
import type { TimerRecord } from '../../core/model/timerRecord';
import { DeleteSessionArgSchema, DiscardTimerArgSchema, EditSessionArgSchema, LogStudyTimeArgSchema, StartTimerArgSchema } from '../../core/timer/timerArgs';
import { toOffsetInstant } from '../../core/time/clock';
import { localToday } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import { pickTracked } from '../../platform/prompts';
import { TimerRunningError, type TimerController } from './timerController';
import { t } from '../../platform/l10n';

export interface TimerCommandDeps {
  timer: TimerController;
  store: StudyStore;
  catalog: () => Catalog;
  tracked: () => readonly TrackedCertification[];
  now: () => Date;
  /** Moves a planned certification to studying once time is logged for it. */
  onSessionsSaved: (certKey: string) => Promise<void>;
}

const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  reading: 'Reading',
  video: 'Video course',
  lab: 'Hands-on lab',
  practice: 'Practice questions',
  project: 'Project',
  kaggle: 'Kaggle',
  pair: 'Pairing',
  other: 'Other',
};

/** Certifications one can study for, the nearest booked exam first. */
function studyable(tracked: readonly TrackedCertification[]): TrackedCertification[] {
  const open = tracked.filter((c) => c.status !== 'passed' && c.status !== 'expired');
  const list = open.length ? open : [...tracked];
  // ISO dates sort as text; no localeCompare (its first call initialises ICU for milliseconds).
  const when = (c: TrackedCertification) => c.examDate ?? '9999';
  return list.sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
}

async function pickDomain(deps: TimerCommandDeps, key: string): Promise<string | null | undefined> {
  const entry = deps.catalog().get(key);
  if (!entry || entry.domains.length === 0) return null;
  // The weakest domain by the latest practice scores, weighed by exam weight, comes first.
  const weak = weakestDomain(entry, deps.store.practiceExams.all());
  const domains = [...entry.domains].sort((a, b) => (a.id === weak?.domainId ? -1 : b.id === weak?.domainId ? 1 : 0));
  const none = t('No particular domain');
  const picked = await vscode.window.showQuickPick(
    [
      ...domains.map((d) => ({
        id: d.id as string | null,
        label: asPlainText(d.name),
        description: d.id === weak?.domainId ? t('study next: weakest by practice scores') : d.weightPercent ? t('{0}% of the exam', d.weightPercent.min === d.weightPercent.max ? d.weightPercent.min : `${d.weightPercent.min}-${d.weightPercent.max}`) : undefined,
      })),
      { id: null, label: none },
    ],
    { title: t('Start Study Timer'), placeHolder: t('Which exam domain?') },
  );
  return picked === undefined ? undefined : picked.id;
}

async function pickActivity(title: string): Promise<ActivityKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    ACTIVITY_KINDS.map((a) => ({ activity: a, label: t(ACTIVITY_LABELS[a]) })),
    { title, placeHolder: t('What kind of study?') },
  );
  return picked?.activity;
}

function checkDomain(deps: TimerCommandDeps, key: string, domain: string | null | undefined): string | null {
  if (!domain) return null;
  const entry = deps.catalog().get(key);
  if (!entry?.domains.some((d) => d.id === domain)) {
    throw new Error(t('domain: {0} is not a domain of {1} (domains: {2})', domain, key, entry?.domains.map((d) => d.id).join(', ') || t('none')));
  }
  return domain;
}

function requireTracked(deps: TimerCommandDeps, key: string): void {
  if (!deps.tracked().some((c) => c.key === key)) throw new Error(t('{0} is not among your certifications', key));
}

/** `certStudy.startTimer [{ key, domain?, activity?, note?, ifRunning? }]`: returns the running timer. */
export async function startTimerCommand(deps: TimerCommandDeps, rawArg: unknown): Promise<TimerRecord | undefined> {
  const arg = parseCommandArg(StartTimerArgSchema, rawArg, t);
  const running = deps.timer.current();
  if (running && !(await offerRunning(deps, running, arg?.ifRunning))) return running;
  const key = arg?.key ?? (await pickTracked(studyable(deps.tracked()), deps.catalog(), t('Start Study Timer')));
  if (!key) return undefined;
  requireTracked(deps, key);
  const domain = arg ? checkDomain(deps, key, arg.domain) : await pickDomain(deps, key);
  if (domain === undefined) return undefined;
  const activity = arg ? (arg.activity ?? 'reading') : await pickActivity(t('Start Study Timer'));
  if (!activity) return undefined;
  try {
    return await deps.timer.start({ certKey: key, domainId: domain, activity, note: arg?.note });
  } catch (err) {
    // Another window started one in the meantime: show it instead of creating a second.
    if (err instanceof TimerRunningError) {
      await offerRunning(deps, err.running, 'keep');
      return err.running;
    }
    throw err;
  }
}

/**
 * A second start while a timer runs shows the running one and asks; it never creates another.
 * Returns true when the running timer was stopped (saved) and a new one may start.
 */
async function offerRunning(deps: TimerCommandDeps, running: TimerRecord, ifRunning: 'ask' | 'keep' | undefined): Promise<boolean> {
  const name = asPlainText(deps.catalog().get(running.certKey)?.shortName ?? running.certKey);
  const elapsed = formatElapsed(elapsedMs(running, deps.now()));
  if (ifRunning === 'keep') {
    void vscode.window.showInformationMessage(t('The study timer for {0} is already running ({1}).', name, elapsed));
    return false;
  }
  const stopAndStart = t('Stop It and Start Another');
  const choice = await vscode.window.showInformationMessage(
    t('The study timer for {0} is already running ({1}). There is one timer across all windows.', name, elapsed),
    stopAndStart,
    t('Keep It'),
  );
  if (choice !== stopAndStart) return false;
  await deps.timer.stop();
  return true;
}

export async function pauseTimerCommand(deps: TimerCommandDeps): Promise<TimerRecord> {
  return deps.timer.pause();
}

export async function resumeTimerCommand(deps: TimerCommandDeps): Promise<TimerRecord> {
  return deps.timer.resume();
}

/** `certStudy.stopTimer`: saves what ran and returns the saved sessions. */
export async function stopTimerCommand(deps: TimerCommandDeps): Promise<StudySession[]> {
  const sessions = await deps.timer.stop();
  const minutes = sessions.reduce((sum, s) => sum + (Date.parse(s.end) - Date.parse(s.start)), 0) / 60_000;
  const name = sessions[0] ? asPlainText(deps.catalog().get(sessions[0].certKey)?.shortName ?? sessions[0].certKey) : '';
  if (sessions.length) vscode.window.setStatusBarMessage(t('$(check) Saved {0} min of {1}', Math.round(minutes), name), 4000);
  return sessions;
}

/** `certStudy.discardTimer [{ skipConfirmation? }]`: the way to drop a timer's time. */
export async function discardTimerCommand(deps: TimerCommandDeps, rawArg: unknown): Promise<TimerRecord | undefined> {
  const arg = parseCommandArg(DiscardTimerArgSchema, rawArg, t);
  const running = deps.timer.current();
  if (running && !arg?.skipConfirmation) {
    const name = asPlainText(deps.catalog().get(running.certKey)?.shortName ?? running.certKey);
    const discard = t('Discard');
    const choice = await vscode.window.showWarningMessage(
      t('Discard the {0} timer ({1})? Its time will not be saved.', name, formatElapsed(elapsedMs(running, deps.now()))),
      { modal: true },
      discard,
    );
    if (choice !== discard) return undefined;
  }
  return deps.timer.discard();
}

/** The status bar item's click: the actions that fit the timer's state. */
export async function timerMenuCommand(deps: TimerCommandDeps): Promise<void> {
  const running = deps.timer.current();
  if (!running) {
    await vscode.commands.executeCommand('certStudy.startTimer');
    return;
  }
  const items = [
    running.running ? { id: 'certStudy.pauseTimer', label: t('$(debug-pause) Pause') } : { id: 'certStudy.resumeTimer', label: t('$(debug-continue) Resume') },
    { id: 'certStudy.stopTimer', label: t('$(debug-stop) Stop and Save') },
    { id: 'certStudy.discardTimer', label: t('$(trash) Discard') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: t('Study Timer') });
  if (picked) await vscode.commands.executeCommand(picked.id);
}

// ---- sessions after the fact ----

/** `certStudy.logStudyTime [{ key, start, end | minutes, domain?, activity?, note? }]`: returns the saved session. */
export async function logStudyTimeCommand(deps: TimerCommandDeps, rawArg: unknown): Promise<StudySession | undefined> {
  const arg = parseCommandArg(LogStudyTimeArgSchema, rawArg, t);
  const sessions = deps.store.sessions.all();
  if (arg) {
    requireTracked(deps, arg.key);
    const start = parseLocalDateTime(arg.start, 'start', t);
    const end = arg.end ? parseLocalDateTime(arg.end, 'end', t) : undefined;
    const span = checkManualSession({ start, end, minutes: arg.minutes }, deps.now(), sessions, t);
    return saveManual(deps, { key: arg.key, ...span, domain: checkDomain(deps, arg.key, arg.domain), activity: arg.activity ?? 'reading', note: arg.note ?? '' });
  }
  const title = t('Log Study Time');
  const key = await pickTracked(studyable(deps.tracked()), deps.catalog(), title);
  if (!key) return undefined;
  const today = localToday(deps.now());
  const startText = await vscode.window.showInputBox({
    title,
    prompt: t('Start, in your local time (YYYY-MM-DDTHH:mm)'),
    value: `${today}T08:00`,
    validateInput: (text) => inputError(() => parseLocalDateTime(text, 'start', t)),
  });
  if (startText === undefined) return undefined;
  const start = parseLocalDateTime(startText, 'start', t);
  const endText = await vscode.window.showInputBox({
    title,
    prompt: t('End (YYYY-MM-DDTHH:mm), or a duration in minutes such as 45'),
    value: `${today}T09:00`,
    validateInput: (text) => inputError(() => checkManualSession(manualEnd(start, text), deps.now(), sessions, t)),
  });
  if (endText === undefined) return undefined;
  const span = checkManualSession(manualEnd(start, endText), deps.now(), sessions, t);
  const domain = await pickDomain(deps, key);
  if (domain === undefined) return undefined;
  const activity = await pickActivity(title);
  if (!activity) return undefined;
  const note = await vscode.window.showInputBox({ title, prompt: t('Note (optional)') });
  if (note === undefined) return undefined;
  return saveManual(deps, { key, ...span, domain, activity, note });
}

function manualEnd(start: Date, text: string): { start: Date; end?: Date; minutes?: number } {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { start, minutes: Number(trimmed) };
  return { start, end: parseLocalDateTime(trimmed, 'end', t) };
}

/** The message an input box shows while the text is wrong, or undefined when it is fine. */
function inputError(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    if (err instanceof SessionInputError) return err.message;
    throw err;
  }
}

async function saveManual(
  deps: TimerCommandDeps,
  s: { key: string; start: Date; end: Date; domain: string | null; activity: ActivityKind; note: string },
): Promise<StudySession> {
  const session: StudySession = {
    id: randomUUID(),
    certKey: s.key,
    start: toOffsetInstant(s.start),
    end: toOffsetInstant(s.end),
    domainId: s.domain,
    activity: s.activity,
    source: 'manual',
    note: s.note,
  };
  await deps.store.sessions.append(session);
  await deps.onSessionsSaved(s.key);
  return session;
}

/** The latest sessions, newest first, to pick one to edit or delete. */
async function pickSession(deps: TimerCommandDeps, title: string): Promise<StudySession | undefined> {
  const recent = [...deps.store.sessions.all()].sort((a, b) => Date.parse(b.start) - Date.parse(a.start)).slice(0, 30);
  if (recent.length === 0) {
    void vscode.window.showInformationMessage(t('No study sessions yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    recent.map((s) => ({
      session: s,
      label: `${localText(s.start)}–${localText(s.end).slice(11)}`,
      description: asPlainText(deps.catalog().get(s.certKey)?.shortName ?? s.certKey),
      detail: [t(ACTIVITY_LABELS[s.activity]), s.note ? asPlainText(s.note) : ''].filter(Boolean).join(' · '),
    })),
    { title, placeHolder: t('Pick a session') },
  );
  return picked?.session;
}

function requireSession(deps: TimerCommandDeps, id: string): StudySession {
  const session = deps.store.sessions.all().find((s) => s.id === id);
  if (!session) throw new Error(t('id: no study session {0}', id));
  return session;
}

/** `certStudy.editSession [{ id, key?, start?, end?, minutes?, domain?, activity?, note? }]`: returns the edited session. */
export async function editSessionCommand(deps: TimerCommandDeps, rawArg: unknown): Promise<StudySession | undefined> {
  const arg = parseCommandArg(EditSessionArgSchema, rawArg, t);
  const session = arg ? requireSession(deps, arg.id) : await pickSession(deps, t('Edit Study Session'));
  if (!session) return undefined;
  let edit: typeof arg;
  if (arg) {
    edit = arg;
  } else {
    const title = t('Edit Study Session');
    const startText = await vscode.window.showInputBox({
      title,
      prompt: t('Start, in your local time (YYYY-MM-DDTHH:mm)'),
      value: localText(session.start).replace(' ', 'T'),
      validateInput: (text) => inputError(() => parseLocalDateTime(text, 'start', t)),
    });
    if (startText === undefined) return undefined;
    const start = parseLocalDateTime(startText, 'start', t);
    const others = deps.store.sessions.all();
    const endText = await vscode.window.showInputBox({
      title,
      prompt: t('End (YYYY-MM-DDTHH:mm), or a duration in minutes'),
      value: localText(session.end).replace(' ', 'T'),
      validateInput: (text) => inputError(() => checkManualSession(manualEnd(start, text), deps.now(), others, t, session.id)),
    });
    if (endText === undefined) return undefined;
    const note = await vscode.window.showInputBox({ title, prompt: t('Note'), value: session.note });
    if (note === undefined) return undefined;
    const end = manualEnd(start, endText);
    edit = { id: session.id, start: startText, end: end.end ? endText.trim() : undefined, minutes: end.minutes, note };
  }
  const key = edit.key ?? session.certKey;
  if (edit.key) requireTracked(deps, key);
  const start = edit.start ? parseLocalDateTime(edit.start, 'start', t) : new Date(Date.parse(session.start));
  const endInput = edit.end ? { end: parseLocalDateTime(edit.end, 'end', t) } : edit.minutes ? { minutes: edit.minutes } : edit.start ? { minutes: (Date.parse(session.end) - Date.parse(session.start)) / 60_000 } : { end: new Date(Date.parse(session.end)) };
  const span = checkManualSession({ start, ...endInput }, deps.now(), deps.store.sessions.all(), t, session.id);
  const edited: StudySession = {
    ...session,
    certKey: key,
    start: edit.start || edit.end || edit.minutes ? toOffsetInstant(span.start) : session.start,
    end: edit.start || edit.end || edit.minutes ? toOffsetInstant(span.end) : session.end,
    domainId: edit.domain !== undefined ? checkDomain(deps, key, edit.domain) : edit.key ? null : session.domainId,
    activity: edit.activity ?? session.activity,
    note: edit.note ?? session.note,
  };
  await deps.store.sessions.replaceAll(deps.store.sessions.all().map((s) => (s.id === session.id ? edited : s)));
  return edited;
}

/** `certStudy.deleteSession [{ id }]`: deletes with Undo; returns the deleted session. */
export async function deleteSessionCommand(deps: TimerCommandDeps, rawArg: unknown): Promise<StudySession | undefined> {
  const arg = parseCommandArg(DeleteSessionArgSchema, rawArg, t);
  const session = arg ? requireSession(deps, arg.id) : await pickSession(deps, t('Delete Study Session'));
  if (!session) return undefined;
  await deps.store.sessions.replaceAll(deps.store.sessions.all().filter((s) => s.id !== session.id));
  const undo = t('Undo');
  void vscode.window
    .showInformationMessage(t('Deleted the study session of {0}.', `${localText(session.start)}–${localText(session.end).slice(11)}`), undo)
    .then(async (choice) => {
      if (choice !== undo) return;
      try {
        await deps.store.sessions.append(session);
      } catch (err) {
        void vscode.window.showErrorMessage(t('Cert Study: Undo failed: {0}', err instanceof Error ? err.message : String(err)));
      }
    });
  return session;
}
