import * as z from 'zod';
import { CertKeySchema, IsoDateSchema, NonNegativeIntSchema, OffsetInstantSchema, UuidSchema } from './primitives';
import { DomainSchema } from './catalog';

export const CERT_STATUSES = ['planned', 'studying', 'scheduled', 'passed', 'failed', 'expired'] as const;
export const CertStatusSchema = z.enum(CERT_STATUSES);

/** A real exam attempt (not a practice exam). `score` is on the exam's own scale, e.g. "100-1000". */
export const ExamAttemptSchema = z
  .object({
    takenOn: IsoDateSchema,
    passed: z.boolean(),
    score: z.number().nonnegative().nullable(),
    scale: z.string().max(40).nullable(),
  })
  .strict();

/** A certification the engineer chose to track. Small; lives in globalState. */
export const TrackedCertificationSchema = z
  .object({
    key: CertKeySchema,
    status: CertStatusSchema,
    /** The booked exam date in the engineer's local calendar. */
    examDate: IsoDateSchema.nullable(),
    targetMinutes: NonNegativeIntSchema.nullable(),
    costUsd: z.number().nonnegative().nullable(),
    notes: z.string().max(10_000),
    addedAt: OffsetInstantSchema,
    /** Date of the passing attempt; set when the status becomes passed. */
    earnedOn: IsoDateSchema.nullable(),
    /** An expiry the engineer entered; null means "compute it from the catalog's validity rule". */
    expiresOnOverride: IsoDateSchema.nullable(),
    attempts: z.array(ExamAttemptSchema),
  })
  .strict();

/** A certification the engineer defined themselves (key `custom:<slug>`). */
export const CustomCertificationSchema = z
  .object({
    key: CertKeySchema.refine((k) => k.startsWith('custom:'), 'custom certification keys start with custom:'),
    name: z.string().min(1).max(200),
    provider: z.string().min(1).max(100),
    domains: z.array(DomainSchema).max(50),
    /** Pass mark in percent, when known. */
    passMarkPercent: z.number().min(0).max(100).nullable(),
    validityMonths: z.number().int().positive().max(240).nullable(),
  })
  .strict();

export const ProfileSchema = z
  .object({
    engineerId: UuidSchema,
    name: z.string().max(200),
    email: z.string().max(320).nullable(),
    role: z.string().max(200).nullable(),
    billingRateUsd: z
      .object({ baseline: z.number().nonnegative().nullable(), current: z.number().nonnegative().nullable() })
      .strict(),
  })
  .strict();

export type CertStatus = z.infer<typeof CertStatusSchema>;
export type ExamAttempt = z.infer<typeof ExamAttemptSchema>;
export type TrackedCertification = z.infer<typeof TrackedCertificationSchema>;
export type CustomCertification = z.infer<typeof CustomCertificationSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
