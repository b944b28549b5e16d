import { uriFromPath } from '../../platform/hostPaths';
import * as vscode from 'vscode';
import { calendarEvents, type CalendarEvent } from '../../core/calendar/events';
import { sequenceEvents, type SequencedExport } from '../../core/calendar/sequence';
import type * as Ics from '../../core/calendar/ics';
import type { CalendarExportState } from '../../core/model/plans';
import { ExportCalendarArgSchema, parsePlanArg } from '../../core/plans/args';
import type { PlanCommandDeps } from './planDeps';
import { t } from '../../platform/l10n';
import { runInSlices, type Steps } from '../../core/util/slices';
import { nextTurn } from '../../core/util/turns';

// ── Export Calendar ───────────────────────────────────────────────────────────────────────────

export interface ExportCalendarResult {
  path: string;
  /** `sequence`: the SEQUENCE written, which rises only for an event that changed since the last export. */
  events: { uid: string; summary: string; kind: CalendarEvent['kind']; sequence: number }[];
}

/**
 * `certStudy.exportCalendar [{ path }]`: writes an .ics file with the exam dates, the morning
 * study block (weekly, in your time zone), practice exams falling due and renewal deadlines.
 * Every event keeps its UID from one export to the next, so importing a newer file updates them.
 */
export async function exportCalendarCommand(deps: PlanCommandDeps, rawArg: unknown): Promise<ExportCalendarResult | undefined> {
  const arg = parsePlanArg(ExportCalendarArgSchema, rawArg, t);
  let state = deps.store.state.get('calendarExport');
  let target: vscode.Uri | undefined = arg ? uriFromPath(arg.path) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: t('Export Calendar'),
      defaultUri: state?.lastPath ? uriFromPath(state.lastPath) : folder ? vscode.Uri.joinPath(folder, 'cert-study.ics') : undefined,
      filters: { [t('Calendar')]: ['ics'] },
    });
    if (!target) return undefined;
  }
  // The export's id is made once and kept: every UID carries it.
  state = await deps.store.state.update('calendarExport', (current) => current ?? { id: deps.newId(), lastPath: null, events: {}, sequenceBase: 0 });
  const calendarId = state!.id;
  // The parts in turns of their own (the bundle with its zone data, the events, the file's text):
  // at ten years, one block of 30-85 ms in the extension host (docs/performance.md).
  const calendar = await deps.loadCalendar();
  await nextTurn();
  const { value: exported } = await runInSlices(exportSteps(deps, calendar, state!), { kind: 'calendar export', budgetMs: 0 });
  const { events, sequenced, text } = exported;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const lastPath = target.fsPath;
  await deps.store.state.update('calendarExport', (current) => ({ id: current?.id ?? calendarId, lastPath, events: sequenced.events, sequenceBase: sequenced.sequenceBase }));
  deps.log.info(`calendar exported: ${target.fsPath} (${events.length} events)`);
  if (!arg) {
    void vscode.window.showInformationMessage(
      t('Exported {0} calendar events to {1}. Import it into your calendar; importing a newer export updates the same events.', events.length, target.fsPath),
    );
  }
  return { path: target.fsPath, events: events.map((e) => ({ uid: e.uid, summary: e.summary, kind: e.kind, sequence: sequenced.sequences[e.uid] })) };
}

/**
 * The export after its bundle has loaded, a part per step; runInSlices runs them a turn each
 * (budget 0), timed for the benchmarks as 'calendar export' (core/util/slices.ts, noteTurn).
 * The settings, the data and the clock are read in the step that uses them: the file is written
 * from them as they are then, not as they were a few turns earlier.
 */
function* exportSteps(deps: PlanCommandDeps, calendar: typeof Ics, state: CalendarExportState): Steps<{ events: CalendarEvent[]; sequenced: SequencedExport; text: string }> {
  // Intl's first use in a window loads the time-zone data: 16 ms in the host.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  yield 'time zone';
  calendar.vtimezone(timeZone);
  yield 'zone block';
  const settings = deps.settings();
  const snapshot = deps.store.snapshot();
  const now = deps.now();
  const events = calendarEvents({
    certifications: snapshot.certifications,
    sessions: snapshot.sessions,
    practiceExams: snapshot.practiceExams,
    catalog: deps.catalog(),
    block: settings.block,
    practiceIntervalDays: settings.practiceIntervalDays,
    renewalWarnDays: settings.renewalWarnDays,
    calendarId: state.id,
    timeZone,
    now,
    t,
  });
  // SEQUENCE rises for the events that changed since the last export, and only for them.
  const sequenced = sequenceEvents(events, state, now);
  yield 'events';
  const text = calendar.writeIcs(events, { now, version: deps.version, calendarName: t('Cert Study'), sequences: sequenced.sequences });
  return { events, sequenced, text };
}
