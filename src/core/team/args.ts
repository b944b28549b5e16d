import * as z from 'zod';

/**
 * The optional argument objects of the team commands (see core/certifications/commandArgs.ts): each skips the
 * command's dialogs, so keybindings, other extensions and tests can drive it.
 */
const PathSchema = z.string().min(1, 'expected a file path');

export const ExportTeamArgSchema = z
  .object({
    /** Where the JSON goes (`format: "csv"`: the CSV). With "both", the CSV goes beside it. */
    path: PathSchema,
    format: z.enum(['json', 'csv', 'both']).default('json'),
  })
  .strict();

const RateSchema = z.number().nonnegative().max(100_000).nullable();

export const ProfileArgSchema = z
  .object({
    name: z.string().trim().min(1, 'expected a name').max(200),
    email: z.string().trim().max(320).nullable(),
    role: z.string().trim().max(200).nullable(),
    billingRateUsd: z.object({ baseline: RateSchema.optional(), current: RateSchema.optional() }).strict(),
  })
  .partial()
  .strict();

export const BackupArgSchema = z.object({ path: PathSchema }).strict();

export const RestoreArgSchema = z
  .object({
    path: PathSchema,
    /** Without a mode, the dialog shows the dry run and asks. */
    mode: z.enum(['replace', 'merge']).optional(),
    /** Only compute and return what would change. */
    dryRun: z.boolean().optional(),
  })
  .strict();

export const TeamReportArgSchema = z
  .object({
    /** Team files, or folders whose `*.certstudy.json` files are read. */
    files: z.array(PathSchema).min(1, 'expected at least one team file or folder'),
    requirements: PathSchema.nullable().optional(),
    /** Also write the merged table there, as the report's Export CSV does. */
    csv: PathSchema.optional(),
  })
  .strict();

export type ExportTeamArg = z.infer<typeof ExportTeamArgSchema>;
export type ProfileArg = z.infer<typeof ProfileArgSchema>;
export type RestoreArg = z.infer<typeof RestoreArgSchema>;
export type TeamReportArg = z.infer<typeof TeamReportArgSchema>;
