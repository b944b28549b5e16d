import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { TrackedCertification } from '../model/tracking';
import type { Localize } from '../util/localize';
import { roundPercent } from '../catalog/percent';
import { nextPracticeDue, type PracticeDue } from './cadence';
import { passMarkOf, type PassMark } from './passMark';
import { passForecast, type Forecast } from './forecast';
import { readiness, type Readiness } from './readiness';
import type { PracticeSettings } from './settings';
import { weakestDomain, type WeakDomain } from './weakDomain';

/** Everything the views say about one certification's practice exams. */
export interface PracticeSummary {
  pass: PassMark;
  /** This certification's practice exams, oldest first. */
  exams: readonly PracticeExam[];
  latest: PracticeExam | null;
  /** Points the latest score moved since the one before; null with fewer than two. */
  trend: number | null;
  due: PracticeDue;
  readiness: Readiness;
  studyNext: WeakDomain | null;
  /** The expected practice score on exam day, with its range (core/practice/forecast.ts). */
  forecast: Forecast;
}

/** What a certification's practice summary is computed from. */
export interface PracticeSummaryInput {
  cert: TrackedCertification;
  entry: CatalogEntry | undefined;
  /** This certification's practice exams, in any order. */
  exams: readonly PracticeExam[];
  firstSessionDay: IsoDate | undefined;
  settings: PracticeSettings;
  now: Date;
}

export function practiceSummary(input: PracticeSummaryInput, t: Localize): PracticeSummary {
  const { cert, entry, settings, now } = input;
  const exams = [...input.exams].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const pass = passMarkOf(entry, settings.defaultPassPercent);
  const latest = exams.at(-1) ?? null;
  const previous = exams.at(-2) ?? null;
  return {
    pass,
    exams,
    latest,
    trend: latest && previous ? roundPercent(latest.scorePercent - previous.scorePercent) : null,
    due: nextPracticeDue({ cert, exams, firstSessionDay: input.firstSessionDay, intervalDays: settings.intervalDays, now }),
    readiness: readiness({ entry, exams, pass, settings }, t),
    studyNext: weakestDomain(entry, exams),
    forecast: passForecast({ exams, examDate: cert.examDate, pass, now }, t),
  };
}
