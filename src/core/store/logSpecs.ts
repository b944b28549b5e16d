import { PracticeExamSchema, StudySessionSchema, type PracticeExam, type StudySession } from '../model/logs';
import type { LogSpec } from './logParse';

export const SESSIONS_LOG: LogSpec<StudySession> = {
  kind: 'cert-study-sessions',
  fileName: 'sessions.jsonl',
  version: 1,
  recordSchema: StudySessionSchema,
  migrations: {},
  idOf: (s) => s.id,
};

export const PRACTICE_EXAMS_LOG: LogSpec<PracticeExam> = {
  kind: 'cert-study-practice-exams',
  fileName: 'practice-exams.jsonl',
  version: 2,
  recordSchema: PracticeExamSchema,
  migrations: {
    // Version 2 adds the score as entered and the scores per domain. Version 1 kept only the
    // percent, so how it was entered is unknown (null), and there were no domain scores.
    1: (old) => (isPlainObject(old) ? { ...old, entered: null, domainScores: {} } : old),
  },
  idOf: (p) => p.id,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
