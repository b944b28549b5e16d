import { instantMs } from '../time/clock';
import type { FileProblem } from './problems';
import { readTeamFile } from './read';
import type { TeamFile } from './schema';
import { runSteps, type Steps } from '../util/slices';

/**
 * One file given to the merge, by the name it is reported by (its path or base name): its
 * contents, or why it could not be read (missing, too large to load), so it is refused by name.
 */
export type TeamInput = { file: string; bytes: Uint8Array | string } | { file: string; unreadable: string };

export interface MergedEngineer {
  file: string;
  team: TeamFile;
}

export interface MergeResult {
  /** One per engineer: the file with the latest `exportedAt`. Sorted by name. */
  engineers: MergedEngineer[];
  /** Every file that was refused, with its problems; the others merged. */
  problems: FileProblem[];
  refusedFiles: string[];
  /** Older exports of an engineer (or an identical copy), not used. */
  superseded: { file: string; by: string }[];
}

/**
 * The team lead's merge: files are matched on `engineer.id`; for one engineer the file with the
 * latest `exportedAt` wins, whole. Two files with the same id and the same `exportedAt` but
 * different content are a conflict: both are refused and the engineer is left out, since which
 * one is current cannot be told. A file that fails validation is refused with its problems;
 * the others still merge.
 */
export function mergeTeamFiles(inputs: readonly TeamInput[]): MergeResult {
  return runSteps(mergeSteps(inputs));
}

/** The same merge a file at a time (core/util/slices.ts): each file's checks are a step. */
export function* mergeSteps(inputs: readonly TeamInput[]): Steps<MergeResult> {
  const problems: FileProblem[] = [];
  const refused = new Set<string>();
  const superseded: { file: string; by: string }[] = [];
  const byEngineer = new Map<string, MergedEngineer[]>();
  for (const input of inputs) {
    const read = 'unreadable' in input ? { ok: false as const, problems: [{ file: input.file, path: '$', message: input.unreadable }] } : readTeamFile(input.file, input.bytes);
    if (!read.ok) {
      problems.push(...read.problems);
      refused.add(input.file);
      continue;
    }
    const id = read.value.engineer.id.toLowerCase();
    byEngineer.set(id, [...(byEngineer.get(id) ?? []), { file: input.file, team: read.value }]);
    yield 'team file';
  }

  const engineers: MergedEngineer[] = [];
  for (const candidates of byEngineer.values()) {
    const latestMs = Math.max(...candidates.map((c) => instantMs(c.team.exportedAt)));
    const latest = candidates.filter((c) => instantMs(c.team.exportedAt) === latestMs);
    const older = candidates.filter((c) => !latest.includes(c));
    const distinct = new Set(latest.map((c) => canonicalJson(c.team)));
    if (distinct.size > 1) {
      for (const c of latest) {
        const others = latest.filter((o) => o !== c).map((o) => o.file);
        problems.push({
          file: c.file,
          path: '$.exportedAt',
          message: `same engineer (${c.team.engineer.id}) and export time as ${others.join(', ')}, but different content: which one is current cannot be told, so neither is used`,
        });
        refused.add(c.file);
      }
      for (const c of older) superseded.push({ file: c.file, by: latest.map((l) => l.file).join(', ') });
      continue;
    }
    const [winner, ...copies] = latest;
    engineers.push(winner);
    for (const c of [...copies, ...older]) superseded.push({ file: c.file, by: winner.file });
  }
  engineers.sort((a, b) => compareText(a.team.engineer.name, b.team.engineer.name) || compareText(a.team.engineer.id, b.team.engineer.id));
  return { engineers, problems, refusedFiles: inputs.map((i) => i.file).filter((f) => refused.has(f)), superseded };
}

/** JSON with object keys sorted, so two files with the same content compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain code-unit order, case-folded: stable everywhere, no ICU collator to initialise. */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
