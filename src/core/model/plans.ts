import * as z from 'zod';
import { CertKeySchema, IsoDateSchema, OffsetInstantSchema, UuidSchema } from './primitives';

/** A calendar month, `YYYY-MM`, in the engineer's local calendar. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, e.g. 2027-01');

export const STACK_IDS = ['full-stack', 'enterprise', 'specialized'] as const;
export const StackIdSchema = z.enum(STACK_IDS);

/** One certification of a plan and the months it is planned for (inclusive). */
export const PlanItemSchema = z
  .object({
    key: CertKeySchema,
    /** The template slot it fills (its notes, e.g. which retired exam it replaces, come from the template). */
    slot: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
    startMonth: MonthSchema,
    endMonth: MonthSchema,
  })
  .strict()
  .refine((i) => i.startMonth <= i.endMonth, 'startMonth must not be after endMonth');

/**
 * A certification plan made from one of the source article's stacks. Its id is the stack's id
 * (one plan per stack); month 1 of the stack is `startMonth`.
 */
export const PlanSchema = z
  .object({
    id: StackIdSchema,
    startMonth: MonthSchema,
    createdAt: OffsetInstantSchema,
    items: z.array(PlanItemSchema).max(20),
  })
  .strict();

export const COST_KINDS = ['exam', 'retake', 'voucher', 'course', 'other'] as const;
export const CostKindSchema = z.enum(COST_KINDS);

/** One cost of a certification: the exam fee, a retake, a voucher, a course, anything else. */
export const CostItemSchema = z
  .object({
    kind: CostKindSchema,
    amountUsd: z.number().nonnegative().max(1_000_000),
    note: z.string().max(200),
  })
  .strict();

/** What the return-on-investment figures need beside the profile's billing rates. */
export const RoiInputsSchema = z
  .object({
    /** The day the current billing rate took effect: the start of "weeks since the rate changed". */
    rateChangedOn: IsoDateSchema.nullable(),
  })
  .strict();

/** The calendar export's own small state. */
export const CalendarExportStateSchema = z
  .object({
    /** Made once, at the first export: part of every event's UID, so re-imports update events. */
    id: UuidSchema,
    /** Where the last export went, offered again by the save dialog. */
    lastPath: z.string().max(4096).nullable(),
  })
  .strict();

export type Month = z.infer<typeof MonthSchema>;
export type StackId = z.infer<typeof StackIdSchema>;
export type PlanItem = z.infer<typeof PlanItemSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type CostKind = z.infer<typeof CostKindSchema>;
export type CostItem = z.infer<typeof CostItemSchema>;
export type RoiInputs = z.infer<typeof RoiInputsSchema>;
export type CalendarExportState = z.infer<typeof CalendarExportStateSchema>;
