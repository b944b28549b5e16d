import * as vscode from 'vscode';
import { parseCommandArg, validateDateInput } from '../../core/certifications/commandArgs';
import type { CatalogEntry } from '../../core/model/catalog';
import type { PracticeExam } from '../../core/model/logs';
import { DeletePracticeArgSchema, EditPracticeArgSchema, practiceRowArg, RecordPracticeArgSchema, type PracticeField } from '../../core/practice/args';
import { formatPercent } from '../../core/catalog/percent';
import type { PracticeInput, PracticePatch, PracticeService } from '../../core/practice/practiceService';
import { enteredAsInput, formatEntered, parseScore } from '../../core/practice/score';
import { formatRange } from '../../core/catalog/facts';
import { localDayOf, localToday } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import type { Log } from '../../platform/log';
import { pickTracked } from '../../platform/prompts';
import { t } from '../../platform/l10n';

/** Only the fields the argument gave. */
function patchFrom(arg: PracticePatch): PracticePatch {
  const patch: Record<string, unknown> = {};
  for (const field of ['date', 'score', 'source', 'domains', 'note'] as const) {
    if (arg[field] !== undefined) patch[field] = arg[field];
  }
  return patch as PracticePatch;
}

/**
 * `certStudy.recordPracticeExam [{ key, date?, score?, source?, domains?, note? }]`
 * With a score, records it without asking (the date defaults to today); without one, asks for
 * what is missing. Returns the recorded practice exam, or undefined when cancelled.
 */
export async function recordPracticeExam(service: PracticeService, rawArg: unknown): Promise<PracticeExam | undefined> {
  const arg = parseCommandArg(RecordPracticeArgSchema, practiceRowArg(rawArg), t);
  if (arg?.score !== undefined) return service.record({ ...arg, score: arg.score });
  const catalog = service.catalog();
  const key = arg?.key ?? (await pickTracked(service.tracked(), catalog, t('Record Practice Exam')));
  if (!key) return undefined;
  const entry = catalog.get(key);
  const name = asPlainText(entry?.shortName ?? key);
  const title = t('Record Practice Exam: {0}', name);
  const date = arg?.date ?? (await askExamDate(title, localToday(new Date())));
  if (!date) return undefined;
  const score = await askScore(title, entry, '');
  if (score === undefined) return undefined;
  const lastSource = service.examsOf(key).find((e) => e.source)?.source ?? null;
  const source = arg?.source !== undefined ? arg.source : await askSource(title, lastSource);
  if (source === undefined) return undefined;
  const domains = arg?.domains ?? (await askDomainScores(title, entry, {}, { offerSkip: true }));
  if (domains === undefined) return undefined;
  const input: PracticeInput = { key, date, score, source, domains, note: arg?.note };
  return service.record(input);
}

/**
 * `certStudy.editPracticeExam [{ id, field?, date?, score?, source?, domains?, note? } | { key }]`
 * With values, sets them without asking (`domains` replaces all domain scores); with `field`,
 * asks only for that. Returns the practice exam as saved, or undefined when cancelled.
 */
export async function editPracticeExam(service: PracticeService, rawArg: unknown): Promise<PracticeExam | undefined> {
  const arg = parseCommandArg(EditPracticeArgSchema, practiceRowArg(rawArg), t);
  if (arg && 'id' in arg) {
    const given = patchFrom(arg);
    if (Object.keys(given).length) return service.update(arg.id, given);
  }
  const exam = arg && 'id' in arg ? service.require(arg.id) : await pickExam(service, arg?.key, t('Edit Practice Exam'));
  if (!exam) return undefined;
  const entry = service.catalog().get(exam.certKey);
  const title = t('Edit Practice Exam: {0}, {1}', asPlainText(entry?.shortName ?? exam.certKey), localDayOf(exam.takenAt));
  const field = (arg && 'field' in arg ? arg.field : undefined) ?? (await pickField(exam, entry, title));
  if (!field) return undefined;
  const patch = await askField(exam, entry, field, title);
  return patch ? service.update(exam.id, patch) : undefined;
}

/**
 * `certStudy.deletePracticeExam [{ id } | { key }]`
 * Deletes at once and offers Undo. Returns the deleted practice exam.
 */
export async function deletePracticeExam(service: PracticeService, rawArg: unknown, log: Log): Promise<PracticeExam | undefined> {
  const arg = parseCommandArg(DeletePracticeArgSchema, practiceRowArg(rawArg), t);
  const exam = arg && 'id' in arg ? service.require(arg.id) : await pickExam(service, arg?.key, t('Delete Practice Exam'));
  if (!exam) return undefined;
  const removed = await service.remove(exam.id);
  const name = asPlainText(service.catalog().get(removed.certKey)?.shortName ?? removed.certKey);
  const undo = t('Undo');
  // Not awaited: the command finishes now; Undo stays available while the notification shows.
  void vscode.window
    .showInformationMessage(t('Deleted the practice exam of {0} ({1} %) for {2}.', localDayOf(removed.takenAt), formatPercent(removed.scorePercent), name), undo)
    .then(async (choice) => {
      if (choice !== undo) return;
      try {
        await service.restore(removed);
      } catch (err) {
        void log.showError(t('Undo'), err);
      }
    });
  return removed;
}

/** Picks a practice exam: of `key`, or of a certification picked first. Latest first. */
async function pickExam(service: PracticeService, key: string | undefined, title: string): Promise<PracticeExam | undefined> {
  const catalog = service.catalog();
  const certKey = key ?? (await pickTracked(service.tracked(), catalog, title));
  if (!certKey) return undefined;
  const exams = service.examsOf(certKey);
  const name = asPlainText(catalog.get(certKey)?.shortName ?? certKey);
  if (exams.length === 0) {
    void vscode.window.showInformationMessage(t('No practice exams recorded for {0} yet.', name));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    exams.map((e) => ({
      exam: e,
      label: localDayOf(e.takenAt),
      description: [`${formatPercent(e.scorePercent)} %`, e.entered && e.entered.kind !== 'percent' ? formatEntered(e.entered) : null].filter(Boolean).join(' · '),
      // A source is typed by the user, and quick picks render `$(icon)` in these texts.
      detail: e.source ? asPlainText(e.source) : undefined,
      iconPath: new vscode.ThemeIcon('checklist'),
    })),
    { title: `${title}: ${name}`, placeHolder: t('Pick a practice exam') },
  );
  return picked?.exam;
}

async function pickField(exam: PracticeExam, entry: CatalogEntry | undefined, title: string): Promise<PracticeField | undefined> {
  const domainCount = Object.keys(exam.domainScores).length;
  const fields: { field: PracticeField; label: string; description: string; icon: string }[] = [
    { field: 'date', label: t('Date'), description: localDayOf(exam.takenAt), icon: 'calendar' },
    { field: 'score', label: t('Score'), description: `${formatPercent(exam.scorePercent)} %`, icon: 'checklist' },
    { field: 'source', label: t('Source'), description: exam.source ? asPlainText(exam.source) : t('none'), icon: 'book' },
    { field: 'note', label: t('Note'), description: asPlainText(exam.note.slice(0, 60)), icon: 'note' },
  ];
  if (entry?.domains.length) fields.splice(2, 0, { field: 'domains', label: t('Domain scores'), description: t('{0} of {1} scored', domainCount, entry.domains.length), icon: 'list-tree' });
  const picked = await vscode.window.showQuickPick(
    fields.map((f) => ({ ...f, iconPath: new vscode.ThemeIcon(f.icon) })),
    { title, placeHolder: t('What do you want to change?') },
  );
  return picked?.field;
}

async function askField(exam: PracticeExam, entry: CatalogEntry | undefined, field: PracticeField, title: string): Promise<PracticePatch | undefined> {
  switch (field) {
    case 'date': {
      const date = await askExamDate(title, localDayOf(exam.takenAt));
      return date ? { date } : undefined;
    }
    case 'score': {
      const score = await askScore(title, entry, enteredAsInput(exam.entered, exam.scorePercent));
      return score === undefined ? undefined : { score };
    }
    case 'source': {
      const source = await askSource(title, exam.source);
      return source === undefined ? undefined : { source };
    }
    case 'domains': {
      const domains = await askDomainScores(title, entry, exam.domainScores, { offerSkip: false });
      return domains === undefined ? undefined : { domains };
    }
    case 'note': {
      const note = await vscode.window.showInputBox({ title, prompt: t('Note (kept on this machine)'), value: exam.note });
      return note === undefined ? undefined : { note };
    }
  }
}

/** The day the practice exam was taken: not in the future. */
async function askExamDate(title: string, value: string): Promise<string | undefined> {
  const date = await vscode.window.showInputBox({
    title,
    prompt: t('Day you took it, in your local calendar'),
    value,
    placeHolder: 'YYYY-MM-DD',
    validateInput: (text) => {
      const trimmed = text.trim();
      if (trimmed === '') return t('Required');
      const problem = validateDateInput(trimmed, t);
      if (problem) return problem;
      return trimmed > localToday(new Date()) ? t('{0} is in the future: record a practice exam once you have taken it', trimmed) : undefined;
    },
  });
  return date?.trim();
}

async function askScore(title: string, entry: CatalogEntry | undefined, value: string): Promise<string | undefined> {
  const scale = entry?.passingScore ?? null;
  const onScale = scale && !(scale.scaleMin === 0 && scale.scaleMax === 100) ? t(', or a score on the exam\'s {0}–{1} scale as score/{1}', scale.scaleMin, scale.scaleMax) : '';
  const score = await vscode.window.showInputBox({
    title,
    prompt: t('Score: a percent (76), correct answers/questions (38/50){0}', onScale),
    value,
    validateInput: (text) => {
      const parsed = parseScore(text, scale, t);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  return score?.trim();
}

/** Returns null for "no source", undefined for "cancelled". */
async function askSource(title: string, value: string | null): Promise<string | null | undefined> {
  const source = await vscode.window.showInputBox({
    title,
    prompt: t('Source (optional): e.g. official practice test, a course, a question bank'),
    value: value ?? '',
    validateInput: (text) => (text.trim().length > 200 ? t('At most {0} characters', 200) : undefined),
  });
  if (source === undefined) return undefined;
  return source.trim() === '' ? null : source.trim();
}

/**
 * A score per exam domain, one box each (empty skips the domain). With `offerSkip`, asks first
 * whether to enter any. Returns the scores as typed, or undefined when cancelled.
 */
async function askDomainScores(
  title: string,
  entry: CatalogEntry | undefined,
  current: Readonly<Record<string, number>>,
  { offerSkip }: { offerSkip: boolean },
): Promise<Record<string, string> | undefined> {
  const domains = entry?.domains ?? [];
  if (domains.length === 0) return {};
  if (offerSkip) {
    const skip = { label: t('No domain scores'), description: t('only the overall score'), enter: false };
    const enter = { label: t('Enter a score per domain…'), description: t('{0} domains; any can be left empty', domains.length), enter: true };
    const picked = await vscode.window.showQuickPick([skip, enter], { title, placeHolder: t('Did the practice test report scores per exam domain?') });
    if (!picked) return undefined;
    if (!picked.enter) return {};
  }
  const scores: Record<string, string> = {};
  for (const [i, d] of domains.entries()) {
    const weight = formatRange(d.weightPercent, ' %') ?? t('unknown');
    const value = await vscode.window.showInputBox({
      title,
      prompt: t('{0} (weight {1}): percent or correct/questions; empty to skip ({2}/{3})', asPlainText(d.name), weight, i + 1, domains.length),
      value: current[d.id] === undefined ? '' : formatPercent(current[d.id]),
      validateInput: (text) => {
        if (text.trim() === '') return undefined;
        const parsed = parseScore(text, null, t);
        return parsed.ok ? undefined : parsed.message;
      },
    });
    if (value === undefined) return undefined;
    if (value.trim() !== '') scores[d.id] = value.trim();
  }
  return scores;
}
