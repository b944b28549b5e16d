import * as z from 'zod';
import { describeFirstIssue } from './zodIssues';

/**
 * How one stored value is versioned and validated. Migrations turn data of version `n` into data
 * of version `n + 1`; they run in order, after a backup, until the current version is reached.
 */
export interface VersionedSpec<T> {
  /** Name shown to the user and used in backup file names. */
  name: string;
  version: number;
  schema: z.ZodType<T>;
  fallback: T;
  migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  /** For lists: the schema of one item, so valid items survive next to broken ones. */
  itemSchema?: z.ZodType<unknown>;
  /** For lists: the identity of an item; a later item with the same identity is dropped and reported. */
  identityOf?: (item: unknown) => string;
}

export type DecodeOutcome<T> =
  | { kind: 'ok'; value: T }
  /** Migrated from an older version: the caller backs up the original and writes `value`. */
  | { kind: 'migrated'; value: T; from: number }
  /** Some or all of it failed to parse: `value` is what could be kept. */
  | { kind: 'salvaged'; value: T; problems: { path: string; message: string }[]; from: number | null }
  /** Written by a newer version: must be left untouched. */
  | { kind: 'newer'; value: T; version: number };

/** Runs the migration chain from `from` to `spec.version`. Throws when a step is missing. */
export function migrate<T>(spec: VersionedSpec<T>, data: unknown, from: number): unknown {
  let current = data;
  for (let v = from; v < spec.version; v++) {
    const step = spec.migrations[v];
    if (!step) throw new Error(`no migration from version ${v} to ${v + 1}`);
    current = step(current);
  }
  return current;
}

/**
 * Validates `data` that claims to be of version `version`: migrates it when older, keeps the valid
 * items of a list when some are broken, and never throws on bad input.
 */
export function decodeVersioned<T>(spec: VersionedSpec<T>, data: unknown, version: number | null): DecodeOutcome<T> {
  if (version !== null && version > spec.version) {
    return { kind: 'newer', value: spec.fallback, version };
  }
  let candidate = data;
  if (version !== null && version < spec.version) {
    try {
      candidate = migrate(spec, data, version);
    } catch (err) {
      return salvage(spec, data, version, [{ path: '', message: `could not migrate from version ${version}: ${(err as Error).message}` }]);
    }
  }
  const parsed = spec.schema.safeParse(candidate);
  if (parsed.success && version !== null) {
    const duplicates = findDuplicates(spec, parsed.data);
    if (duplicates.length) return salvage(spec, candidate, version, duplicates);
    return version === spec.version ? { kind: 'ok', value: parsed.data } : { kind: 'migrated', value: parsed.data, from: version };
  }
  const problems = parsed.success ? [] : [describeFirstIssue(parsed.error)];
  if (version === null) problems.unshift({ path: '', message: 'not in the expected { v, data } envelope' });
  return salvage(spec, candidate, version, problems);
}

function salvage<T>(
  spec: VersionedSpec<T>,
  data: unknown,
  from: number | null,
  problems: { path: string; message: string }[],
): DecodeOutcome<T> {
  if (spec.itemSchema && Array.isArray(data)) {
    const kept: unknown[] = [];
    const itemProblems: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    data.forEach((item, index) => {
      const r = spec.itemSchema!.safeParse(item);
      if (!r.success) {
        itemProblems.push(describeFirstIssue(r.error, `[${index}]`));
        return;
      }
      const identity = spec.identityOf?.(r.data);
      if (identity !== undefined && seen.has(identity)) {
        itemProblems.push({ path: `[${index}]`, message: `a second entry for ${identity}; the first one is kept` });
        return;
      }
      if (identity !== undefined) seen.add(identity);
      kept.push(r.data);
    });
    const whole = spec.schema.safeParse(kept);
    if (whole.success) {
      return { kind: 'salvaged', value: whole.data, problems: itemProblems.length ? itemProblems : problems, from };
    }
  }
  return { kind: 'salvaged', value: spec.fallback, problems, from };
}

/** The indexes of list items whose identity already appeared earlier in the list. */
function findDuplicates<T>(spec: VersionedSpec<T>, value: T): { path: string; message: string }[] {
  if (!spec.identityOf || !Array.isArray(value)) return [];
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  value.forEach((item, index) => {
    const identity = spec.identityOf!(item);
    if (seen.has(identity)) problems.push({ path: `[${index}]`, message: `a second entry for ${identity}; the first one is kept` });
    seen.add(identity);
  });
  return problems;
}
