import type * as z from 'zod';

/** Formats a zod issue's path as `[2].examDate` so messages point at the exact field. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** The first issue of a failed parse, as `path: message`. */
export function describeFirstIssue(error: z.ZodError, prefix = ''): { path: string; message: string } {
  const issue = error.issues[0];
  const path = `${prefix}${issue ? formatIssuePath(issue.path) : ''}`;
  return { path, message: issue?.message ?? 'invalid value' };
}
