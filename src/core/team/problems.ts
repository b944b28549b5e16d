import type * as z from 'zod';

/** Why a file was refused, said so a person can find it: which file, where in it, and what. */
export interface FileProblem {
  file: string;
  /** A JSONPath to the value, e.g. `$.certifications[2].examDate`; `$` is the whole file. */
  path: string;
  message: string;
}

/** How many problems of one file are reported; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 5;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['certifications', 2, 'examDate']` → `$.certifications[2].examDate`; odd keys are quoted. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : IDENTIFIER.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`))
      .join('')
  );
}

/**
 * A failed parse as problems, one per issue and at most one per path (the first is the most
 * specific: a refinement over a field that already failed only repeats it), capped. An unknown
 * key is named by its own path, and zod's "Invalid input: " prefix is dropped: the path says where.
 */
export function zodProblems(file: string, error: z.ZodError, max = MAX_PROBLEMS_PER_FILE): FileProblem[] {
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const at = jsonPath(issue.path);
    if (issue.code !== 'unrecognized_keys' && seen.has(at)) continue;
    seen.add(at);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file, path: jsonPath([...issue.path, key]), message: 'unknown key (not in this version of the format; additions belong under extensions)' });
      }
    } else if (issue.code === 'invalid_union' && issue.path.length > 0) {
      problems.push({ file, path: jsonPath(issue.path), message: 'expected a JSON value without the keys __proto__ or constructor' });
    } else {
      problems.push({ file, path: jsonPath(issue.path), message: plain(issue.message) });
    }
  }
  return cap(problems, max);
}

function plain(message: string): string {
  const m = message.replace(/^Invalid input: /, '');
  return /received undefined$/.test(m) ? 'missing (required)' : m;
}

export function cap(problems: FileProblem[], max = MAX_PROBLEMS_PER_FILE): FileProblem[] {
  if (problems.length <= max) return problems;
  const rest = problems.length - max;
  return [...problems.slice(0, max), { file: problems[0].file, path: '$', message: `and ${rest} more problem${rest === 1 ? '' : 's'}` }];
}

/** One line: `alice.certstudy.json: $.engineer.id: expected a UUID`. */
export function describeProblem(p: FileProblem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}
