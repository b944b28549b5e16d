import * as z from 'zod';

/**
 * Messages between the team report's host (src/team/reportPanel.ts) and its page
 * (src/team/page/main.ts). Both sides validate what they receive: the page posts only `ready`
 * and `exportCsv`; the host posts the report, built from files the lead picked.
 */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('exportCsv') }).strict(),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

const text = z.string();
const date = z.string().nullable();
const ref = { engineerId: text, engineer: text };
const Status = z.enum(['planned', 'studying', 'scheduled', 'passed', 'expired', 'failed']);

export const ReportSchema = z.object({
  today: text,
  horizonDays: z.number(),
  engineers: z.array(z.object({ id: text, name: text, email: text.nullable(), role: text.nullable(), file: text, exportedAt: text })),
  columns: z.array(z.object({ key: text, name: text, provider: text })),
  matrix: z.array(z.array(z.object({ status: Status, examDate: date, expiresOn: date, held: z.boolean() }).nullable())),
  expiring: z.array(z.object({ ...ref, key: text, name: text, expiresOn: text, daysLeft: z.number() })),
  pipeline: z.array(
    z.object({
      ...ref,
      key: text,
      name: text,
      status: z.enum(['scheduled', 'studying']),
      examDate: date,
      studyMinutes: z.number(),
      targetMinutes: z.number().nullable(),
      latestPracticePercent: z.number().nullable(),
    }),
  ),
  requirements: z
    .array(
      z.object({
        client: text,
        platform: text,
        requires: z.array(z.array(z.object({ key: text, name: text }))),
        coveredBy: z.array(z.object({ ...ref, expiresOn: date })),
        inPipeline: z.array(z.object({ ...ref, examDate: date })),
        gap: z.boolean(),
      }),
    )
    .nullable(),
  problems: z.array(z.object({ file: text, path: text, message: text })),
  refusedFiles: z.array(text),
  superseded: z.array(z.object({ file: text, by: text })),
  fileCount: z.number(),
});
export type ReportData = z.infer<typeof ReportSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('report'), report: ReportSchema }).strict()]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
