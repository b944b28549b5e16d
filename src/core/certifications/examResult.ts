import type { CatalogEntry } from '../model/catalog';
import type { IsoDate } from '../model/primitives';
import type { TrackedCertification } from '../model/tracking';
import type { Localize } from '../util/localize';
import { localToday } from '../time/localDays';

export interface ExamResultInput {
  passed: boolean;
  date: IsoDate;
  /** On the exam's own scale from the catalog (a percent for a custom certification). */
  score: number | null;
}

export class ExamResultError extends Error {
  constructor(
    message: string,
    readonly field: 'date' | 'score',
  ) {
    super(message);
    this.name = 'ExamResultError';
  }
}

/** The scale a real exam's score is given on: the catalog's, or percent when unknown or custom. */
export function scoreScaleOf(entry: CatalogEntry | undefined): { min: number; max: number; label: string } {
  const p = entry?.passingScore;
  if (!p) return { min: 0, max: 100, label: '0-100' };
  return { min: p.scaleMin, max: p.scaleMax, label: `${p.scaleMin}-${p.scaleMax}` };
}

/**
 * Records a real exam attempt. A pass sets the day earned (the exam's date) and so the expiry
 * from the catalog's validity rule (or the custom one), and clears an expiry entered for an
 * earlier pass; a fail keeps the plan (target, hours) and the booking is over. The attempt is
 * kept in the certification's history either way.
 */
export function applyExamResult(cert: TrackedCertification, entry: CatalogEntry | undefined, result: ExamResultInput, now: Date, t: Localize): TrackedCertification {
  if (result.date > localToday(now)) throw new ExamResultError(t('date: {0} is in the future; record a result once the exam is taken', result.date), 'date');
  const lifecycle = entry?.lifecycle;
  if (lifecycle && (lifecycle.state === 'retired' || lifecycle.state === 'closed') && lifecycle.since && result.date > lifecycle.since) {
    throw new ExamResultError(t('date: {0} retired on {1}; no exam could be taken on {2}', entry!.shortName, lifecycle.since, result.date), 'date');
  }
  const scale = scoreScaleOf(entry);
  if (result.score !== null && (!Number.isFinite(result.score) || result.score < scale.min || result.score > scale.max)) {
    throw new ExamResultError(t('score: {0} is outside the exam\'s scale {1}', String(result.score), scale.label), 'score');
  }
  const attempt = { takenOn: result.date, passed: result.passed, score: result.score, scale: result.score === null ? null : scale.label };
  const attempts = [...cert.attempts, attempt].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
  if (result.passed) {
    return { ...cert, status: 'passed', earnedOn: result.date, expiresOnOverride: null, attempts, examDate: cert.examDate && cert.examDate <= result.date ? cert.examDate : null };
  }
  return { ...cert, status: 'failed', attempts };
}
