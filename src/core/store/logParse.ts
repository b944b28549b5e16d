import * as z from 'zod';
import { describeFirstIssue } from './zodIssues';
import { nextTurn } from '../util/turns';

/** What a log file holds and how to read it (sessions, practice exams); see LogFile. */
export interface LogSpec<T> {
  kind: string;
  fileName: string;
  version: number;
  recordSchema: z.ZodType<T>;
  /** Per-record migrations from version n to n + 1. */
  migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  idOf(record: T): string;
}

export type LogProblem = { where: string; message: string };

export interface ParsedLog<T> {
  records: T[];
  problems: LogProblem[];
  /** The version of the newest header found, when it is newer than this extension reads. */
  newerVersion: number | null;
  /** True when some records were written by an older version and were migrated. */
  migrated: boolean;
  /** The oldest version found, for naming the backup of a migrated file. */
  oldestVersion: number;
  /** The longest stretch of synchronous work between two yields, in ms. */
  longestBlockMs: number;
  /** All the slices together: this parse's own work, without the host's turns in between. */
  busyMs: number;
}

/** Gives the host (VS Code's extension host) a turn; injected so tests and benches can count or skip it. */
export type YieldToHost = () => Promise<void>;

/**
 * Synchronous work per slice before yielding. Well under one 16 ms frame, so the extension host
 * (which runs every extension, and the tree's own requests) is never held up for a frame by us.
 */
export const SLICE_MS = 8;

/** Loose on purpose: a newer version may add fields to its header, and must still be recognised as newer. */
const HeaderSchema = z.looseObject({ kind: z.string(), v: z.number().int().positive() });
type Header = z.infer<typeof HeaderSchema>;

export function parseHeader(line: string | undefined): Header | null {
  if (!line || !line.startsWith('{')) return null;
  try {
    const r = HeaderSchema.safeParse(JSON.parse(line));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A record line with the schema version it was written in (the last header above it). */
interface RecordLine {
  index: number;
  text: string;
  version: number;
}

/**
 * Reads a log's text into valid records and problems named by line (and field), in slices that
 * yield to the host between them. Duplicates by id count once (two windows appending the same
 * record, a restored backup). A byte-order mark (Windows editors) is accepted silently; a header
 * of a newer version anywhere in the file, not only on line 1, makes the whole file "newer".
 */
export async function parseLog<T>(
  text: string,
  spec: LogSpec<T>,
  yieldToHost: YieldToHost = nextTurn,
  sliceMs = SLICE_MS,
): Promise<ParsedLog<T>> {
  const slicer = new Slicer(yieldToHost, sliceMs);
  const result: ParsedLog<T> = { records: [], problems: [], newerVersion: null, migrated: false, oldestVersion: spec.version, longestBlockMs: 0, busyMs: 0 };
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');

  const header = parseHeader(lines[0]);
  let version = spec.version;
  let first = 1;
  let newest = spec.version;
  let oldest = spec.version;
  if (header && header.kind === spec.kind) {
    version = header.v;
    newest = oldest = header.v;
  } else {
    result.problems.push({ where: `${spec.fileName} line 1`, message: `expected the header {"kind":"${spec.kind}","v":N}` });
    // Without a header, every line is read as a record of the current version.
    first = header ? 1 : 0;
  }

  const recordLines: RecordLine[] = [];
  for (let i = first; i < lines.length; i++) {
    if (i % 1024 === 0) await slicer.maybeYield();
    const line = lines[i];
    if (line.trim() === '') continue;
    // Another header: a second window that created the file at the same moment, or data a
    // newer (or older) version appended. The lines below it are in that header's version.
    const midHeader = line.startsWith('{"kind":') ? parseHeader(line) : null;
    if (midHeader && midHeader.kind === spec.kind) {
      version = midHeader.v;
      newest = Math.max(newest, version);
      oldest = Math.min(oldest, version);
      continue;
    }
    recordLines.push({ index: i, text: line, version });
  }
  if (newest > spec.version) {
    result.newerVersion = newest;
    return result;
  }
  result.oldestVersion = oldest;
  result.migrated = recordLines.some((l) => l.version < spec.version);

  const values = await parseJson(recordLines, spec, result.problems, slicer);
  const seen = new Set<string>();
  for (const { line, value } of values) {
    await slicer.maybeYield();
    const where = `${spec.fileName} line ${line.index + 1}`;
    let migrated = value;
    try {
      for (let v = line.version; v < spec.version; v++) migrated = spec.migrations[v]!(migrated);
    } catch (err) {
      result.problems.push({ where, message: `could not migrate: ${(err as Error).message}` });
      continue;
    }
    const parsed = spec.recordSchema.safeParse(migrated);
    if (!parsed.success) {
      const issue = describeFirstIssue(parsed.error);
      result.problems.push({ where: `${where}${issue.path ? `, field ${issue.path.slice(1)}` : ''}`, message: issue.message });
      continue;
    }
    const id = spec.idOf(parsed.data);
    if (seen.has(id)) continue;
    seen.add(id);
    result.records.push(parsed.data);
  }
  // JSON and schema problems were found in two passes: report them in file order.
  const lineOf = (p: LogProblem) => Number(/ line (\d+)/.exec(p.where)?.[1] ?? 0);
  result.problems.sort((a, b) => lineOf(a) - lineOf(b));
  ({ longestMs: result.longestBlockMs, busyMs: result.busyMs } = slicer.finish());
  return result;
}

/** Record lines per JSON.parse on the fast path: a few ms each at ten years, so slices stay short. */
const JSON_CHUNK_LINES = 512;

/**
 * The fast path for a healthy file is one JSON.parse per chunk of record lines, read as an array
 * (a few ms for ten years in all); anything off in a chunk (a broken line, a line holding two
 * values) falls back to one JSON.parse a line for that chunk, which names the line.
 */
async function parseJson(lines: RecordLine[], spec: LogSpec<unknown>, problems: LogProblem[], slicer: Slicer): Promise<{ line: RecordLine; value: unknown }[]> {
  const out: { line: RecordLine; value: unknown }[] = [];
  for (let start = 0; start < lines.length; start += JSON_CHUNK_LINES) {
    await slicer.maybeYield();
    const chunk = lines.slice(start, start + JSON_CHUNK_LINES);
    try {
      const values: unknown = JSON.parse(`[${chunk.map((l) => l.text).join(',')}]`);
      if (Array.isArray(values) && values.length === chunk.length) {
        chunk.forEach((line, i) => out.push({ line, value: values[i] }));
        continue;
      }
    } catch {
      // fall through to the line-by-line path for this chunk
    }
    for (const line of chunk) {
      await slicer.maybeYield();
      try {
        out.push({ line, value: JSON.parse(line.text) });
      } catch {
        problems.push({ where: `${spec.fileName} line ${line.index + 1}`, message: 'not valid JSON' });
      }
    }
  }
  return out;
}

/** Yields to the host once a slice has run SLICE_MS, and remembers the longest slice and the total. */
class Slicer {
  private sliceStart = performance.now();
  private longest = 0;
  private busy = 0;

  constructor(
    private readonly yieldToHost: YieldToHost,
    private readonly sliceMs: number,
  ) {}

  async maybeYield(): Promise<void> {
    const elapsed = performance.now() - this.sliceStart;
    if (elapsed < this.sliceMs) return;
    this.endSlice(elapsed);
    await this.yieldToHost();
    this.sliceStart = performance.now();
  }

  finish(): { longestMs: number; busyMs: number } {
    this.endSlice(performance.now() - this.sliceStart);
    return { longestMs: this.longest, busyMs: this.busy };
  }

  private endSlice(elapsed: number): void {
    this.longest = Math.max(this.longest, elapsed);
    this.busy += elapsed;
  }
}
