import * as z from 'zod';
import { CustomCertificationSchema, ProfileSchema, TrackedCertificationSchema } from '../model/tracking';
import { CertKeySchema, IsoDateSchema } from '../model/primitives';
import { CalendarExportStateSchema, CostItemSchema, PlanSchema, RoiInputsSchema, type CalendarExportState, type CostItem, type Plan, type RoiInputs } from '../model/plans';
import type { VersionedSpec } from './versioned';

/**
 * Everything kept in globalState: small, read often. The growing logs (sessions, practice exams)
 * live in files, so globalState stays a few KB after years of study.
 *
 * Version 1 is the first released schema, so the migration chains are empty; a change to a
 * schema bumps its version and adds the step `migrations[1] = (v1) => v2` with a fixture test.
 */
export const STATE_SPECS = {
  certifications: {
    name: 'certifications',
    version: 1,
    schema: z.array(TrackedCertificationSchema),
    itemSchema: TrackedCertificationSchema,
    identityOf: (item) => (item as { key: string }).key,
    fallback: [],
    migrations: {},
  } satisfies VersionedSpec<z.infer<typeof TrackedCertificationSchema>[]>,
  customCertifications: {
    name: 'customCertifications',
    version: 1,
    schema: z.array(CustomCertificationSchema),
    itemSchema: CustomCertificationSchema,
    identityOf: (item) => (item as { key: string }).key,
    fallback: [],
    migrations: {},
  } satisfies VersionedSpec<z.infer<typeof CustomCertificationSchema>[]>,
  profile: {
    name: 'profile',
    version: 1,
    schema: ProfileSchema.nullable(),
    fallback: null,
    migrations: {},
  } satisfies VersionedSpec<z.infer<typeof ProfileSchema> | null>,
  /** Per certification, the day the practice exam last reminded of fell due (see practice/reminders.ts). */
  practiceReminders: {
    name: 'practice reminders',
    version: 1,
    schema: z.record(CertKeySchema, IsoDateSchema),
    fallback: {},
    migrations: {},
  } satisfies VersionedSpec<Record<string, string>>,
  /** Renewal reminders already shown: `<key>@<expiry>` → the thresholds (90, 30, 7 days) reminded of. */
  renewalReminders: {
    name: 'renewal reminders',
    version: 1,
    schema: z.record(z.string().max(200), z.array(z.number().int().positive()).max(10)),
    fallback: {},
    migrations: {},
  } satisfies VersionedSpec<Record<string, number[]>>,
  /** Certification plans made from the article's stacks (see core/plans). */
  plans: {
    name: 'plans',
    version: 1,
    schema: z.array(PlanSchema).max(10),
    itemSchema: PlanSchema,
    identityOf: (item) => (item as { id: string }).id,
    fallback: [],
    migrations: {},
  } satisfies VersionedSpec<Plan[]>,
  /** Cost items per certification (exam fee, retakes, vouchers, courses): the money invested. */
  costs: {
    name: 'costs',
    version: 1,
    schema: z.record(CertKeySchema, z.array(CostItemSchema).max(50)),
    fallback: {} as Record<string, CostItem[]>,
    migrations: {},
  } satisfies VersionedSpec<Record<string, CostItem[]>>,
  /** The return-on-investment inputs beside the profile's billing rates: when the rate changed. */
  roi: {
    name: 'return-on-investment inputs',
    version: 1,
    schema: RoiInputsSchema,
    fallback: { rateChangedOn: null },
    migrations: {},
  } satisfies VersionedSpec<RoiInputs>,
  /**
   * The calendar export's id (part of every event UID), last file, and each event's last content
   * hash and SEQUENCE; null before the first export. Version 2 added `events` and `sequenceBase`
   * (issue 18: SEQUENCE was minutes since 2026, the same for two exports in one minute).
   */
  calendarExport: {
    name: 'calendar export',
    version: 2,
    schema: CalendarExportStateSchema.nullable(),
    fallback: null,
    migrations: {
      // Nothing is known of what version 1 exported: sequenceBase null starts every event above
      // the minute count version 1 wrote (see core/calendar/sequence.ts).
      1: (old) => (old === null || typeof old !== 'object' ? old : { ...(old as object), events: {}, sequenceBase: null }),
    },
  } satisfies VersionedSpec<CalendarExportState | null>,
};

export type StateSpecs = typeof STATE_SPECS;
export type StateKey = keyof StateSpecs;

/** The globalState key for a value: one namespace so nothing collides with VS Code's own keys. */
export function storageKeyOf(key: string): string {
  return `certStudy.${key}`;
}
