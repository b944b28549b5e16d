import { formatHoursTwoDecimals } from '../time/durations';
import type { TeamFile } from './schema';

/**
 * The CSV form (RFC 4180): UTF-8, CRLF line ends, a header row, a field quoted when it holds a
 * comma, a quote or a line break (quotes doubled). A cell that begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading `'`, so no spreadsheet runs it as a formula.
 */
export const TEAM_CSV_COLUMNS = [
  'engineer_id',
  'engineer_name',
  'engineer_email',
  'certification_key',
  'certification_name',
  'provider',
  'status',
  'exam_date',
  'earned_on',
  'expires_on',
  'study_hours',
  'target_hours',
  'practice_exams_taken',
  'latest_practice_percent',
  'best_practice_percent',
  'attempts',
  'cost_usd',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** One row per (engineer, certification), engineers in the order given. */
export function teamCsv(files: readonly TeamFile[]): string {
  const rows: (string | number | null)[][] = [[...TEAM_CSV_COLUMNS]];
  for (const file of files) {
    const e = file.engineer;
    for (const c of file.certifications) {
      const scores = c.practiceExams.map((p) => p.scorePercent);
      rows.push([
        e.id,
        e.name,
        e.email,
        c.key,
        c.name,
        c.provider,
        c.status,
        c.examDate,
        c.earnedOn,
        c.expiresOn,
        formatHoursTwoDecimals(c.studyMinutes),
        c.targetMinutes === null ? null : formatHoursTwoDecimals(c.targetMinutes),
        c.practiceExams.length,
        latestPractice(c.practiceExams),
        scores.length ? Math.max(...scores) : null,
        c.attempts.length,
        c.costUsd,
      ]);
    }
  }
  return toCsv(rows);
}

/** The latest practice score by date; on one day, the later entry (the list is oldest first). */
export function latestPractice(exams: readonly { takenOn: string; scorePercent: number }[]): number | null {
  let latest: { takenOn: string; scorePercent: number } | null = null;
  for (const p of exams) if (!latest || p.takenOn >= latest.takenOn) latest = p;
  return latest ? latest.scorePercent : null;
}
