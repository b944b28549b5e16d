import * as z from 'zod';
import { CERT_STATUSES } from './model/tracking';
import { CertKeySchema, IsoDateSchema } from './model/primitives';
import type { Localize } from './tree/localize';

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

const EditableFieldsSchema = z.object({
  examDate: IsoDateSchema.nullable().optional(),
  targetHours: z.number().nonnegative().max(10_000).nullable().optional(),
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

export const AddArgSchema = z.union([
  z.object({ key: CertKeySchema }).extend(EditableFieldsSchema.shape).strict(),
  z.object({ custom: CustomCertificationArgSchema }).extend(EditableFieldsSchema.shape).strict(),
]);

export const EDITABLE_FIELDS = ['examDate', 'targetHours', 'costUsd', 'notes', 'status', 'expiresOn'] as const;

export const EditArgSchema = z
  .object({ key: CertKeySchema, field: z.enum(EDITABLE_FIELDS).optional(), status: z.enum(CERT_STATUSES).optional() })
  .extend(EditableFieldsSchema.shape)
  .strict();

export const SetStatusArgSchema = z.object({ key: CertKeySchema, status: z.enum(CERT_STATUSES).optional() }).strict();

export const RemoveArgSchema = z.object({ key: CertKeySchema, skipConfirmation: z.boolean().optional() }).strict();

export type AddArg = z.infer<typeof AddArgSchema>;
export type EditArg = z.infer<typeof EditArgSchema>;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Parses a command argument: a tree row id becomes `{ key }`; anything malformed is a clear error. */
export function parseCommandArg<T>(schema: z.ZodType<T>, arg: unknown): T | undefined {
  if (arg === undefined || arg === null) return undefined;
  const row = TreeRowId.safeParse(arg);
  const candidate = row.success ? row.data : arg;
  if (typeof candidate === 'string') {
    throw new ArgumentError(arg, 'expected an object such as { "key": "aws-mla-c01" } or a certification row id such as "cert:aws-mla-c01"');
  }
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'argument';
    throw new ArgumentError(arg, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export class ArgumentError extends Error {
  constructor(arg: unknown, detail?: string) {
    super(`unexpected command argument ${safePreview(arg)}${detail ? ` (${detail})` : ''}`);
    this.name = 'ArgumentError';
  }
}

function safePreview(arg: unknown): string {
  try {
    const text = JSON.stringify(arg);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(arg);
  }
}

/** Validates text typed as a date: says exactly what is wrong with it. Empty means "clear". */
export function validateDateInput(text: string, t: Localize): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return t('Use the format YYYY-MM-DD, e.g. 2026-12-19 (got "{0}")', trimmed.slice(0, 40));
  return IsoDateSchema.safeParse(trimmed).success ? undefined : t('{0} is not a real calendar date', trimmed);
}

/** Validates a non-negative number typed into a box. Empty means "clear". */
export function validateNumberInput(text: string, max: number, t: Localize): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return t('"{0}" is not a number', trimmed.slice(0, 40));
  if (n < 0) return t('Must not be negative');
  if (n > max) return t('Must be at most {0}', max);
  return undefined;
}
