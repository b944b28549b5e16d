import * as z from 'zod';
import { CALENDAR_DATE } from '../model/primitives';
import { consistencyProblems } from './consistency';

/**
 * The team format, version 1 (../shared/team-format.md): one file per engineer, what an agency's
 * certification lead needs and nothing more personal. This zod schema is the one source of
 * truth: the JSON Schema shipped in media/schemas/ is generated from `TeamFileShape`.
 *
 * Every rule here is one JSON Schema can say too (patterns, not refinements), so the generated
 * schema accepts and refuses the same files. The two rules it cannot say (weeks start on a
 * Monday and follow each other; one entry per certification) are `consistencyProblems`, checked
 * by `TeamFileSchema` on top.
 */
export const TEAM_FORMAT = 'cert-study-team';
export const TEAM_FORMAT_VERSION = 1;
/** Larger files are refused before they are parsed. */
export const MAX_TEAM_FILE_BYTES = 5 * 1024 * 1024;
/** How many ISO weeks `weeklyStudy` holds. */
export const WEEKS_IN_FILE = 26;

// Patterns carry no flags except `u`, which JSON Schema validators apply anyway (ajv compiles
// every pattern with it), so both sides count characters as code points.
const DATE_PATTERN = new RegExp(`^${CALENDAR_DATE}$`);
const INSTANT_PATTERN = new RegExp(`^${CALENDAR_DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$`);
const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const KEY_PATTERN = /^(custom:)?[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME_PATTERN = /^[\s\S]{1,200}$/u;
/** Keys that would reach an object's prototype when copied by assignment, refused everywhere. */
export const RESERVED_KEYS = ['__proto__', 'constructor'] as const;
const SAFE_KEY_PATTERN = /^(?!(?:__proto__|constructor)$)/;

/** A type error's message: a missing value says so, a wrong one says what was expected. */
export const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'missing (required)' : `expected ${what}`);
const text = () => z.string({ error: expected('text') });
const nullableText = () => z.string({ error: expected('text or null') }).nullable();
const number = (what = 'a number') => z.number({ error: expected(what) });

export const TeamDateSchema = z.string({ error: expected('a date as YYYY-MM-DD') }).regex(DATE_PATTERN, 'expected a real calendar date as YYYY-MM-DD');
const nullableDate = () => TeamDateSchema.nullable().meta({ description: 'YYYY-MM-DD, or null' });
const minutes = () => z.number({ error: expected('whole minutes') }).int('expected whole minutes').min(0, 'minutes cannot be negative');

const SafeKeySchema = z.string().regex(SAFE_KEY_PATTERN, 'the key __proto__ or constructor is not allowed');
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const JsonValueSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(SafeKeySchema, JsonValueSchema)]),
);

export const PracticeEntrySchema = z
  .object({
    takenOn: TeamDateSchema,
    scorePercent: number('a percent from 0 to 100').min(0, 'a percent cannot be below 0').max(100, 'a percent cannot be above 100'),
    source: nullableText(),
  })
  .strict();

export const AttemptEntrySchema = z
  .object({
    takenOn: TeamDateSchema,
    passed: z.boolean({ error: expected('true or false') }),
    score: number('a number or null').nullable(),
    scale: nullableText().meta({ description: 'the exam\'s own scale, e.g. "100-1000"' }),
  })
  .strict();

export const TEAM_STATUSES = ['planned', 'studying', 'scheduled', 'passed', 'expired', 'failed'] as const;

export const TeamCertificationSchema = z
  .object({
    key: text().regex(KEY_PATTERN, 'expected a key such as aws-mla-c01 or custom:my-cert'),
    name: text(),
    provider: text(),
    status: z.enum(TEAM_STATUSES, { error: expected(`one of ${TEAM_STATUSES.join(', ')}`) }),
    examDate: nullableDate(),
    earnedOn: nullableDate(),
    expiresOn: nullableDate(),
    studyMinutes: minutes(),
    targetMinutes: minutes().nullable(),
    practiceExams: z.array(PracticeEntrySchema, { error: expected('a list') }).meta({ description: 'oldest first' }),
    attempts: z.array(AttemptEntrySchema, { error: expected('a list') }),
    costUsd: number('a number of dollars or null').min(0, 'a cost cannot be negative').nullable(),
  })
  .strict();

export const EngineerSchema = z
  .object({
    id: text().regex(UUID_PATTERN, 'expected a UUID').meta({ description: 'stable UUID, kept across exports; the merge key' }),
    name: text().regex(NAME_PATTERN, 'expected a name of 1 to 200 characters'),
    email: nullableText(),
    role: nullableText(),
    billingRateUsd: z
      .object({ baseline: number('a number or null').nullable(), current: number('a number or null').nullable() })
      .strict()
      .meta({ description: 'hourly rates, to track the change at certification milestones' }),
  })
  .strict();

export const WeekEntrySchema = z
  .object({
    weekStart: TeamDateSchema.meta({ description: 'the Monday the ISO week starts on' }),
    minutes: minutes(),
  })
  .strict();

/** The file's shape: what the JSON Schema says. */
export const TeamFileShape = z
  .object({
    format: z.literal(TEAM_FORMAT, { error: expected(`"${TEAM_FORMAT}"`) }),
    version: z.literal(TEAM_FORMAT_VERSION, { error: expected(String(TEAM_FORMAT_VERSION)) }),
    exportedAt: text().regex(INSTANT_PATTERN, 'expected an ISO 8601 timestamp with offset on a real calendar day, e.g. 2026-11-26T08:15:00-07:00'),
    generator: z.object({ name: text(), version: text() }).strict(),
    engineer: EngineerSchema,
    certifications: z.array(TeamCertificationSchema, { error: expected('a list') }),
    weeklyStudy: z
      .array(WeekEntrySchema, { error: expected('a list') })
      .length(WEEKS_IN_FILE, `expected the last ${WEEKS_IN_FILE} ISO weeks`)
      .meta({ description: `the last ${WEEKS_IN_FILE} ISO weeks, oldest first, one after another` }),
    extensions: z.record(SafeKeySchema, JsonValueSchema, { error: expected('an object') }).optional().meta({ description: 'free-form; round-trips untouched' }),
  })
  .strict()
  .meta({ title: 'Cert Study Tracker team format, version 1' });

/** The whole rule set: the shape, the reserved keys anywhere, and the consistency rules. */
export const TeamFileSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    for (const path of reservedKeyPaths(value)) ctx.addIssue({ code: 'custom', path, message: 'the key __proto__ or constructor is not allowed' });
  })
  .pipe(
    TeamFileShape.superRefine((file, ctx) => {
      for (const p of consistencyProblems(file)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    }),
  );

export type TeamFile = z.infer<typeof TeamFileShape>;
export type TeamCertification = z.infer<typeof TeamCertificationSchema>;
export type TeamEngineer = z.infer<typeof EngineerSchema>;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
export type WeekEntry = z.infer<typeof WeekEntrySchema>;

/**
 * Where `__proto__` or `constructor` appears as a key, at any depth. JSON.parse makes such keys
 * ordinary own properties, but a copy by assignment (as validators do) would set a prototype or
 * silently drop the key, so they are refused before anything reads the file.
 */
export function reservedKeyPaths(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = [], limit = 20): (string | number)[][] {
  if (found.length >= limit || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => reservedKeyPaths(item, [...path, i], found, limit));
    return found;
  }
  for (const key of Object.keys(value)) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) found.push([...path, key]);
    else reservedKeyPaths((value as Record<string, unknown>)[key], [...path, key], found, limit);
    if (found.length >= limit) break;
  }
  return found;
}
