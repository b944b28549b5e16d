import * as vscode from 'vscode';
import { parseCommandArg } from '../../core/certifications/commandArgs';
import type { CertificationService } from '../../core/certifications/certificationService';
import { ExamResultError, scoreScaleOf } from '../../core/certifications/examResult';
import { ClearExamDateArgSchema, RecordExamResultArgSchema, SetExamDateArgSchema, type RecordExamResultArg } from '../../core/exam/args';
import type { TrackedCertification } from '../../core/model/tracking';
import { calendarDaysUntil, localToday } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import { askDate, pickTracked } from '../../platform/prompts';
import { t } from '../../platform/l10n';

const nameOf = (service: CertificationService, key: string) => asPlainText(service.catalog().get(key)?.shortName ?? key);

/** Exams still to take, for the pickers: not passed (a renewal re-plans a certification first). */
const bookable = (list: readonly TrackedCertification[]) => list.filter((c) => c.status !== 'passed');

export async function setExamDateCommand(service: CertificationService, rawArg: unknown, now: () => Date): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(SetExamDateArgSchema, rawArg, t);
  const key = arg?.key ?? (await pickTracked(bookable(service.tracked()), service.catalog(), t('Set Exam Date')));
  if (!key) return undefined;
  const cert = service.require(key);
  const date = arg?.date ?? (await askDate(t('Set Exam Date: {0}', nameOf(service, key)), cert.examDate, t('The exam day, YYYY-MM-DD (your local calendar)')));
  if (!date) return undefined;
  if (calendarDaysUntil(date, now()) < 0 && !arg?.confirmPast) {
    // A past date is history (an exam taken before the tracker): only on purpose.
    const record = t('Record as History');
    const choice = await vscode.window.showWarningMessage(
      t('{0} is in the past. Record it as the date of an exam already taken?', date),
      { modal: true, detail: t('To book an upcoming exam, pick a date from today on. To record a result, use Record Exam Result.') },
      record,
    );
    if (choice !== record) return undefined;
  }
  return service.update(key, { examDate: date });
}

export async function clearExamDateCommand(service: CertificationService, rawArg: unknown): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(ClearExamDateArgSchema, rawArg, t);
  const key = arg?.key ?? (await pickTracked(service.tracked().filter((c) => c.examDate), service.catalog(), t('Clear Exam Date')));
  if (!key) return undefined;
  return service.update(key, { examDate: null });
}

/**
 * `certStudy.recordExamResult`: a pass sets the day earned and the expiry; a fail keeps the plan
 * and offers to book the retake. Returns the certification as recorded.
 */
export async function recordExamResultCommand(service: CertificationService, rawArg: unknown, now: () => Date): Promise<TrackedCertification | undefined> {
  const arg = parseCommandArg(RecordExamResultArgSchema, rawArg, t);
  const input = arg ?? (await askResult(service, now));
  if (!input) return undefined;
  let recorded: TrackedCertification;
  try {
    recorded = await service.recordExamResult(input.key, { passed: input.result === 'passed', date: input.date, score: input.score ?? null });
  } catch (err) {
    if (err instanceof ExamResultError) throw new Error(t('Record Exam Result: {0}', err.message), { cause: err });
    throw err;
  }
  const name = nameOf(service, input.key);
  if (input.result === 'failed') {
    const retake = t('Set Retake Date');
    void vscode.window.showInformationMessage(t('Recorded the {0} attempt. Your plan and hours stay; book the retake when you are ready.', name), retake).then((choice) => {
      if (choice === retake) void vscode.commands.executeCommand('certStudy.setExamDate', { key: input.key });
    });
  } else {
    void vscode.window.showInformationMessage(t('Congratulations on {0}!', name));
  }
  return recorded;
}

async function askResult(service: CertificationService, now: () => Date): Promise<RecordExamResultArg | undefined> {
  const title = t('Record Exam Result');
  const key = await pickTracked(bookable(service.tracked()), service.catalog(), title);
  if (!key) return undefined;
  const result = await vscode.window.showQuickPick(
    [
      { result: 'passed' as const, label: t('$(pass) Passed') },
      { result: 'failed' as const, label: t('$(error) Failed') },
    ],
    { title, placeHolder: t('How did the exam go?') },
  );
  if (!result) return undefined;
  const today = localToday(now());
  const date = await askDate(title, service.get(key)?.examDate ?? today, t('The day you took the exam, YYYY-MM-DD'));
  if (!date) return undefined;
  const scale = scoreScaleOf(service.catalog().get(key));
  const scoreText = await vscode.window.showInputBox({
    title,
    prompt: t('Your score on the {0} scale (optional)', scale.label),
    validateInput: (text) => {
      if (text.trim() === '') return undefined;
      const n = Number(text.trim());
      return Number.isFinite(n) && n >= scale.min && n <= scale.max ? undefined : t('A number from {0} to {1}', scale.min, scale.max);
    },
  });
  if (scoreText === undefined) return undefined;
  return { key, result: result.result, date, score: scoreText.trim() === '' ? undefined : Number(scoreText.trim()) };
}
