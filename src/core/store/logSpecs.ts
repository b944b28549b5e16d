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
  version: 1,
  recordSchema: PracticeExamSchema,
  migrations: {},
  idOf: (p) => p.id,
};
