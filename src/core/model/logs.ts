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

/**
 * A practice-exam score as the engineer entered it: a percent (`76`), correct answers out of
 * questions (`38/50`), or a score on the exam's own scale (`780` on 100-1000). Kept beside the
 * percent it converts to, so the conversion can be shown and redone.
 */
export const EnteredScoreSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100) }).strict(),
  z
    .object({ kind: z.literal('raw'), correct: z.number().int().nonnegative(), total: z.number().int().positive() })
    .strict()
    .refine((s) => s.correct <= s.total, { message: 'more correct answers than questions', path: ['correct'] }),
  z
    .object({ kind: z.literal('scaled'), score: z.number().nonnegative(), scaleMin: z.number().nonnegative(), scaleMax: z.number().positive() })
    .strict()
    .refine((s) => s.scaleMin < s.scaleMax && s.scaleMin <= s.score && s.score <= s.scaleMax, { message: 'score must lie on its scale', path: ['score'] }),
]);

/** A domain id of the certification's exam (see DomainSchema). */
export const DomainIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a domain id such as data-preparation');

/**
 * One practice exam (log version 2). `scorePercent` is what everything compares; `entered` is the
 * score as typed (null for records from version 1, which kept only the percent); `domainScores`
 * holds a percent per exam domain, where the practice test reported one.
 */
export const PracticeExamSchema = z
  .object({
    id: UuidSchema,
    certKey: CertKeySchema,
    takenAt: OffsetInstantSchema,
    scorePercent: z.number().min(0).max(100),
    entered: EnteredScoreSchema.nullable(),
    domainScores: z.record(DomainIdSchema, z.number().min(0).max(100)),
    /** Where the practice exam came from (e.g. "Official practice question set"). */
    source: z.string().max(200).nullable(),
    note: z.string().max(2_000),
  })
  .strict();

export type ActivityKind = z.infer<typeof ActivityKindSchema>;
export type StudySession = z.infer<typeof StudySessionSchema>;
export type PracticeExam = z.infer<typeof PracticeExamSchema>;
export type EnteredScore = z.infer<typeof EnteredScoreSchema>;
