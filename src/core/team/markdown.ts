import { formatHoursTwoDecimals } from '../time/durations';
import type { ReportCell, TeamReport } from './report';

/**
 * The team report as Markdown, for a terminal or a wiki page. Text from the files (names,
 * clients, file names) is escaped, so a name can neither break a table nor become a link.
 */
export function reportMarkdown(report: TeamReport): string {
  const out: string[] = [];
  const refused = report.refusedFiles.length;
  out.push(`# Team report, ${report.today}`, '');
  out.push(
    `${plural(report.engineers.length, 'engineer')} from ${plural(report.fileCount, 'file')}` +
      (refused ? `; **${plural(refused, 'file')} refused**` : '') +
      (report.superseded.length ? `; ${plural(report.superseded.length, 'older export')} not used` : '') +
      '.',
    '',
  );
  if (report.problems.length) {
    out.push('## Refused files', '');
    for (const p of report.problems) out.push(`- ${md(p.file)}: \`${p.path.replace(/`/g, "'")}\`: ${md(p.message)}`);
    out.push('');
  }
  if (report.superseded.length) {
    out.push('## Not used (an engineer\'s newer export wins)', '');
    for (const s of report.superseded) out.push(`- ${md(s.file)}: superseded by ${md(s.by)}`);
    out.push('');
  }
  if (report.engineers.length) {
    out.push('## Certifications', '');
    out.push(table(['Engineer', ...report.columns.map((c) => md(c.key))], report.engineers.map((e, i) => [md(e.name), ...report.matrix[i].map(cellText)])));
    out.push('');
  }
  out.push(`## Expiring within ${report.horizonDays} days`, '');
  out.push(
    report.expiring.length
      ? table(
          ['Engineer', 'Certification', 'Expires', 'Days left'],
          report.expiring.map((x) => [md(x.engineer), md(x.name), x.expiresOn, x.daysLeft < 0 ? `expired ${-x.daysLeft} d ago` : String(x.daysLeft)]),
        )
      : 'None.',
    '',
  );
  out.push('## Pipeline (scheduled or studying)', '');
  out.push(
    report.pipeline.length
      ? table(
          ['Engineer', 'Certification', 'Status', 'Exam date', 'Hours', 'Latest practice'],
          report.pipeline.map((p) => [
            md(p.engineer),
            md(p.name),
            p.status,
            p.examDate ?? '',
            p.targetMinutes === null ? formatHoursTwoDecimals(p.studyMinutes) : `${formatHoursTwoDecimals(p.studyMinutes)} / ${formatHoursTwoDecimals(p.targetMinutes)}`,
            p.latestPracticePercent === null ? '' : `${p.latestPracticePercent} %`,
          ]),
        )
      : 'None.',
    '',
  );
  if (report.requirements) {
    const gaps = report.requirements.filter((r) => r.gap).length;
    out.push(`## Client requirements (${gaps ? plural(gaps, 'gap') : 'no gaps'})`, '');
    out.push(
      report.requirements.length
        ? table(
            ['Client', 'Platform', 'Requires', 'Covered by'],
            report.requirements.map((r) => [
              md(r.client),
              md(r.platform),
              r.requires.map((choice) => choice.map((c) => md(c.name)).join(' or ')).join(' + '),
              r.gap
                ? `**GAP**${r.inPipeline.length ? ` (in the pipeline: ${r.inPipeline.map((p) => `${md(p.engineer)}${p.examDate ? `, exam ${p.examDate}` : ''}`).join('; ')})` : ''}`
                : r.coveredBy.map((c) => `${md(c.engineer)}${c.expiresOn ? ` (until ${c.expiresOn})` : ''}`).join(', '),
            ]),
          )
        : 'None listed.',
      '',
    );
  }
  return out.join('\n');
}

function cellText(cell: ReportCell | null): string {
  if (!cell) return '';
  if (cell.status === 'passed') return cell.held ? `passed${cell.expiresOn ? `, until ${cell.expiresOn}` : ''}` : `passed, lapsed ${cell.expiresOn}`;
  if (cell.status === 'scheduled') return `scheduled${cell.examDate ? ` ${cell.examDate}` : ''}`;
  if (cell.status === 'expired') return `expired${cell.expiresOn ? ` ${cell.expiresOn}` : ''}`;
  return cell.status;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Text from a file, made literal in Markdown (and on one line, so a table stays a table). */
export function md(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
