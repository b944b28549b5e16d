import { addDays, isoWeekday } from '../time/localDays';

export interface PathProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The parts of a team file these rules read. Declared here rather than taken from schema.ts,
 * which calls these rules from its refinement: the import then runs one way only.
 */
export interface ConsistencyInput {
  weeklyStudy: ReadonlyArray<{ weekStart: string }>;
  certifications: ReadonlyArray<{ key: string }>;
}

/**
 * The rules of version 1 that a JSON Schema cannot express, checked on top of the shape: the
 * weeks of `weeklyStudy` start on Mondays and follow each other, oldest first; a certification
 * appears once. A file that breaks them passes a JSON Schema validator but not this reader.
 */
export function consistencyProblems(file: ConsistencyInput): PathProblem[] {
  const problems: PathProblem[] = [];
  file.weeklyStudy.forEach((week, i) => {
    if (isoWeekday(week.weekStart) !== 1) {
      problems.push({ path: ['weeklyStudy', i, 'weekStart'], message: `${week.weekStart} is not a Monday (an ISO week starts on Monday)` });
    } else if (i > 0 && isoWeekday(file.weeklyStudy[i - 1].weekStart) === 1 && week.weekStart !== addDays(file.weeklyStudy[i - 1].weekStart, 7)) {
      problems.push({ path: ['weeklyStudy', i, 'weekStart'], message: `expected ${addDays(file.weeklyStudy[i - 1].weekStart, 7)}, the week after the one before (oldest first, no gaps)` });
    }
  });
  const seen = new Set<string>();
  file.certifications.forEach((cert, i) => {
    if (seen.has(cert.key)) problems.push({ path: ['certifications', i, 'key'], message: `a second entry for ${cert.key}` });
    seen.add(cert.key);
  });
  return problems;
}
