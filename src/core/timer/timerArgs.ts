import * as z from 'zod';
import { ActivityKindSchema } from '../model/logs';
import { CertKeySchema, UuidSchema } from '../model/primitives';

/** Local wall-clock date and time as typed: `2026-10-05T10:00` (seconds optional). Checked further by parseLocalDateTime. */
const LocalDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'expected a local date and time such as 2026-10-05T08:00');

/** `certStudy.startTimer [{ key, domain?, activity?, note? }]`: the given fields skip their pickers. */
export const StartTimerArgSchema = z
  .object({
    key: CertKeySchema,
    domain: z.string().max(100).nullable().optional(),
    activity: ActivityKindSchema.optional(),
    note: z.string().max(2_000).optional(),
    /** What to do when a timer already runs: ask (default), or keep the running one. */
    ifRunning: z.enum(['ask', 'keep']).optional(),
  })
  .strict();

export const DiscardTimerArgSchema = z.object({ skipConfirmation: z.boolean().optional() }).strict();

/** `certStudy.logStudyTime [{ key, start, end | minutes, domain?, activity?, note? }]` */
/** What a session after the fact can say besides its certification and start. */
const SessionFieldsSchema = z.object({
  end: LocalDateTimeSchema.optional(),
  minutes: z.number().positive().max(24 * 60).optional(),
  domain: z.string().max(100).nullable().optional(),
  activity: ActivityKindSchema.optional(),
  note: z.string().max(2_000).optional(),
});

export const LogStudyTimeArgSchema = z
  .object({ key: CertKeySchema, start: LocalDateTimeSchema })
  .extend(SessionFieldsSchema.shape)
  .strict()
  .refine((a) => (a.end === undefined) !== (a.minutes === undefined), { message: 'give either end or minutes', path: ['end'] });

/** `certStudy.editSession [{ id, key?, start?, end?, minutes?, domain?, activity?, note? }]`: given fields are set. */
export const EditSessionArgSchema = z
  .object({ id: UuidSchema, key: CertKeySchema.optional(), start: LocalDateTimeSchema.optional() })
  .extend(SessionFieldsSchema.shape)
  .strict()
  .refine((a) => a.end === undefined || a.minutes === undefined, { message: 'give end or minutes, not both', path: ['minutes'] });

export const DeleteSessionArgSchema = z.object({ id: UuidSchema }).strict();
