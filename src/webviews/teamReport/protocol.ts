import * as z from 'zod';

/**
 * Messages between the team report's host (src/features/team/reportPanel.ts) and its page
 * (src/webviews/teamReport/main.ts). Both sides validate what they receive: the page posts only `ready`
 * and `exportCsv`; the host posts the report, built from files the lead picked, and those files.
 */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('exportCsv') }).strict(),
  /** The page could not use the host's message (HostMessageSchema): where and why, for the log. */
  z.object({ type: z.literal('refused'), reason: z.string().max(2000) }).strict(),
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

/**
 * The files a report was made from, as URI strings (`file:///…`, or the browser host's scheme):
 * the page keeps them as its webview state (`setState`), so after a window reload VS Code hands
 * them to the panel serializer, which reads the files again (src/features/team/reportPanel.ts). Only the
 * paths: the report itself, which names the whole team, is never kept in the workbench's storage.
 */
export const ReportSourcesSchema = z
  .object({
    files: z.array(z.string().min(1).max(8192)).min(1).max(1000),
    requirements: z.string().min(1).max(8192).nullable(),
  })
  .strict();
export type ReportSources = z.infer<typeof ReportSourcesSchema>;

/** What the page keeps with `setState`, and the serializer gets back after a reload. */
export const ReportViewStateSchema = z.object({ v: z.literal(1), sources: ReportSourcesSchema }).strict();
export type ReportViewState = z.infer<typeof ReportViewStateSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('report'), report: ReportSchema, sources: ReportSourcesSchema }).strict()]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
