import * as z from 'zod';
import { hoursToMinutes } from './certifications';
import { CERT_STATUSES } from './model/tracking';
import { CertKeySchema, IsoDateSchema } from './model/primitives';
import type { Localize } from './tree/localize';
import { asPlainText } from './util/plainText';

/**
 * The optional argument objects commands take, so keybindings, other extensions and tests can
 * skip the pickers. A certification row passes its id (`cert:<key>`), which is accepted too;
 * the ids of its child rows are not, so a stray child id can never remove the certification.
 */
const TreeRowId = z
  .string()
  .regex(/^cert:[^/]+$/)
  .transform((id) => ({ key: id.slice('cert:'.length) }));

export const CustomCertificationArgSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    provider: z.string().trim().min(1).max(100),
    domains: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    passMarkPercent: z.number().min(0).max(100).nullable().default(null),
    validityMonths: z.number().int().positive().max(240).nullable().default(null),
  })
  .strict();

export const MAX_TARGET_HOURS = 10_000;

const EditableFieldsSchema = z.object({
  examDate: IsoDateSchema.nullable().optional(),
  targetHours: z.number().nonnegative().max(MAX_TARGET_HOURS).nullable().optional(),
  costUsd: z.number().nonnegative().max(1_000_000).nullable().optional(),
  /** null clears the notes, like every other field. */
  notes: z
    .string()
    .max(10_000)
    .nullable()
    .transform((v) => v ?? '')
    .optional(),
  expiresOn: IsoDateSchema.nullable().optional(),
});

const CatalogAddArgSchema = z.object({ key: CertKeySchema }).extend(EditableFieldsSchema.shape).strict();
const CustomAddArgSchema = z.object({ custom: CustomCertificationArgSchema }).extend(EditableFieldsSchema.shape).strict();
export type AddArg = z.infer<typeof CatalogAddArgSchema> | z.infer<typeof CustomAddArgSchema>;

/**
 * Add takes one of two shapes, told apart by `custom`. An argument is checked against the shape
 * it is meant as: a union of both could only say "Invalid input", not which field is wrong.
 */
export const AddArgSchema = (arg: object): z.ZodType<AddArg> => ('custom' in arg ? CustomAddArgSchema : CatalogAddArgSchema);

export const EDITABLE_FIELDS = ['examDate', 'targetHours', 'costUsd', 'notes', 'status', 'expiresOn'] as const;

export const EditArgSchema = z
  .object({ key: CertKeySchema, field: z.enum(EDITABLE_FIELDS).optional(), status: z.enum(CERT_STATUSES).optional() })
  .extend(EditableFieldsSchema.shape)
  .strict();

export const SetStatusArgSchema = z.object({ key: CertKeySchema, status: z.enum(CERT_STATUSES).optional() }).strict();

export const RemoveArgSchema = z.object({ key: CertKeySchema, skipConfirmation: z.boolean().optional() }).strict();

export type EditArg = z.infer<typeof EditArgSchema>;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A schema, or for a command with several argument shapes, the pick of one for the argument given. */
export type ArgSchema<T> = z.ZodType<T> | ((arg: object) => z.ZodType<T>);

/**
 * Parses a command argument: a tree row id becomes `{ key }`; anything malformed is refused with
 * a message naming the field and showing its value as given.
 */
export function parseCommandArg<T>(schema: ArgSchema<T>, arg: unknown, t: Localize): T | undefined {
  if (arg === undefined || arg === null) return undefined;
  const row = TreeRowId.safeParse(arg);
  const candidate = row.success ? row.data : arg;
  if (typeof candidate === 'string') {
    throw new ArgumentError(
      t('unexpected command argument {0} ({1})', preview(arg), t('expected an object such as { "key": "aws-mla-c01" } or a certification row id such as "cert:aws-mla-c01"')),
    );
  }
  const shape = typeof schema === 'function' ? schema(typeof candidate === 'object' ? candidate : {}) : schema;
  const parsed = shape.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.');
  const given = valueAt(candidate, issue.path);
  const detail = !field
    ? t('argument: {0}', issue.message)
    : given === undefined
      ? t('{0}: {1}', field, issue.message)
      : t('{0}: {1}, got {2}', field, issue.message, preview(given));
  throw new ArgumentError(t('unexpected command argument {0} ({1})', preview(arg), detail));
}

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/** Marks values JSON cannot show, so they can be written bare after stringifying. */
const BARE = '\u0000';

/**
 * A value as the caller wrote it: JSON, except that NaN and ±Infinity stay visible (JSON would
 * print null, which reads as a valid value) and what JSON cannot hold does not throw. Shortened.
 */
function preview(value: unknown): string {
  let text: string;
  try {
    const json = JSON.stringify(value, (_key, v: unknown) =>
      (typeof v === 'number' && !Number.isFinite(v)) || typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? `${BARE}${String(v)}${BARE}` : v,
    ) as string | undefined;
    text = (json ?? String(value)).replace(/"\\u0000(.*?)\\u0000"/g, '$1');
  } catch {
    text = String(value); // a circular object
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Validates text typed as a date: says exactly what is wrong with it. Empty means "clear". */
export function validateDateInput(text: string, t: Localize): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // The box's message renders icons and links, so what was typed is shown as plain text.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return t('Use the format YYYY-MM-DD, e.g. 2026-12-19 (got "{0}")', asPlainText(trimmed.slice(0, 40)));
  return IsoDateSchema.safeParse(trimmed).success ? undefined : t('{0} is not a real calendar date', trimmed);
}

/** Validates a non-negative number typed into a box. Empty means "clear". */
export function validateNumberInput(text: string, max: number, t: Localize): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return t('"{0}" is not a number', asPlainText(trimmed.slice(0, 40)));
  if (n < 0) return t('Must not be negative');
  if (n > max) return t('Must be at most {0}', max);
  return undefined;
}

/** A study target typed in hours: one that rounds to no minutes is refused (see CertificationService). Empty means "no target". */
export function validateTargetHoursInput(text: string, t: Localize): string | undefined {
  const problem = validateNumberInput(text, MAX_TARGET_HOURS, t);
  if (problem || text.trim() === '') return problem;
  return hoursToMinutes(Number(text.trim())) === 0 ? t('That rounds to 0 minutes; leave it empty for no target') : undefined;
}
