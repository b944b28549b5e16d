import { mergeSteps, type MergeResult, type TeamInput } from './merge';
import type { FileProblem } from './problems';
import { buildTeamReport, type TeamReport } from './report';
import { readRequirementsFile } from './requirements';
import { runSteps, type Steps } from '../util/slices';

/** Names of team files inside a folder: `*.certstudy.json`, in name order. */
export function teamFilesIn(names: readonly string[]): string[] {
  return names.filter((n) => n.toLowerCase().endsWith('.certstudy.json')).sort();
}

/**
 * The whole report from file contents, as both the VS Code command and the command line build
 * it: the team files merged, the requirements file (if any) read; a refused requirements file
 * is reported with the others and the report is made without it. `merged` holds the winning
 * files, for the merged CSV.
 */
export function teamReportFrom(
  inputs: readonly TeamInput[],
  requirements: TeamInput | null,
  today: string,
  nameOf?: (key: string) => string | undefined,
  extraProblems: FileProblem[] = [],
): { report: TeamReport; merged: MergeResult } {
  return runSteps(teamReportSteps(inputs, requirements, today, nameOf, extraProblems));
}

/** The same report a part at a time (core/util/slices.ts): a file, then the requirements, then the report. */
export function* teamReportSteps(
  inputs: readonly TeamInput[],
  requirements: TeamInput | null,
  today: string,
  nameOf?: (key: string) => string | undefined,
  extraProblems: FileProblem[] = [],
): Steps<{ report: TeamReport; merged: MergeResult }> {
  const merged = yield* mergeSteps(inputs);
  const problems = [...extraProblems];
  let reqs = null;
  if (requirements && 'unreadable' in requirements) {
    problems.push({ file: requirements.file, path: '$', message: requirements.unreadable });
  } else if (requirements) {
    const read = readRequirementsFile(requirements.file, requirements.bytes);
    if (read.ok) reqs = read.value;
    else problems.push(...read.problems);
  }
  yield 'requirements';
  const report = buildTeamReport(merged, { today, requirements: reqs, fileCount: inputs.length, nameOf, extraProblems: problems });
  const refused = new Set([...report.refusedFiles, ...problems.map((p) => p.file)]);
  return { report: { ...report, refusedFiles: [...refused] }, merged };
}
