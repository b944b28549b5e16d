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

/** An event UID as the calendar export makes them (see core/calendar/events.ts eventUid). */
const EventUidSchema = z.string().min(1).max(300);

/** How an event was last exported: its content's hash and the SEQUENCE it carried. */
export const ExportedEventSchema = z
  .object({
    hash: z.string().regex(/^[0-9a-f]{32}$/),
    sequence: z.number().int().nonnegative().max(2_147_483_647),
  })
  .strict();

/** At most this many events are remembered (a few per certification ever tracked). */
export const MAX_EXPORTED_EVENTS = 1_000;

/** The calendar export's own small state (version 2: `events` and `sequenceBase` added; see stateSpecs.ts). */
export const CalendarExportStateSchema = z
  .object({
    /** Made once, at the first export: part of every event's UID, so re-imports update events. */
    id: UuidSchema,
    /** Where the last export went, offered again by the save dialog. */
    lastPath: z.string().max(4096).nullable(),
    /**
     * Per event UID, the event as last exported: its SEQUENCE rises only when its content
     * changed (see core/calendar/sequence.ts). Kept for events no longer exported too, so one
     * that comes back (an exam date set again) goes on from its last number.
     */
    events: z.record(EventUidSchema, ExportedEventSchema).refine((r) => Object.keys(r).length <= MAX_EXPORTED_EVENTS, `at most ${MAX_EXPORTED_EVENTS} events`),
    /**
     * The SEQUENCE an event not exported before starts at: 0 for a state made by this version;
     * null after the migration from version 1, whose exports wrote minutes since 2026 as every
     * event's SEQUENCE: the next export sets it above all of those (see sequence.ts).
     */
    sequenceBase: z.number().int().nonnegative().max(2_147_483_647).nullable(),
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
export type ExportedEvent = z.infer<typeof ExportedEventSchema>;
