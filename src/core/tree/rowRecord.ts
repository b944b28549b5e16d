/**
 * The row record: the Certifications view's top rows (certifications, plans, the week row) as
 * the app last drew them, kept in globalState so the startup shell can draw them at the click on
 * the Cert Study icon without loading dist/app.js. It is a first paint, never the source of
 * truth: the app rebuilds the rows from stored data, takes the view over with the same ids and
 * labels, replaces any row that differs, and rewrites the record (features/certifications/
 * rowRecordWriter.ts).
 *
 * Imports only the local-day arithmetic (which imports nothing), on purpose: the shell bundles it,
 * and every window pays for what the shell loads. Hence the hand-written check below instead of a
 * zod schema.
 *
 * A record is used only when it was written for this extension version, this display language,
 * this local day (the rows say "exam in 12 d"), and these settings (sort order, practice rules,
 * the week's blocks): anything else and the rows come from the app, as before, and the record is
 * rewritten. Tooltips are not kept (they are most of a row's size): VS Code asks for them on
 * hover (resolveTreeItem), which loads the app.
 */

import { localToday } from '../time/localDays';
import type { TreeNodeView } from '../model/treeNode';

export const ROW_RECORD_KEY = 'certStudy.rowRecord';
export const ROW_RECORD_VERSION = 1;

/** The settings sections (certStudy.<section>) the rows are built from. */
export const ROW_SETTING_SECTIONS = ['tree', 'practice', 'morningBlock', 'dailyMinimumMinutes', 'restDays'] as const;

/** A top row as the record keeps it: the tree node's own fields but its tooltip, children and parent. */
export type RecordRow = Pick<TreeNodeView, 'id' | 'label' | 'description' | 'icon' | 'contextValue' | 'collapsible' | 'accessibilityLabel' | 'command'>;

/** What a record must match to be drawn: anything else means the rows may say something else today. */
export interface RowRecordKey {
  /** The extension's version (a newer one may build other rows). */
  version: string;
  /** vscode.env.language: the labels are localized. */
  language: string;
  /** The local day the rows were built on, YYYY-MM-DD. */
  day: string;
  /** settingsFingerprint() of the row settings. */
  settings: string;
}

export interface RowRecord extends RowRecordKey {
  v: typeof ROW_RECORD_VERSION;
  rows: RecordRow[];
}

/** One string for the row settings' values, compared as a whole. */
export function settingsFingerprint(valueOf: (section: string) => unknown): string {
  return JSON.stringify(ROW_SETTING_SECTIONS.map((s) => valueOf(s) ?? null));
}

/**
 * What a record must have been written for to be drawn now: computed the same way by the shell,
 * which draws it, and by the app, which writes it. `setting` reads certStudy.<section>.
 */
export function currentRowRecordKey(version: string, language: string, now: Date, setting: (section: string) => unknown): RowRecordKey {
  return { version, language, day: localToday(now), settings: settingsFingerprint(setting) };
}

/** The record of `rows` (a tree node carries more: children, parent, tooltip; only these are kept). */
export function rowRecordOf(rows: readonly RecordRow[], key: RowRecordKey): RowRecord {
  return {
    v: ROW_RECORD_VERSION,
    ...key,
    rows: rows.map(({ id, label, description, icon, contextValue, collapsible, accessibilityLabel, command }) => ({
      id,
      label,
      description,
      icon: icon.color ? { id: icon.id, color: icon.color } : { id: icon.id },
      contextValue,
      collapsible,
      accessibilityLabel,
      ...(command ? { command: { id: command.id, title: command.title, argument: command.argument } } : {}),
    })),
  };
}

/**
 * The record's rows when it is whole and was written for `key`; null when it is missing,
 * damaged (any field of the wrong type), of another record version, or stale for `key`.
 */
export function readRowRecord(value: unknown, key: RowRecordKey): RecordRow[] | null {
  if (!isObject(value) || value.v !== ROW_RECORD_VERSION) return null;
  if (value.version !== key.version || value.language !== key.language || value.day !== key.day || value.settings !== key.settings) return null;
  const rows = value.rows;
  if (!Array.isArray(rows) || !rows.every(isRow)) return null;
  if (new Set(rows.map((r) => r.id)).size !== rows.length) return null;
  return rows;
}

/** Whether two row lists would draw the same view. */
export function sameRows(a: readonly RecordRow[], b: readonly RecordRow[]): boolean {
  return a.length === b.length && a.every((row, i) => rowText(row) === rowText(b[i]!));
}

/** A row as one comparable string (field order fixed by rowRecordOf's shape). */
export function rowText(row: RecordRow): string {
  return JSON.stringify(rowRecordOf([row], { version: '', language: '', day: '', settings: '' }).rows[0]);
}

const COLLAPSIBLE = new Set(['none', 'collapsed', 'expanded']);

function isRow(row: unknown): row is RecordRow {
  if (!isObject(row)) return false;
  const { id, label, description, icon, contextValue, collapsible, accessibilityLabel, command } = row;
  const strings = [id, label, description, contextValue, accessibilityLabel].every((s) => typeof s === 'string');
  const iconOk = isObject(icon) && typeof icon.id === 'string' && (icon.color === undefined || typeof icon.color === 'string');
  const commandOk =
    command === undefined || (isObject(command) && typeof command.id === 'string' && typeof command.title === 'string' && isObject(command.argument));
  return strings && (id as string).length > 0 && iconOk && COLLAPSIBLE.has(collapsible as string) && commandOk;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
