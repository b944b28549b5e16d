import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CATALOG_ENTRIES } from '../core/catalog/entries';
import { teamCsv } from '../core/team/csv';
import { teamFormatJsonSchemaText } from '../core/team/jsonSchema';
import { reportMarkdown } from '../core/team/markdown';
import type { TeamInput } from '../core/team/merge';
import type { FileProblem } from '../core/team/problems';
import { teamFilesIn, teamReportFrom } from '../core/team/teamReportInputs';
import { localToday } from '../core/time/localDays';
import { MAX_TEAM_FILE_BYTES, TeamDateSchema } from '../core/team/schema';
import { tooLargeMessage } from '../core/team/readJson';
import { MAX_REQUIREMENTS_BYTES } from '../core/team/requirements';

export { teamFormatJsonSchemaText };

const USAGE = `Usage:
  cert-study-team merge <files or folders…> [--requirements <file>] [--csv <out.csv>] [--today YYYY-MM-DD]
      Merges team files (a folder: its *.certstudy.json files) and prints a Markdown summary.
      Exits 1 when a file was refused (the others are still merged), 2 on a usage error.
  cert-study-team schema
      Prints the JSON Schema (draft 2020-12) of the team format, version 1.
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * The team lead's merge from a terminal, built from the same core as the VS Code report.
 * Returns the exit code: 0 all merged, 1 a file was refused, 2 wrong usage.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'schema') {
    io.out(teamFormatJsonSchemaText());
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'merge') {
    io.err(`${command ? `unknown command "${command}"\n` : ''}${USAGE}`);
    return 2;
  }
  const options: { requirements?: string; csv?: string; today?: string } = {};
  const sources: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const flag = /^--(requirements|csv|today)(?:=(.*))?$/.exec(arg);
    if (flag) {
      const value = flag[2] ?? rest[++i];
      if (value === undefined || value === '') return usage(io, `--${flag[1]} needs a value`);
      options[flag[1] as keyof typeof options] = value;
    } else if (arg.startsWith('--')) {
      return usage(io, `unknown option ${arg}`);
    } else {
      sources.push(arg);
    }
  }
  if (sources.length === 0) return usage(io, 'name at least one team file or folder');
  if (options.today !== undefined && !TeamDateSchema.safeParse(options.today).success) return usage(io, `--today expects a date as YYYY-MM-DD, got ${options.today}`);

  const problems: FileProblem[] = [];
  const inputs: TeamInput[] = [];
  for (const source of sources) {
    for (const file of await expand(source, problems)) inputs.push(await readLimited(file, MAX_TEAM_FILE_BYTES, 'team file'));
  }
  const requirements = options.requirements ? await readLimited(options.requirements, MAX_REQUIREMENTS_BYTES, 'requirements file') : null;
  const names = new Map(CATALOG_ENTRIES.map((e) => [e.key, e.name]));
  const { report, merged } = teamReportFrom(inputs, requirements, options.today ?? localToday(new Date()), (k) => names.get(k), problems);
  io.out(reportMarkdown(report));
  if (options.csv) {
    await fs.writeFile(options.csv, teamCsv(merged.engineers.map((e) => e.team)), 'utf8');
    io.out(`\nCSV of ${report.engineers.length} engineers written to ${options.csv}\n`);
  }
  return report.refusedFiles.length ? 1 : 0;
}

/** A file's bytes; one too large is not loaded at all, only named. */
async function readLimited(file: string, max: number, what: string): Promise<TeamInput> {
  try {
    const { size } = await fs.stat(file);
    if (size > max) return { file, unreadable: tooLargeMessage(size, max, what) };
    return { file, bytes: await fs.readFile(file) };
  } catch (err) {
    return { file, unreadable: `could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}

async function expand(source: string, problems: FileProblem[]): Promise<string[]> {
  const stat = await fs.stat(source).catch(() => null);
  // A path that cannot be read is handed on, to be refused by name.
  if (!stat?.isDirectory()) return [source];
  const files = teamFilesIn(await fs.readdir(source)).map((n) => path.join(source, n));
  if (files.length === 0) problems.push({ file: source, path: '$', message: 'a folder with no *.certstudy.json files' });
  return files;
}

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(2);
    },
  );
}
