import * as z from 'zod';

/**
 * A real calendar date as a regular expression: days per month, and 29 February only in leap
 * years. One definition for dates and instants; inside the pattern the check costs almost
 * nothing, where a refinement per value added a millisecond to loading ten years of sessions.
 */
export const CALENDAR_DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';

/** A calendar day in the user's local calendar, `YYYY-MM-DD`. Validated as a real date, not just a shape. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .regex(new RegExp(`^${CALENDAR_DATE}$`), 'not a real calendar date');

/**
 * An instant with the UTC offset the user had when it happened, e.g. `2026-11-26T08:15:00.000-07:00`.
 * Keeping the offset lets us recover the user's local day even after they move time zones,
 * while `Date.parse` still gives the exact instant for durations.
 */
export const OffsetInstantSchema = z
  .string()
  .regex(
    new RegExp(`^${CALENDAR_DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$`),
    'expected an ISO 8601 timestamp with offset on a real calendar day, e.g. 2026-11-26T08:15:00-07:00',
  );

export const NonNegativeIntSchema = z.number().int().nonnegative();

/** Keys of catalog entries (`aws-mla-c01`) and custom certifications (`custom:my-cert`). */
export const CertKeySchema = z
  .string()
  .regex(/^(custom:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a key such as aws-mla-c01 or custom:my-cert');

export const UuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID');

/** An inclusive range; an exact figure has min === max. */
export const RangeSchema = z
  .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .strict()
  .refine((r) => r.min <= r.max, 'range min must not exceed max');

export type IsoDate = z.infer<typeof IsoDateSchema>;
export type OffsetInstant = z.infer<typeof OffsetInstantSchema>;
export type CertKey = z.infer<typeof CertKeySchema>;
export type Range = z.infer<typeof RangeSchema>;

