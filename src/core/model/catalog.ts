import * as z from 'zod';
import { CertKeySchema, IsoDateSchema, RangeSchema } from './primitives';

/**
 * Lifecycle of an exam. `retired` and `closed` carry the date they stopped (null when the
 * sources do not say) so the picker can tell the user "retired since 2026-03-31".
 */
export const LifecycleSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active'), note: z.string().nullable() }).strict(),
  z.object({ state: z.literal('retired'), since: IsoDateSchema.nullable(), note: z.string().nullable() }).strict(),
  z.object({ state: z.literal('closed'), since: IsoDateSchema.nullable(), note: z.string().nullable() }).strict(),
  z.object({ state: z.literal('unknown'), note: z.string().nullable() }).strict(),
]);

/** A passing score on the exam's own scale, e.g. 750 on 100-1000, or 70 on 0-100 (percent). */
export const PassingScoreSchema = z
  .object({ score: z.number().nonnegative(), scaleMin: z.number().nonnegative(), scaleMax: z.number().positive() })
  .strict()
  .refine((p) => p.scaleMin <= p.score && p.score <= p.scaleMax, 'score must lie on its scale');

export const DomainSchema = z
  .object({
    /** Stable slug within the certification, used by study sessions to tag a domain. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    /** Exam weight in percent; a range where the guide gives one (20-25 %); null when unknown. */
    weightPercent: RangeSchema.nullable(),
  })
  .strict();

export const SourceSchema = z
  .object({
    id: z.string().min(1),
    url: z.string().min(1),
    kind: z.enum(['official', 'mirror', 'third-party']),
    /** Date the source itself carries, when it has one. */
    dated: z.string().nullable(),
  })
  .strict();

/**
 * One certification as the catalog knows it. Every fact that is unknown or disputed is `null`
 * (shown as "unknown"); `disputes` says what the sources disagree on, so nothing is invented.
 */
export const CatalogEntrySchema = z
  .object({
    key: CertKeySchema,
    name: z.string().min(1),
    shortName: z.string().min(1).max(40),
    provider: z.string().min(1),
    examCode: z.string().nullable(),
    lifecycle: LifecycleSchema,
    successorKeys: z.array(CertKeySchema),
    durationMinutes: z.number().int().positive().nullable(),
    questionCount: RangeSchema.nullable(),
    format: z.string().nullable(),
    passingScore: PassingScoreSchema.nullable(),
    feeUsd: z.number().nonnegative().nullable(),
    /** Months a pass stays valid; null when unknown. `expires: false` means it never expires. */
    validity: z
      .object({ expires: z.boolean().nullable(), months: z.number().int().positive().nullable(), renewal: z.string().nullable() })
      .strict(),
    prerequisites: z.object({ required: z.array(z.string()), recommended: z.array(z.string()) }).strict(),
    domains: z.array(DomainSchema),
    /** The source article's recommended study hours, where it gives them. */
    recommendedStudyHours: RangeSchema.nullable(),
    disputes: z.array(z.string()),
    sources: z.array(SourceSchema).min(1),
    checkedOn: IsoDateSchema,
  })
  .strict();

export type Lifecycle = z.infer<typeof LifecycleSchema>;
export type PassingScore = z.infer<typeof PassingScoreSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type CatalogSource = z.infer<typeof SourceSchema>;
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
