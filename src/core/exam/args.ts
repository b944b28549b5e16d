import * as z from 'zod';
import { CertKeySchema, IsoDateSchema } from '../model/primitives';

/**
 * The optional argument objects of the exam commands (see core/certifications/commandArgs.ts for how a refusal
 * names the field). Here, not beside the commands, so the unit tests can check them in plain Node.
 */

/** `certStudy.setExamDate [{ key, date?, confirmPast? }]`: `confirmPast` records a past date as history without asking. */
export const SetExamDateArgSchema = z.object({ key: CertKeySchema, date: IsoDateSchema.optional(), confirmPast: z.boolean().optional() }).strict();

/** `certStudy.clearExamDate [{ key }]` */
export const ClearExamDateArgSchema = z.object({ key: CertKeySchema }).strict();

/** `certStudy.recordExamResult [{ key, result, date, score? }]`: the score on the exam's own scale (a percent for a custom certification). */
export const RecordExamResultArgSchema = z
  .object({ key: CertKeySchema, result: z.enum(['passed', 'failed']), date: IsoDateSchema, score: z.number().optional() })
  .strict();

export type RecordExamResultArg = z.infer<typeof RecordExamResultArgSchema>;
