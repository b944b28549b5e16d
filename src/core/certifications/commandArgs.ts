import * as z from 'zod';
import { hoursToMinutes } from '../time/durations';
import { CERT_STATUSES } from '../model/tracking';
import { CertKeySchema, IsoDateSchema } from '../model/primitives';
import { formatIssuePath } from '../store/zodIssues';
import type { Localize } from '../util/localize';
import { asPlainText } from '../util/plainText';

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
 * a sentence naming the field and the rule it broke, with the value given for that field only
 * (`items[0].amountUsd: a cost cannot be negative, got -200`), in the practice-exam refusals'
 * style. A schema's own messages are kept; zod's generic ones are replaced by refusalRule's.
 */
export function parseCommandArg<T>(schema: ArgSchema<T>, arg: unknown, t: Localize): T | undefined {
  if (arg === undefined || arg === null) return undefined;
  const row = TreeRowId.safeParse(arg);
  const candidate = row.success ? row.data : arg;
  if (typeof candidate === 'string') {
    throw new ArgumentError(
      t('the command argument {0} is not one this command takes: expected an object such as { "key": "aws-mla-c01" } or a certification row id such as "cert:aws-mla-c01"', preview(arg)),
    );
  }
  const shape = typeof schema === 'function' ? schema(typeof candidate === 'object' ? candidate : {}) : schema;
  // A per-parse error map: used only where the schema gave no message of its own.
  const parsed = shape.safeParse(candidate, { error: (issue) => refusalRule(issue as unknown as IssueLike, t) });
  if (parsed.success) return parsed.data;
  throw new ArgumentError(describeRefusal(parsed.error.issues[0] as unknown as IssueLike & { path: PropertyKey[]; message: string }, candidate, shape, t));
}

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** The fields of a zod issue this file reads (raw issues in the error map, final ones after). */
interface IssueLike {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  divisor?: number | bigint;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: readonly (readonly IssueLike[])[];
  issues?: readonly IssueLike[];
  message?: string;
}

/** `a, b or c`. */
function oneOf(words: readonly string[], t: Localize): string {
  return words.length > 1 ? t('{0} or {1}', words.slice(0, -1).join(', '), words[words.length - 1]) : (words[0] ?? '');
}

/** What a value had to be, as words: "a number", "text", … */
function typeNoun(expected: string | undefined, t: Localize): string {
  switch (expected) {
    case 'number':
      return t('a number');
    case 'int':
      return t('a whole number');
    case 'string':
      return t('text');
    case 'boolean':
      return t('true or false');
    case 'object':
      return t('an object of named fields');
    case 'array':
      return t('a list');
    case 'null':
      return t('null');
    default:
      return expected ?? t('another kind of value');
  }
}

/**
 * The rule a value broke, as the part of a sentence that follows the field's name, for zod's
 * issue codes (zod's own messages, such as "Too small: expected number to be >=0", are for
 * developers). A schema's own message wins over this one; see parseCommandArg.
 */
export function refusalRule(issue: IssueLike, t: Localize): string {
  const bound = (n: number | bigint | undefined) => String(n);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && issue.expected !== 'undefined') return t('required, and not given');
      return t('must be {0}', typeNoun(issue.expected, t));
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('must not be empty') : t('must be at least {0} characters long', bound(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? t('must list at least one') : t('must list at least {0}', bound(issue.minimum));
      return issue.inclusive === false ? t('must be more than {0}', bound(issue.minimum)) : t('must be {0} or more', bound(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return t('must be at most {0} characters long', bound(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return t('must list at most {0}', bound(issue.maximum));
      return issue.inclusive === false ? t('must be less than {0}', bound(issue.maximum)) : t('must be at most {0}', bound(issue.maximum));
    case 'not_multiple_of':
      return t('must be a multiple of {0}', bound(issue.divisor));
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => JSON.stringify(v) ?? String(v));
      if (values.length === 1) return t('must be {0}', values[0]);
      return t('must be one of {0}', oneOf(values, t));
    }
    case 'invalid_format':
      return t('is not written the way this field expects');
    case 'unrecognized_keys':
      return t('not a field this command takes');
    case 'invalid_union': {
      const branches = issue.errors ?? [];
      // Every form refused the value's type: name the types it may have.
      if (branches.length && branches.every((b) => b[0]?.code === 'invalid_type')) {
        const nouns = [...new Set(branches.map((b) => typeNoun(b[0].expected, t)))];
        return t('must be {0}', oneOf(nouns, t));
      }
      const closest = branches.find((b) => b[0] && b[0].code !== 'invalid_type')?.[0];
      // Otherwise the form whose type matched says what is wrong (its message went through this map too).
      return closest ? (closest.message ?? refusalRule(closest, t)) : t('is not in a form this field takes');
    }
    case 'invalid_key': {
      const inner = issue.issues?.[0];
      return inner ? t('has a name that {0}', refusalRule(inner, t)) : t('has a name this field does not take');
    }
    default:
      return t('is not valid here');
  }
}

/** `items[0].amountUsd` from a zod path; empty for the argument itself. */
function fieldName(path: readonly PropertyKey[]): string {
  return formatIssuePath(path).replace(/^\./, '');
}

/** The refusal's sentence: the field, the rule, and the value given for that field (never the whole argument). */
function describeRefusal(issue: IssueLike & { path: PropertyKey[]; message: string }, candidate: unknown, schema: z.ZodType<unknown>, t: Localize): string {
  const rule = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    const at = fieldName(issue.path);
    const names = keys.map((k) => (at ? `${at}.${k}` : k)).join(', ');
    const known = fieldsAt(schema, issue.path);
    const it = keys.length > 1 ? t('not fields this command takes') : t('not a field this command takes');
    return known.length ? t('{0}: {1} (it takes {2})', names, it, known.join(', ')) : t('{0}: {1}', names, it);
  }
  if (issue.code === 'invalid_key') {
    // The path ends with the name that was refused: show it, not the value under it.
    const inner = issue.issues?.[0];
    const field = fieldName(issue.path.slice(0, -1)) || t('the command argument');
    return inner ? t('{0}: the name {1} {2}', field, preview(String(issue.path.at(-1))), inner.message ?? refusalRule(inner, t)) : t('{0}: {1}', field, rule);
  }
  const field = fieldName(issue.path);
  const given = valueAt(candidate, issue.path);
  if (!field) return given === undefined ? t('the command argument {0}', rule) : t('the command argument {0}, got {1}', rule, preview(given));
  return given === undefined ? t('{0}: {1}', field, rule) : t('{0}: {1}, got {2}', field, rule, preview(given));
}

/** The names of the fields an object schema takes at `path` (empty when it cannot tell). */
function fieldsAt(schema: z.ZodType<unknown>, path: readonly PropertyKey[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown; valueType?: unknown };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (s: unknown): unknown => {
    for (let def = defOf(s); def; def = defOf(s)) {
      if (def.innerType !== undefined) s = def.innerType;
      else if (def.type === 'pipe' && def.in !== undefined) s = def.in;
      else return s;
    }
    return s;
  };
  let at: unknown = unwrap(schema);
  for (const step of path) {
    const def = defOf(at);
    if (!def) return [];
    if (def.type === 'object' && def.shape && typeof step === 'string') at = unwrap(def.shape[step]);
    else if (def.type === 'array' && typeof step === 'number') at = unwrap(def.element);
    else if (def.type === 'record') at = unwrap(def.valueType);
    else return [];
  }
  const def = defOf(at);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/** Marks values JSON cannot show, so they can be written bare after stringifying. */
const BARE = '\u0000';

/**
 * A value as the caller wrote it: JSON, except that NaN and ±Infinity stay visible (JSON would
 * print null, which reads as a valid value) and what JSON cannot hold does not throw. Shortened:
 * a refusal shows the one field's value, not a dump.
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
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
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
