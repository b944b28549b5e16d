import * as z from 'zod';
import { CertKeySchema, OffsetInstantSchema, UuidSchema } from './primitives';

export const ACTIVITY_KINDS = ['reading', 'video', 'lab', 'practice', 'project', 'kaggle', 'pair', 'other'] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);

/**
 * One block of study. Start and end are instants with the user's UTC offset at the time, so the
 * duration is exact (computed, never stored) and the local calendar day can be recovered.
 */
export const StudySessionSchema = z
  .object({
    id: UuidSchema,
    certKey: CertKeySchema,
    start: OffsetInstantSchema,
    end: OffsetInstantSchema,
    domainId: z.string().max(100).nullable(),
    activity: ActivityKindSchema,
    source: z.enum(['timer', 'manual']),
    note: z.string().max(2_000),
  })
  .strict()
  .refine((s) => endsAfterStart(s.start, s.end), { message: 'a session cannot end before it starts', path: ['end'] });

/**
 * Two instants written the same way (same length, same ending: the same offset, or both in
 * `Z`) compare as text; only mixed forms need parsing. Saves two Date.parse calls per session
 * on every load.
 */
export function endsAfterStart(start: string, end: string): boolean {
  if (start.length === end.length && start.slice(-6) === end.slice(-6)) return end >= start;
  return Date.parse(end) >= Date.parse(start);
}

export const PracticeExamSchema = z
  .object({
    id: UuidSchema,
    certKey: CertKeySchema,
    takenAt: OffsetInstantSchema,
    scorePercent: z.number().min(0).max(100),
    /** Where the practice exam came from (e.g. "Official practice question set"). */
    source: z.string().max(200).nullable(),
    note: z.string().max(2_000),
  })
  .strict();

export type ActivityKind = z.infer<typeof ActivityKindSchema>;
export type StudySession = z.infer<typeof StudySessionSchema>;
export type PracticeExam = z.infer<typeof PracticeExamSchema>;
