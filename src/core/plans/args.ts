import * as z from 'zod';
import { parseCommandArg } from '../certifications/commandArgs';
import { CostKindSchema, MonthSchema, StackIdSchema } from '../model/plans';
import { CertKeySchema, IsoDateSchema } from '../model/primitives';
import type { Localize } from '../util/localize';

/**
 * The argument objects of the plan, cost and calendar commands (see commandArgs.ts for how a
 * refusal names the field). A plan row's id (`plan:<id>`) and a planned certification's row id
 * (`plan:<id>/<key>`) stand for `{ plan }` and `{ plan, key }`.
 */

const ChoicesSchema = z.record(z.string().max(60), CertKeySchema.nullable());

/** `certStudy.applyStack { stack, startMonth?, choices? }` */
export const ApplyStackArgSchema = z.object({ stack: StackIdSchema, startMonth: MonthSchema.optional(), choices: ChoicesSchema.optional() }).strict();

/** `certStudy.editPlan { plan, startMonth? }` shifts the plan; `{ plan, key, startMonth?, endMonth? }` sets one certification's months. */
export const EditPlanArgSchema = z
  .object({ plan: StackIdSchema, key: CertKeySchema.optional(), startMonth: MonthSchema.optional(), endMonth: MonthSchema.optional() })
  .strict()
  .refine((a) => a.key !== undefined || a.endMonth === undefined, { message: 'endMonth needs the key of the certification it is for', path: ['endMonth'] })
  .refine((a) => !a.startMonth || !a.endMonth || a.startMonth <= a.endMonth, { message: 'the start month is after the end month', path: ['startMonth'] });

/** `certStudy.removePlan { plan }`: the certifications stay. */
export const RemovePlanArgSchema = z.object({ plan: StackIdSchema }).strict();

const AmountSchema = z
  .number({ error: 'expected an amount in USD (a number)' })
  .nonnegative('a cost cannot be negative')
  .max(1_000_000, 'at most 1,000,000 USD');

export const CostItemArgSchema = z
  .object({ kind: CostKindSchema, amountUsd: AmountSchema, note: z.string().trim().max(200).optional() })
  .strict()
  .transform((i) => ({ kind: i.kind, amountUsd: i.amountUsd, note: i.note ?? '' }));

/** `certStudy.editCosts { key, items? }`: `items` replaces the certification's cost items (`[]` clears them). */
export const EditCostsArgSchema = z.object({ key: CertKeySchema, items: z.array(CostItemArgSchema).max(50).optional() }).strict();

const RateSchema = z
  .number({ error: 'expected a billing rate in USD an hour (a number)' })
  .nonnegative('a billing rate cannot be negative')
  .max(100_000, 'at most 100,000 USD an hour')
  .nullable();

/** `certStudy.setBillingRates { baseline?, current?, changedOn? }` (null clears a value). */
export const SetBillingRatesArgSchema = z.object({ baseline: RateSchema.optional(), current: RateSchema.optional(), changedOn: IsoDateSchema.nullable().optional() }).strict();

/** `certStudy.exportCalendar { path }`: writes there without the save dialog. */
export const ExportCalendarArgSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

const PlanRowId = /^plan:([a-z0-9-]+)(?:\/(.+))?$/;

/** Parses an argument, turning a plan row id into `{ plan }` or `{ plan, key }` first. */
export function parsePlanArg<T>(schema: z.ZodType<T>, arg: unknown, t: Localize): T | undefined {
  if (typeof arg === 'string') {
    const m = PlanRowId.exec(arg);
    if (m) return parseCommandArg(schema, m[2] !== undefined ? { plan: m[1], key: m[2] } : { plan: m[1] }, t);
  }
  return parseCommandArg(schema, arg, t);
}

/** Validates a month typed into a box. */
export function validateMonthInput(text: string, t: Localize): string | undefined {
  return MonthSchema.safeParse(text.trim()).success ? undefined : t('Use the format YYYY-MM, e.g. 2027-01');
}
