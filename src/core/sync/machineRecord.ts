import * as z from 'zod';
import { DomainIdSchema } from '../model/logs';
import { MonthSchema } from '../model/plans';
import { CALENDAR_DATE, CertKeySchema, IsoDateSchema, OffsetInstantSchema } from '../model/primitives';
import type { StoreProblem } from '../store/ports';
import { describeFirstIssue, formatIssuePath } from '../store/zodIssues';
import type { Steps } from '../util/slices';

/**
 * What one machine puts into Settings Sync: exactly one globalState key of its own,
 * `certStudy.sync.machine.<machineId>`. Settings Sync merges an extension's synced state per
 * key, and a key changed remotely wins over the same key changed locally; a machine that only
 * ever writes its own key therefore never has a write overwritten by another machine's, and
 * the merging of what the machines share happens here, item by item, with timestamps.
 *
 * Everything in here may come from another machine, another version of the extension, or a
 * hand-edited settings file: it is parsed with zod, and what fails is skipped and reported.
 */

export const MACHINE_KEY_PREFIX = 'certStudy.sync.machine.';
export const SYNC_RECORD_VERSION = 1;

/** Far above a real record (tens of KB): only here so a hostile value cannot make parsing expensive. */
export const MAX_RECORD_CHARS = 1_000_000;

/** A random id kept in a file beside the logs: windows (and browsers) sharing those logs are one machine. */
export const MachineIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'expected a machine id of 8 to 64 characters a-z, 0-9 and -');

export function machineKeyOf(machineId: string): string {
  return `${MACHINE_KEY_PREFIX}${machineId}`;
}

/** The machine id a synced key belongs to, or null when the key is not a machine record's. */
export function machineIdOfKey(key: string): string | null {
  if (!key.startsWith(MACHINE_KEY_PREFIX)) return null;
  const id = key.slice(MACHINE_KEY_PREFIX.length);
  return MachineIdSchema.safeParse(id).success ? id : null;
}

/**
 * An instant in UTC exactly as `Date.prototype.toISOString` writes it. One fixed form, so
 * "newer" is a plain string comparison that every machine makes the same way.
 */
export const UtcInstantSchema = z
  .string()
  .regex(new RegExp(`^${CALENDAR_DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$`), 'expected a UTC instant such as 2026-11-26T15:00:00.000Z');

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * One shared item: `certifications:<key>`, `customCertifications:<key>`, `plans:<stack id>`,
 * `costs:<key>`, `profile` or `roi`. The grammar leaves no room for `__proto__` and the like.
 */
export const ItemIdSchema = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^(?:(?:certifications|customCertifications|costs):(?:custom:)?${SLUG}|plans:${SLUG}|profile|roi)$`),
    'not a shared item id (certifications:<key>, plans:<id>, costs:<key>, profile, roi…)',
  );

/**
 * One item's latest version as a machine knows it: last writer wins, `updatedAt` first, then
 * the id of the machine that made the change (`by`), so two edits stamped in the same
 * millisecond resolve the same way everywhere. A removal stays as a tombstone (`deleted`), so
 * a machine that still has the item cannot bring it back. The value is checked against the
 * store's own schema for its item only when it is about to be applied (see sharedItems.ts).
 */
export const SharedEntrySchema = z
  .object({
    updatedAt: UtcInstantSchema,
    by: MachineIdSchema,
    deleted: z.literal(true).optional(),
    value: z.unknown().optional(),
  })
  .strict()
  .refine((e) => (e.deleted ? e.value === undefined : e.value !== undefined), {
    message: 'an entry holds either a value or deleted: true',
    path: ['value'],
  });

/** Study time per local day beyond which the figure is garbage: 31 days (a month bucket's most). */
const MAX_BUCKET_MS = 31 * 24 * 3_600_000;

/** `[bucket, ms]`: a local day `YYYY-MM-DD` (recent) or month `YYYY-MM` (older), and the exact milliseconds studied. */
const TimeBucketSchema = z.tuple([z.union([IsoDateSchema, MonthSchema]), z.number().int().min(1).max(MAX_BUCKET_MS)]);

/** `[certKey, domainId | null, buckets]`: one certification's time on one domain (null: untagged), oldest first. */
const TimeSeriesSchema = z.tuple([CertKeySchema.max(120), z.string().max(100).nullable(), z.array(TimeBucketSchema).max(2_000)]);

/** `[day, scores, domainScores]`: a local day's practice scores in the order taken, and the last one's percent per domain. */
const PracticeDaySchema = z.tuple([
  IsoDateSchema,
  z.array(z.number().min(0).max(100)).min(1).max(10),
  z.array(z.tuple([DomainIdSchema.max(100), z.number().min(0).max(100)])).max(50),
]);

const PracticeSeriesSchema = z.tuple([CertKeySchema.max(120), z.array(PracticeDaySchema).max(400)]);

const MAX_TIME_SERIES = 5_000;
const MAX_PRACTICE_SERIES = 500;

/**
 * This machine's own study, summarised so it stays small (see summary.ts): tuples rather than
 * objects, because the key names would otherwise be most of the bytes.
 */
export const SyncSummarySchema = z
  .object({
    time: z.array(TimeSeriesSchema).max(MAX_TIME_SERIES),
    practice: z.array(PracticeSeriesSchema).max(MAX_PRACTICE_SERIES),
  })
  .strict();

export const MachineRecordSchema = z
  .object({
    v: z.literal(SYNC_RECORD_VERSION),
    machineId: MachineIdSchema,
    /** When the record last changed, with the writer's offset (as everywhere else); informative only. */
    writtenAt: OffsetInstantSchema,
    shared: z.object({ items: z.record(ItemIdSchema, SharedEntrySchema) }).strict(),
    summary: SyncSummarySchema,
  })
  .strict();

export type SharedEntry = z.infer<typeof SharedEntrySchema>;
export type SyncSummary = z.infer<typeof SyncSummarySchema>;
export type TimeSeries = z.infer<typeof TimeSeriesSchema>;
export type PracticeSeries = z.infer<typeof PracticeSeriesSchema>;
export type PracticeDay = z.infer<typeof PracticeDaySchema>;
export type MachineRecord = z.infer<typeof MachineRecordSchema>;

export const EMPTY_SUMMARY: SyncSummary = { time: [], practice: [] };

/** The outer shape, checked first; the items and the summary are checked on their own so one bad part costs only that part. */
const EnvelopeSchema = z
  .object({
    v: z.literal(SYNC_RECORD_VERSION),
    machineId: MachineIdSchema,
    writtenAt: OffsetInstantSchema,
    shared: z.object({ items: z.unknown() }).strict(),
    summary: z.unknown(),
  })
  .strict();

export function syncProblem(storageKey: string, path: string, message: string): StoreProblem {
  return { where: `Settings Sync ${storageKey}${path}`, message, backupPath: null };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads another machine's record. Never throws: a record that is not one (wrong version, wrong
 * shape, under another machine's key) is skipped whole; a bad item or a bad summary is skipped
 * alone, and the rest of the record is used. Every skip is reported with its key and field.
 */
export function parseMachineRecord(storageKey: string, raw: unknown): { record: MachineRecord | null; problems: StoreProblem[] } {
  const fail = (path: string, message: string) => ({ record: null, problems: [syncProblem(storageKey, path, message)] });
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return fail('', 'is not JSON data; skipped');
  }
  if (size > MAX_RECORD_CHARS) return fail('', `is ${size} characters, more than a sync record can be (${MAX_RECORD_CHARS}); skipped`);
  if (!isPlainObject(raw)) return fail('', 'is not a sync record; skipped');
  if (typeof raw.v === 'number' && raw.v > SYNC_RECORD_VERSION) {
    return fail('.v', `written by a newer version of the extension (sync record v${raw.v}; this one reads v${SYNC_RECORD_VERSION}); skipped`);
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = describeFirstIssue(envelope.error);
    return fail(issue.path, `${issue.message}; the record is skipped`);
  }
  const expectedId = storageKey.slice(MACHINE_KEY_PREFIX.length);
  if (envelope.data.machineId !== expectedId) {
    // A record copied under another key would count that machine's hours twice.
    return fail('.machineId', `is ${envelope.data.machineId}, not the key's ${expectedId}; the record is skipped`);
  }

  const problems: StoreProblem[] = [];
  const items: Record<string, SharedEntry> = Object.create(null) as Record<string, SharedEntry>;
  const rawItems = envelope.data.shared.items;
  if (!isPlainObject(rawItems)) {
    problems.push(syncProblem(storageKey, '.shared.items', 'is not an object; no shared item is taken from this machine'));
  } else {
    // Object.keys, not zod's record: JSON.parse makes `__proto__` an own key, which zod drops silently.
    for (const id of Object.keys(rawItems)) {
      const where = `.shared.items[${JSON.stringify(id.slice(0, 80))}]`;
      if (!ItemIdSchema.safeParse(id).success) {
        problems.push(syncProblem(storageKey, where, 'is not a shared item id; skipped'));
        continue;
      }
      const entry = SharedEntrySchema.safeParse(rawItems[id]);
      if (!entry.success) {
        const issue = describeFirstIssue(entry.error);
        problems.push(syncProblem(storageKey, `${where}${issue.path}`, `${issue.message}; the item is skipped`));
        continue;
      }
      items[id] = entry.data;
    }
  }

  let summary = EMPTY_SUMMARY;
  const parsedSummary = SyncSummarySchema.safeParse(envelope.data.summary);
  if (parsedSummary.success) summary = parsedSummary.data;
  else {
    const issue = parsedSummary.error.issues[0];
    problems.push(syncProblem(storageKey, `.summary${issue ? formatIssuePath(issue.path) : ''}`, `${issue?.message ?? 'invalid'}; this machine's study time is not shown`));
  }
  const { v, machineId, writtenAt } = envelope.data;
  return { record: { v, machineId, writtenAt, shared: { items }, summary }, problems };
}

/** The summary's series counted, not read: each series is read on its own in machineRecordChecks. */
const SummaryOutlineSchema = z
  .object({
    time: z.array(z.unknown()).max(MAX_TIME_SERIES),
    practice: z.array(z.unknown()).max(MAX_PRACTICE_SERIES),
  })
  .strict();

/**
 * MachineRecordSchema's parse, a series at a time (core/util/slices.ts runs it in slices): ten
 * years' summary in one parse was a block of 30-60 ms in the extension host. The same checks in
 * the same order of fields, the same result; a failure throws the same ZodError, with its path
 * from the record's root.
 */
export function* machineRecordChecks(record: unknown): Steps<MachineRecord> {
  const whole: Record<string, unknown> = z.object({}).passthrough().parse(record);
  const envelope = MachineRecordSchema.parse({ ...whole, summary: EMPTY_SUMMARY });
  yield 'envelope';
  const outline = withPath(() => SummaryOutlineSchema.parse(whole.summary), ['summary']);
  const time: TimeSeries[] = [];
  for (const [i, series] of outline.time.entries()) {
    time.push(withPath(() => TimeSeriesSchema.parse(series), ['summary', 'time', i]));
    yield 'time series';
  }
  const practice: PracticeSeries[] = [];
  for (const [i, series] of outline.practice.entries()) {
    practice.push(withPath(() => PracticeSeriesSchema.parse(series), ['summary', 'practice', i]));
    yield 'practice series';
  }
  return { ...envelope, summary: { time, practice } };
}

/** Runs a parse of a part, giving its issues the path of the part in the record. */
function withPath<T>(parse: () => T, path: (string | number)[]): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof z.ZodError) throw new z.ZodError(err.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
    throw err;
  }
}
