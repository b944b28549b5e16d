import type { PracticeExam, StudySession } from '../model/logs';
import { STATE_SPECS, type StateKey } from '../store/stateSpecs';
import type { StudyStore } from '../store/studyStore';
import type { VersionedSpec } from '../store/versioned';
import { canonicalJson } from './merge';
import { LOG_SPECS, type LogKey, type PersonalState } from './personalBackup';

export type RestoreMode = 'replace' | 'merge';

/** What a restore does to one list: counted by identity (a certification's key, a record's id). */
export interface ListChange {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Merge only: in both, different, and this machine's is kept. */
  keptHere: number;
}

export interface RestoreSummary {
  mode: RestoreMode;
  certifications: ListChange;
  customCertifications: ListChange;
  sessions: ListChange;
  practiceExams: ListChange;
  profile: 'unchanged' | 'set' | 'replaced' | 'cleared' | 'kept here';
  /** Other parts (reminder bookkeeping) that change. */
  otherParts: StateKey[];
}

export interface RestorePlan {
  mode: RestoreMode;
  /** The globalState values to write (only those that change). */
  state: Partial<Record<StateKey, unknown>>;
  /** The logs as they will be, when they change. */
  logs: { sessions?: StudySession[]; practiceExams?: PracticeExam[] };
  summary: RestoreSummary;
}

/**
 * The dry run: what restoring `backup` over `current` would change, as a plan to apply and a
 * summary to show. Replace makes the state exactly the backup's (parts the backup lacks, such as
 * reminder bookkeeping from an older version, stay as they are). Merge adds what the backup has
 * and this machine does not; where both have the same certification or record with different
 * content, this machine's is kept; a profile is taken from the backup only when there is none.
 */
export function planRestore(current: PersonalState & { state: Record<StateKey, unknown> }, backup: PersonalState, mode: RestoreMode): RestorePlan {
  const state: Partial<Record<StateKey, unknown>> = {};
  const otherParts: StateKey[] = [];
  const lists: Partial<Record<StateKey, ListChange>> = {};
  let profile: RestoreSummary['profile'] = 'unchanged';
  for (const key of Object.keys(STATE_SPECS) as StateKey[]) {
    if (!(key in backup.state)) continue;
    const spec = STATE_SPECS[key] as VersionedSpec<unknown>;
    const here = current.state[key];
    const there = backup.state[key];
    let next: unknown;
    if (spec.identityOf && Array.isArray(here) && Array.isArray(there)) {
      const { list, change } = combineLists(here, there, spec.identityOf, mode);
      lists[key] = change;
      next = list;
    } else if (key === 'profile') {
      next = mode === 'replace' || here === null ? there : here;
      profile = profileChange(here, there, next);
    } else if (isRecord(here) && isRecord(there)) {
      next = mode === 'replace' ? there : { ...there, ...here };
    } else {
      next = mode === 'replace' || here === null || here === undefined ? there : here;
    }
    if (canonicalJson(next) === canonicalJson(here)) continue;
    state[key] = next;
    if (!lists[key] && key !== 'profile') otherParts.push(key);
  }
  const logs: RestorePlan['logs'] = {};
  const logChanges = {} as Record<LogKey, ListChange>;
  for (const key of Object.keys(LOG_SPECS) as LogKey[]) {
    const idOf = LOG_SPECS[key].idOf as (r: unknown) => string;
    const { list, change } = combineLists<unknown>(current[key], backup[key], idOf, mode);
    logChanges[key] = change;
    if (change.added || change.changed || change.removed) (logs as Record<LogKey, unknown[]>)[key] = list;
  }
  const empty: ListChange = { added: 0, changed: 0, removed: 0, unchanged: 0, keptHere: 0 };
  return {
    mode,
    state,
    logs,
    summary: {
      mode,
      certifications: lists.certifications ?? empty,
      customCertifications: lists.customCertifications ?? empty,
      sessions: logChanges.sessions,
      practiceExams: logChanges.practiceExams,
      profile,
      otherParts,
    },
  };
}

function combineLists<T>(here: readonly T[], there: readonly T[], idOf: (item: T) => string, mode: RestoreMode): { list: T[]; change: ListChange } {
  const change: ListChange = { added: 0, changed: 0, removed: 0, unchanged: 0, keptHere: 0 };
  const hereById = new Map(here.map((item) => [idOf(item), item]));
  const thereIds = new Set(there.map(idOf));
  for (const item of there) {
    const mine = hereById.get(idOf(item));
    if (mine === undefined) change.added++;
    else if (canonicalJson(mine) === canonicalJson(item)) change.unchanged++;
    else if (mode === 'replace') change.changed++;
    else change.keptHere++;
  }
  if (mode === 'replace') {
    change.removed = here.filter((item) => !thereIds.has(idOf(item))).length;
    return { list: [...there], change };
  }
  // Merge: this machine's list in its order, then what only the backup has.
  return { list: [...here, ...there.filter((item) => !hereById.has(idOf(item)))], change };
}

function profileChange(here: unknown, there: unknown, next: unknown): RestoreSummary['profile'] {
  if (canonicalJson(next) === canonicalJson(here)) return canonicalJson(there) === canonicalJson(here) ? 'unchanged' : 'kept here';
  if (next === null) return 'cleared';
  return here === null ? 'set' : 'replaced';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Applies a plan, all of it or none: every value is validated before the first write, and a
 * write that fails puts back what was written before it, then the error is thrown.
 */
export async function applyRestore(store: StudyStore, plan: RestorePlan): Promise<void> {
  const stateKeys = Object.keys(plan.state) as StateKey[];
  for (const key of stateKeys) STATE_SPECS[key].schema.parse(plan.state[key]);
  for (const key of Object.keys(plan.logs) as LogKey[]) for (const r of plan.logs[key]!) LOG_SPECS[key].recordSchema.parse(r);

  const undo: (() => Promise<void>)[] = [];
  try {
    for (const key of stateKeys) {
      const before = store.state.get(key);
      await store.state.set(key, plan.state[key] as never);
      undo.push(() => store.state.set(key, before as never));
    }
    if (plan.logs.sessions) {
      const before = [...store.sessions.all()];
      await store.sessions.replaceAll(plan.logs.sessions);
      undo.push(() => store.sessions.replaceAll(before));
    }
    if (plan.logs.practiceExams) {
      const before = [...store.practiceExams.all()];
      await store.practiceExams.replaceAll(plan.logs.practiceExams);
      undo.push(() => store.practiceExams.replaceAll(before));
    }
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw new Error(`The restore stopped and what it had changed was put back: ${(err as Error).message}`, { cause: err });
  }
}

/** The summary in a few lines, for the dialog and the log. */
export function describeRestore(summary: RestoreSummary): string[] {
  const list = (label: string, c: ListChange) => {
    const parts = [
      c.added && `${c.added} added`,
      c.changed && `${c.changed} replaced`,
      c.removed && `${c.removed} removed`,
      c.keptHere && `${c.keptHere} kept as on this machine (the backup's differ)`,
    ].filter(Boolean);
    return `${label}: ${parts.length ? parts.join(', ') : 'no change'}${c.unchanged ? ` (${c.unchanged} already the same)` : ''}`;
  };
  const profile: Record<RestoreSummary['profile'], string> = {
    unchanged: 'no change',
    set: "set from the backup",
    replaced: "replaced by the backup's",
    cleared: 'cleared (the backup has none)',
    'kept here': "this machine's is kept (the backup's differs)",
  };
  return [
    list('Certifications', summary.certifications),
    list('Custom certifications', summary.customCertifications),
    list('Study sessions', summary.sessions),
    list('Practice exams', summary.practiceExams),
    `Profile: ${profile[summary.profile]}`,
    ...(summary.otherParts.length ? [`Also: ${summary.otherParts.map((k) => STATE_SPECS[k].name).join(', ')}`] : []),
  ];
}
