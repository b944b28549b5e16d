import type { IsoDate } from '../model/primitives';
import { latestPractice } from './csv';
import { daysBetween } from '../time/localDays';
import { compareText, type MergeResult } from './merge';
import type { FileProblem } from './problems';
import { choicesOf, type RequirementsFile } from './requirements';
import type { TeamCertification, TeamFile, TeamStatus } from './schema';

/** Certifications that expire within this many days are listed. */
export const EXPIRY_HORIZON_DAYS = 90;

export interface ReportEngineer {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  file: string;
  exportedAt: string;
}

export interface ReportCell {
  status: TeamStatus;
  examDate: IsoDate | null;
  expiresOn: IsoDate | null;
  /** Passed and not past its expiry today: what counts for a client requirement. */
  held: boolean;
}

export interface EngineerRef {
  engineerId: string;
  engineer: string;
}

export interface RequirementCoverage {
  client: string;
  platform: string;
  /** Each needed certification as a choice of keys with names (usually one). */
  requires: { key: string; name: string }[][];
  /** Engineers who hold every needed certification, with the earliest expiry among them. */
  coveredBy: (EngineerRef & { expiresOn: IsoDate | null })[];
  /** For a gap: engineers studying for or booked on what they lack, who would cover it once passed. */
  inPipeline: (EngineerRef & { examDate: IsoDate | null })[];
  gap: boolean;
}

export interface TeamReport {
  today: IsoDate;
  horizonDays: number;
  engineers: ReportEngineer[];
  /** Every certification anyone in the team tracks, by provider and name. */
  columns: { key: string; name: string; provider: string }[];
  /** One row per engineer (same order), one cell per column (null: not tracked). */
  matrix: (ReportCell | null)[][];
  /** Passed certifications whose expiry is within the horizon, or already past (negative days). */
  expiring: (EngineerRef & { key: string; name: string; expiresOn: IsoDate; daysLeft: number })[];
  /** Who is booked on an exam or studying: soonest exam first. */
  pipeline: (EngineerRef & {
    key: string;
    name: string;
    status: 'scheduled' | 'studying';
    examDate: IsoDate | null;
    studyMinutes: number;
    targetMinutes: number | null;
    latestPracticePercent: number | null;
  })[];
  /** Null when no requirements file was given. */
  requirements: RequirementCoverage[] | null;
  problems: FileProblem[];
  refusedFiles: string[];
  superseded: { file: string; by: string }[];
  /** How many files were given. */
  fileCount: number;
}

/** Holds a certification today: passed, and not past its expiry. */
export function holds(cert: TeamCertification, today: IsoDate): boolean {
  return cert.status === 'passed' && (cert.expiresOn === null || cert.expiresOn >= today);
}

/**
 * The merged team view: engineers × certifications, what expires soon, the pipeline and, given
 * a requirements file, each requirement covered by whom or a gap. Derived figures (days left,
 * latest practice score) are computed here from the files, never read from them.
 */
export function buildTeamReport(
  merged: MergeResult,
  options: { today: IsoDate; requirements?: RequirementsFile | null; fileCount: number; nameOf?: (key: string) => string | undefined; extraProblems?: FileProblem[] },
): TeamReport {
  const { today } = options;
  const teams = merged.engineers.map((e) => e.team);
  const refOf = (t: TeamFile): EngineerRef => ({ engineerId: t.engineer.id, engineer: t.engineer.name });

  const columnsByKey = new Map<string, { key: string; name: string; provider: string }>();
  for (const t of teams) for (const c of t.certifications) if (!columnsByKey.has(c.key)) columnsByKey.set(c.key, { key: c.key, name: c.name, provider: c.provider });
  const columns = [...columnsByKey.values()].sort((a, b) => compareText(a.provider, b.provider) || compareText(a.name, b.name) || compareText(a.key, b.key));

  const matrix = teams.map((t) =>
    columns.map((col) => {
      const c = t.certifications.find((x) => x.key === col.key);
      return c ? { status: c.status, examDate: c.examDate, expiresOn: c.expiresOn, held: holds(c, today) } : null;
    }),
  );

  const expiring: TeamReport['expiring'] = [];
  const pipeline: TeamReport['pipeline'] = [];
  for (const t of teams) {
    for (const c of t.certifications) {
      if (c.status === 'passed' && c.expiresOn !== null) {
        const daysLeft = daysBetween(today, c.expiresOn);
        if (daysLeft <= EXPIRY_HORIZON_DAYS) expiring.push({ ...refOf(t), key: c.key, name: c.name, expiresOn: c.expiresOn, daysLeft });
      }
      if (c.status === 'scheduled' || c.status === 'studying') {
        pipeline.push({
          ...refOf(t),
          key: c.key,
          name: c.name,
          status: c.status,
          examDate: c.examDate,
          studyMinutes: c.studyMinutes,
          targetMinutes: c.targetMinutes,
          latestPracticePercent: latestPractice(c.practiceExams),
        });
      }
    }
  }
  expiring.sort((a, b) => compareText(a.expiresOn, b.expiresOn) || compareText(a.engineer, b.engineer));
  pipeline.sort((a, b) => compareNullableDates(a.examDate, b.examDate) || compareText(a.engineer, b.engineer) || compareText(a.name, b.name));

  const nameOf = (key: string) => columnsByKey.get(key)?.name ?? options.nameOf?.(key) ?? key;
  const requirements = options.requirements
    ? options.requirements.requirements.map((r) => coverage(r.client, r.platform, choicesOf(r), teams, today, nameOf))
    : null;

  return {
    today,
    horizonDays: EXPIRY_HORIZON_DAYS,
    engineers: merged.engineers.map(({ file, team }) => ({ id: team.engineer.id, name: team.engineer.name, email: team.engineer.email, role: team.engineer.role, file, exportedAt: team.exportedAt })),
    columns,
    matrix,
    expiring,
    pipeline,
    requirements,
    problems: [...merged.problems, ...(options.extraProblems ?? [])],
    refusedFiles: merged.refusedFiles,
    superseded: merged.superseded,
    fileCount: options.fileCount,
  };
}

function coverage(client: string, platform: string, choices: string[][], teams: readonly TeamFile[], today: IsoDate, nameOf: (key: string) => string): RequirementCoverage {
  const coveredBy: RequirementCoverage['coveredBy'] = [];
  const inPipeline: RequirementCoverage['inPipeline'] = [];
  for (const t of teams) {
    const held = (key: string) => t.certifications.find((c) => c.key === key && holds(c, today));
    const coming = (key: string) => t.certifications.find((c) => c.key === key && (c.status === 'scheduled' || c.status === 'studying'));
    const used = choices.map((choice) => choice.map(held).find(Boolean));
    const ref = { engineerId: t.engineer.id, engineer: t.engineer.name };
    if (used.every(Boolean)) {
      const expiries = used.map((c) => c!.expiresOn).filter((d): d is IsoDate => d !== null).sort();
      coveredBy.push({ ...ref, expiresOn: expiries[0] ?? null });
      continue;
    }
    const pending = choices.map((choice, i) => (used[i] ? null : choice.map(coming).find(Boolean)));
    if (choices.every((_, i) => used[i] || pending[i])) {
      const dates = pending.map((c) => c?.examDate ?? null).filter((d): d is IsoDate => d !== null).sort();
      inPipeline.push({ ...ref, examDate: dates[dates.length - 1] ?? null });
    }
  }
  return {
    client,
    platform,
    requires: choices.map((choice) => choice.map((key) => ({ key, name: nameOf(key) }))),
    coveredBy,
    inPipeline,
    gap: coveredBy.length === 0,
  };
}

function compareNullableDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
