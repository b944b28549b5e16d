import * as z from 'zod';
import type { PracticeExam, StudySession } from '../model/logs';
import type { LogSpec } from '../store/logParse';
import { PRACTICE_EXAMS_LOG, SESSIONS_LOG } from '../store/logSpecs';
import { STATE_SPECS, type StateKey } from '../store/stateSpecs';
import { migrate, type VersionedSpec } from '../store/versioned';
import { toOffsetInstant } from '../time/clock';
import { jsonPath, zodProblems, cap, type FileProblem } from './problems';
import { parseJsonObject, type ReadOutcome } from './readJson';
import { expected, reservedKeyPaths } from './schema';

/**
 * The personal backup: everything the extension keeps about the engineer, sessions and notes
 * included, in one file for moving to another machine. Not the team format: it is never meant
 * to be shared. Each part carries its own schema version (the one the store uses), so a backup
 * made by an older version is migrated through the store's own migration chains on restore.
 *
 *   { "format": "cert-study-backup", "version": 1, "createdAt", "generator",
 *     "state": { "<globalState key>": { "v", "data" }, … },
 *     "logs": { "sessions": { "v", "records": […] }, "practiceExams": { "v", "records": […] } } }
 */
export const BACKUP_FORMAT = 'cert-study-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
/** The parts a backup must hold: the engineer's own data. The others (which reminders were shown) may be missing. */
export const REQUIRED_STATE_KEYS: readonly StateKey[] = ['certifications', 'customCertifications', 'profile'];

export const LOG_SPECS = { sessions: SESSIONS_LOG, practiceExams: PRACTICE_EXAMS_LOG } as const;
export type LogKey = keyof typeof LOG_SPECS;

const VersionSchema = z.number({ error: expected('a schema version') }).int('expected a whole number').positive('expected a version of 1 or more');
const StatePartSchema = z.object({ v: VersionSchema, data: z.unknown() }).strict();
const LogPartSchema = z.object({ v: VersionSchema, records: z.array(z.unknown(), { error: expected('a list of records') }) }).strict();

const BackupEnvelopeSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string({ error: expected('a timestamp') }),
    generator: z.object({ name: z.string({ error: expected('text') }), version: z.string({ error: expected('text') }) }).strict(),
    state: z.record(z.string(), StatePartSchema, { error: expected('an object') }),
    logs: z.object({ sessions: LogPartSchema, practiceExams: LogPartSchema }).strict(),
  })
  .strict();

/** The engineer's whole state, as a backup holds it once read and migrated. */
export interface PersonalState {
  /** Every globalState key the backup holds (the required ones always). */
  state: Partial<Record<StateKey, unknown>>;
  sessions: StudySession[];
  practiceExams: PracticeExam[];
}

export interface BackupInfo {
  createdAt: string;
  generator: { name: string; version: string };
}

export function buildBackup(current: { state: Record<StateKey, unknown>; sessions: readonly StudySession[]; practiceExams: readonly PracticeExam[] }, now: Date, generator: { name: string; version: string }) {
  const state: Record<string, { v: number; data: unknown }> = {};
  for (const key of Object.keys(STATE_SPECS) as StateKey[]) state[key] = { v: STATE_SPECS[key].version, data: current.state[key] };
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: toOffsetInstant(now),
    generator,
    state,
    logs: {
      sessions: { v: SESSIONS_LOG.version, records: [...current.sessions] },
      practiceExams: { v: PRACTICE_EXAMS_LOG.version, records: [...current.practiceExams] },
    },
  };
}

export function serializeBackup(backup: ReturnType<typeof buildBackup>): string {
  return JSON.stringify(backup, null, 1) + '\n';
}

/**
 * Reads a backup strictly: every part valid (after migrating older parts), or the whole file
 * is refused with the JSON path and a plain message. Nothing is salvaged: a restore applies a
 * whole backup or nothing.
 */
export function readBackup(file: string, bytes: Uint8Array | string): ReadOutcome<PersonalState & BackupInfo> {
  const json = parseJsonObject(file, bytes, MAX_BACKUP_BYTES, 'backup');
  if (!json.ok) return json;
  const refuse = (problems: FileProblem[]): ReadOutcome<never> => ({ ok: false, problems: cap(problems) });
  const reserved = reservedKeyPaths(json.value);
  if (reserved.length) return refuse(reserved.map((p) => ({ file, path: jsonPath(p), message: 'the key __proto__ or constructor is not allowed' })));
  if (json.value.format !== BACKUP_FORMAT) return refuse([{ file, path: '$.format', message: `expected "${BACKUP_FORMAT}": not a Cert Study backup` }]);
  if (json.value.version !== BACKUP_VERSION) {
    return refuse([{ file, path: '$.version', message: `version ${JSON.stringify(json.value.version) ?? 'nothing'} is not one this extension knows (it reads version ${BACKUP_VERSION}); update the extension` }]);
  }
  const envelope = BackupEnvelopeSchema.safeParse(json.value);
  if (!envelope.success) return refuse(zodProblems(file, envelope.error));
  const problems: FileProblem[] = [];
  const state: Partial<Record<StateKey, unknown>> = {};
  for (const [key, part] of Object.entries(envelope.data.state)) {
    // Own keys only: `toString` or `__proto__` must be refused, not looked up on the prototype.
    if (!Object.hasOwn(STATE_SPECS, key)) {
      problems.push({ file, path: jsonPath(['state', key]), message: 'not a part this version of the extension knows' });
      continue;
    }
    const value = readPart(STATE_SPECS[key as StateKey] as VersionedSpec<unknown>, part.v, part.data, ['state', key, 'data'], file, problems);
    if (value !== undefined) state[key as StateKey] = value;
  }
  for (const key of REQUIRED_STATE_KEYS) {
    if (!(key in envelope.data.state)) problems.push({ file, path: jsonPath(['state', key]), message: 'missing (required)' });
  }
  const sessions = readLog(LOG_SPECS.sessions, envelope.data.logs.sessions, ['logs', 'sessions'], file, problems);
  const practiceExams = readLog(LOG_SPECS.practiceExams, envelope.data.logs.practiceExams, ['logs', 'practiceExams'], file, problems);
  if (problems.length) return refuse(problems);
  return { ok: true, value: { state, sessions, practiceExams, createdAt: envelope.data.createdAt, generator: envelope.data.generator } };
}

function readPart(spec: VersionedSpec<unknown>, v: number, data: unknown, path: (string | number)[], file: string, problems: FileProblem[]): unknown {
  if (v > spec.version) {
    problems.push({ file, path: jsonPath([...path.slice(0, -1), 'v']), message: `written by a newer version of the extension (v${v}; this one reads v${spec.version}); update the extension` });
    return undefined;
  }
  let value: unknown;
  try {
    value = migrate(spec, data, v);
  } catch (err) {
    problems.push({ file, path: jsonPath(path), message: `could not be migrated from version ${v}: ${(err as Error).message}` });
    return undefined;
  }
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error).map((p) => ({ ...p, path: jsonPath(path) + p.path.slice(1) })));
    return undefined;
  }
  if (spec.identityOf && Array.isArray(parsed.data)) {
    const seen = new Set<string>();
    parsed.data.forEach((item, i) => {
      const id = spec.identityOf!(item);
      if (seen.has(id)) problems.push({ file, path: jsonPath([...path, i]), message: `a second entry for ${id}` });
      seen.add(id);
    });
  }
  return parsed.data;
}

function readLog<T>(spec: LogSpec<T>, part: { v: number; records: unknown[] }, path: (string | number)[], file: string, problems: FileProblem[]): T[] {
  if (part.v > spec.version) {
    problems.push({ file, path: jsonPath([...path, 'v']), message: `written by a newer version of the extension (v${part.v}; this one reads v${spec.version}); update the extension` });
    return [];
  }
  const records: T[] = [];
  const seen = new Set<string>();
  part.records.forEach((raw, i) => {
    const at = [...path, 'records', i];
    let value = raw;
    try {
      for (let v = part.v; v < spec.version; v++) value = spec.migrations[v]!(value);
    } catch (err) {
      problems.push({ file, path: jsonPath(at), message: `could not be migrated from version ${part.v}: ${(err as Error).message}` });
      return;
    }
    const parsed = spec.recordSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error, Number.POSITIVE_INFINITY).map((p) => ({ ...p, path: jsonPath(at) + p.path.slice(1) })));
      return;
    }
    const id = spec.idOf(parsed.data);
    if (seen.has(id)) problems.push({ file, path: jsonPath(at), message: `a second record with the id ${id}` });
    seen.add(id);
    records.push(parsed.data);
  });
  return records;
}
