import { newId as randomUUID } from '../../core/util/ids';
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import { parseCommandArg } from '../../core/certifications/commandArgs';
import type { Profile } from '../../core/model/tracking';
import { BackupWriter } from '../../core/store/backup';
import type { FileAccess } from '../../core/store/ports';
import { STATE_SPECS, type StateKey } from '../../core/store/stateSpecs';
import type { StudyStore } from '../../core/store/studyStore';
import { BackupArgSchema, ExportTeamArgSchema, ProfileArgSchema, RestoreArgSchema, TeamReportArgSchema } from '../../core/team/args';
import { teamCsv } from '../../core/team/csv';
import { buildTeamFile } from '../../core/team/exportTeam';
import type { TeamInput } from '../../core/team/merge';
import { buildBackup, readBackup, serializeBackup, type PersonalState } from '../../core/team/personalBackup';
import { describeProblem, type FileProblem } from '../../core/team/problems';
import { applyProfile, fileSlug, isExportable } from '../../core/team/profile';
import { serializeTeamFile } from '../../core/team/read';
import type { TeamReport } from '../../core/team/report';
import { MAX_REQUIREMENTS_BYTES } from '../../core/team/requirements';
import { applyRestore, describeRestore, planRestore, type RestoreMode, type RestoreSummary } from '../../core/team/restore';
import { tooLargeMessage } from '../../core/team/readJson';
import { MAX_TEAM_FILE_BYTES, TeamFileSchema, type TeamFile } from '../../core/team/schema';
import { teamFilesIn, teamReportSteps } from '../../core/team/teamReportInputs';
import { runInSlices } from '../../core/util/slices';
import { localToday } from '../../core/time/localDays';
import { asPlainText } from '../../core/util/plainText';
import type { Log } from '../../platform/log';
import { askProfile } from './profilePrompts';
import { TeamReportPanel, type ShownReport } from './reportPanel';
import { ReportViewStateSchema } from '../../webviews/teamReport/protocol';
import { t } from '../../platform/l10n';

/**
 * The team commands: Export for Team, Edit Profile, Back Up All Data, Restore from Backup and
 * Open Team Report. They are in dist/team.js (entry ./teamEntry.ts), a bundle of its own that
 * app.js loads the first time one of these commands runs (src/app/teamBundle.ts), so neither the
 * format's schemas nor the report cost anything until then.
 */

export interface TeamDeps {
  store: StudyStore;
  catalog: () => Catalog;
  now: () => Date;
  log: Log;
  files: FileAccess;
  extensionUri: vscode.Uri;
  generator: { name: string; version: string };
  /**
   * A command argument's path as a Uri on the host's file system (src/platform/hostPaths.ts).
   * Passed in: this bundle (dist/team.js) has its own copy of every module, and only the app's
   * copy of hostPaths knows the host.
   */
  uriFromPath: (path: string) => vscode.Uri;
}

export class TeamCommandError extends Error {}

// ── Edit Profile ────────────────────────────────────────────────────────────────────────────

/**
 * `certStudy.editProfile [{ name?, email?, role?, billingRateUsd?: { baseline?, current? } }]`
 * With an argument, sets the given fields without asking (`null` clears one; a new profile
 * needs a name); without one, asks for each. Returns the profile as saved.
 */
export async function editProfile(deps: TeamDeps, rawArg: unknown): Promise<Profile | undefined> {
  const arg = parseCommandArg(ProfileArgSchema, rawArg, t);
  const change = arg ?? (await askProfile(deps.store.state.get('profile'), t('Engineer Profile')));
  if (!change) return undefined;
  return saveProfile(deps, change);
}

function saveProfile(deps: TeamDeps, change: Parameters<typeof applyProfile>[1]): Promise<Profile> {
  return deps.store.state.update('profile', (current) => applyProfile(current, change, randomUUID)) as Promise<Profile>;
}

// ── Export for Team ─────────────────────────────────────────────────────────────────────────

export interface ExportResult {
  /** The files written. */
  files: string[];
  teamFile: TeamFile;
}

/**
 * `certStudy.exportTeamFile [{ path, format?: "json" | "csv" | "both" }]`
 * Writes the team file. Without an argument it asks for the profile if there is none, shows what
 * is shared and what is not, and asks where; with one it writes there at once (a profile must
 * exist). "both" writes the CSV beside the JSON (`x.certstudy.json` → `x.certstudy.csv`).
 */
export async function exportTeamFile(deps: TeamDeps, rawArg: unknown): Promise<ExportResult | undefined> {
  const arg = parseCommandArg(ExportTeamArgSchema, rawArg, t);
  let profile = deps.store.state.get('profile');
  if (!isExportable(profile)) {
    if (arg) throw new TeamCommandError(t('The team file needs your profile: run Cert Study: Edit Profile first (or pass it { "name": … }).'));
    void vscode.window.showInformationMessage(t('First, your profile: the team file carries your name, and optionally your email, role and billing rates.'));
    const change = await askProfile(profile, t('Export for Team: your profile'));
    if (!change) return undefined;
    profile = await saveProfile(deps, change);
  }
  const teamFile = buildTeamFile({
    ...deps.store.snapshot(),
    profile,
    catalog: deps.catalog(),
    costs: deps.store.state.get('costs'),
    now: deps.now(),
    generator: deps.generator,
  });
  // What we write must be a file our own reader (and the JSON Schema) accepts.
  const check = TeamFileSchema.safeParse(teamFile);
  if (!check.success) throw new TeamCommandError(t('The team file could not be made: {0}', check.error.issues[0]?.message ?? 'invalid'));

  let format = arg?.format;
  let target = arg ? deps.uriFromPath(arg.path) : undefined;
  if (!arg) {
    format = await confirmShare(teamFile);
    if (!format) return undefined;
    const ext = format === 'csv' ? 'csv' : 'json';
    target = await vscode.window.showSaveDialog({
      title: t('Export for Team'),
      defaultUri: defaultUri(`${fileSlug(profile.name)}.certstudy.${ext}`),
      filters: format === 'csv' ? { CSV: ['csv'] } : { [t('Team file')]: ['json'] },
    });
    if (!target) return undefined;
  }
  const written: string[] = [];
  if (format === 'json' || format === 'both') {
    await writeText(target!, serializeTeamFile(teamFile));
    written.push(target!.fsPath);
  }
  if (format === 'csv' || format === 'both') {
    const csvUri = format === 'csv' ? target! : siblingCsv(target!);
    await writeText(csvUri, teamCsv([teamFile]));
    written.push(csvUri.fsPath);
  }
  deps.log.info(`team file exported: ${written.join(', ')}`);
  if (!arg) void vscode.window.showInformationMessage(t('Exported for your team: {0}', written.join(', ')));
  return { files: written, teamFile };
}

/** Says what leaves VS Code and what does not, and asks in which form. */
async function confirmShare(file: TeamFile): Promise<'json' | 'csv' | 'both' | undefined> {
  const e = file.engineer;
  const who = [e.name, e.email, e.role, e.billingRateUsd.baseline !== null || e.billingRateUsd.current !== null ? t('billing rates') : null].filter(Boolean).join(', ');
  const detail = [
    t('Shared: {0}; for {1} certifications their status, exam date, dates earned and expiring, study hours and target, practice scores (date, percent, source), exam attempts and cost; your study minutes per week for the last 26 weeks.', asPlainText(who), file.certifications.length),
    t('Not shared: your notes, your session-by-session log, domain scores, and anything you typed for a study session.'),
  ].join('\n\n');
  const json = t('JSON');
  const csv = t('CSV');
  const both = t('Both');
  const choice = await vscode.window.showInformationMessage(t('Export for Team'), { modal: true, detail }, json, csv, both);
  return choice === json ? 'json' : choice === csv ? 'csv' : choice === both ? 'both' : undefined;
}

function siblingCsv(uri: vscode.Uri): vscode.Uri {
  const path = uri.path.toLowerCase().endsWith('.json') ? `${uri.path.slice(0, -'.json'.length)}.csv` : `${uri.path}.csv`;
  return uri.with({ path });
}

// ── Back Up All Data / Restore from Backup ──────────────────────────────────────────────────

function currentState(deps: TeamDeps): PersonalState & { state: Record<StateKey, unknown> } {
  const state = {} as Record<StateKey, unknown>;
  for (const key of Object.keys(STATE_SPECS) as StateKey[]) state[key] = deps.store.state.get(key);
  return { state, sessions: [...deps.store.sessions.all()], practiceExams: [...deps.store.practiceExams.all()] };
}

function backupText(deps: TeamDeps): string {
  return serializeBackup(buildBackup(currentState(deps), deps.now(), deps.generator));
}

/**
 * `certStudy.exportBackup [{ path }]`
 * Writes everything (certifications, custom ones, profile, sessions with their notes, practice
 * exams) to one file. Returns where, and what it holds.
 */
export async function exportBackup(deps: TeamDeps, rawArg: unknown): Promise<{ path: string; certifications: number; sessions: number; practiceExams: number } | undefined> {
  const arg = parseCommandArg(BackupArgSchema, rawArg, t);
  const target = arg
    ? deps.uriFromPath(arg.path)
    : await vscode.window.showSaveDialog({
        title: t('Back Up All Data'),
        defaultUri: defaultUri(`cert-study-backup-${localToday(deps.now())}.json`),
        filters: { [t('Cert Study backup')]: ['json'] },
      });
  if (!target) return undefined;
  await writeText(target, backupText(deps));
  const counts = { certifications: deps.store.state.get('certifications').length, sessions: deps.store.sessions.all().length, practiceExams: deps.store.practiceExams.all().length };
  deps.log.info(`backup written: ${target.fsPath}`);
  if (!arg) {
    void vscode.window.showInformationMessage(
      t('Backed up {0} certifications, {1} study sessions and {2} practice exams to {3}. It holds your notes: keep it to yourself.', counts.certifications, counts.sessions, counts.practiceExams, target.fsPath),
    );
  }
  return { path: target.fsPath, ...counts };
}

export type RestoreResult =
  | { refused: FileProblem[] }
  | { dryRun: true; replace: RestoreSummary; merge: RestoreSummary }
  | { mode: RestoreMode; summary: RestoreSummary; previousStateBackup: string };

/**
 * `certStudy.importBackup [{ path, mode?: "replace" | "merge", dryRun?: true }]`
 * Reads the backup whole first: a file with any problem is refused and nothing changes. Then it
 * shows what replace and merge would each change and asks which (or takes `mode`), backs up the
 * current state to the backups folder, and applies all of it or none.
 */
export async function importBackup(deps: TeamDeps, rawArg: unknown): Promise<RestoreResult | undefined> {
  const arg = parseCommandArg(RestoreArgSchema, rawArg, t);
  let source = arg ? deps.uriFromPath(arg.path) : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ title: t('Restore from Backup'), canSelectMany: false, filters: { [t('Cert Study backup')]: ['json'] } });
    source = picked?.[0];
  }
  if (!source) return undefined;
  const name = baseName(source);
  const read = readBackup(name, await vscode.workspace.fs.readFile(source));
  if (!read.ok) {
    deps.log.warn(`restore refused:\n${read.problems.map(describeProblem).join('\n')}`);
    void vscode.window.showErrorMessage(t('Cert Study: {0} was not restored, and nothing changed.', name), {
      modal: !arg,
      detail: read.problems.map(describeProblem).join('\n'),
    });
    return { refused: read.problems };
  }
  // Plan against the freshest state: another window may have written since this one looked.
  const unreadable = await deps.store.reloadFromDisk();
  if (unreadable.length) deps.log.warn(`restore: ${unreadable.length} stored values could not be read before the restore: ${unreadable.map((p) => p.where).join(', ')}`);
  const current = currentState(deps);
  const replace = planRestore(current, read.value, 'replace');
  const merge = planRestore(current, read.value, 'merge');
  if (arg?.dryRun) return { dryRun: true, replace: replace.summary, merge: merge.summary };

  let mode = arg?.mode;
  if (!mode) {
    const replaceButton = t('Replace');
    const mergeButton = t('Merge');
    const detail = [
      t('The backup was made {0} by {1} {2}.', read.value.createdAt, read.value.generator.name, read.value.generator.version),
      '',
      t('Replace: your data becomes the backup\'s.'),
      ...describeRestore(replace.summary).map((l) => `  ${l}`),
      '',
      t('Merge: adds what only the backup has; where both differ, this machine\'s is kept.'),
      ...describeRestore(merge.summary).map((l) => `  ${l}`),
      '',
      t('Your current data is backed up first, to the backups folder.'),
    ].join('\n');
    const choice = await vscode.window.showWarningMessage(t('Restore from {0}?', name), { modal: true, detail }, replaceButton, mergeButton);
    mode = choice === replaceButton ? 'replace' : choice === mergeButton ? 'merge' : undefined;
    if (!mode) return undefined;
  }
  // The question may have stayed open a while (a timer stopped, a session saved meanwhile): plan
  // again against the freshest state, so the restore never drops what was written since.
  await deps.store.reloadFromDisk();
  const plan = planRestore(currentState(deps), read.value, mode);
  const previousStateBackup = await new BackupWriter(deps.files, deps.store.backupFolder).write('before-restore.json', backupText(deps), deps.now());
  await applyRestore(deps.store, plan);
  deps.log.info(`restored ${name} (${mode}); the state before it is in ${previousStateBackup}\n${describeRestore(plan.summary).join('\n')}`);
  if (!arg) void vscode.window.showInformationMessage(t('Restored from {0} ({1}). Your data as it was before is in {2}.', name, mode, previousStateBackup));
  return { mode, summary: plan.summary, previousStateBackup };
}

// ── Open Team Report ────────────────────────────────────────────────────────────────────────

/**
 * `certStudy.openTeamReport [{ files: [paths of team files or folders], requirements?, csv? }]`
 * Merges the team files (a folder: its `*.certstudy.json`) and shows the report; `csv` also
 * writes the merged table there. Returns the report.
 */
export async function openTeamReport(deps: TeamDeps, rawArg: unknown): Promise<{ report: TeamReport; csv?: string } | undefined> {
  const arg = parseCommandArg(TeamReportArgSchema, rawArg, t);
  let sources = arg?.files.map((f) => deps.uriFromPath(f));
  let requirements = arg?.requirements ? deps.uriFromPath(arg.requirements) : undefined;
  if (!arg) {
    sources = await pickTeamSources();
    if (!sources) return undefined;
    const chosen = await pickRequirements();
    if (chosen === undefined) return undefined;
    requirements = chosen ?? undefined;
  }
  const shown = await readReport(deps, sources!, requirements ?? null);
  const panel = TeamReportPanel.show(deps.extensionUri, deps.log, shown);
  const csv = arg?.csv ? await panel.exportCsv(deps.uriFromPath(arg.csv)) : undefined;
  return { report: shown.report, ...(csv ? { csv } : {}) };
}

/** Reads the team files (and the requirements) and merges them into the report, as they are now. */
async function readReport(deps: TeamDeps, sources: readonly vscode.Uri[], requirements: vscode.Uri | null): Promise<ShownReport> {
  const problems: FileProblem[] = [];
  const inputs: TeamInput[] = [];
  for (const uri of sources) inputs.push(...(await readTeamSources(uri, problems)));
  const reqInput = requirements ? await readLimited(requirements, MAX_REQUIREMENTS_BYTES, 'requirements file') : null;
  const catalog = deps.catalog();
  // A file's checks per turn of the host: reading a team's files in one go was a block of 20 ms.
  const { value: built } = await runInSlices(teamReportSteps(inputs, reqInput, localToday(deps.now()), (k) => catalog.get(k)?.name, problems), { kind: 'team report' });
  const { report, merged } = built;
  deps.log.info(`team report: ${report.engineers.length} engineers from ${report.fileCount} files${report.problems.length ? `; refused:\n${report.problems.map(describeProblem).join('\n')}` : ''}`);
  return { report, merged, sources: { files: sources.map((u) => u.toString()), requirements: requirements?.toString() ?? null } };
}

/**
 * A team report VS Code restores after a window reload (the shell's panel serializer, through
 * src/app/teamBundle.ts): `state` is what the page kept, the files the report was made from. They
 * are read again, so the report shows them as they are now (a file since removed is listed as
 * refused). A state that names no files (not one this version's page keeps) closes the panel.
 */
export async function reviveTeamReport(deps: TeamDeps, panel: vscode.WebviewPanel, state: unknown): Promise<TeamReport | undefined> {
  const saved = ReportViewStateSchema.safeParse(state);
  if (!saved.success) {
    deps.log.warn('team report: the restored panel kept no team files to read again; it is closed (open the report again)');
    panel.dispose();
    return undefined;
  }
  const { files, requirements } = saved.data.sources;
  const shown = await readReport(
    deps,
    files.map((f) => vscode.Uri.parse(f, true)),
    requirements === null ? null : vscode.Uri.parse(requirements, true),
  );
  TeamReportPanel.revive(panel, deps.extensionUri, deps.log, shown);
  return shown.report;
}

async function pickTeamSources(): Promise<vscode.Uri[] | undefined> {
  const files = { label: t('$(files) Team files…'), detail: t('Pick one or more *.certstudy.json files') };
  const folder = { label: t('$(folder) A folder of team files…'), detail: t('Every *.certstudy.json file in it') };
  const choice = await vscode.window.showQuickPick([files, folder], { title: t('Open Team Report'), placeHolder: t('Which team files?') });
  if (!choice) return undefined;
  const picked = await vscode.window.showOpenDialog({
    title: t('Open Team Report'),
    canSelectFiles: choice === files,
    canSelectFolders: choice === folder,
    canSelectMany: choice === files,
    filters: choice === files ? { [t('Team files')]: ['json'] } : undefined,
  });
  return picked?.length ? picked : undefined;
}

/** A requirements file, null for none, undefined when cancelled. */
async function pickRequirements(): Promise<vscode.Uri | null | undefined> {
  const withFile = { label: t('$(checklist) Compare with client requirements…'), detail: t('A small JSON file: clients, their platform and the certifications they require') };
  const without = { label: t('$(close) No requirements') };
  const choice = await vscode.window.showQuickPick([withFile, without], { title: t('Open Team Report'), placeHolder: t('Check the team against client requirements?') });
  if (!choice) return undefined;
  if (choice === without) return null;
  const picked = await vscode.window.showOpenDialog({ title: t('Client requirements'), canSelectMany: false, filters: { JSON: ['json'] } });
  return picked?.[0] ?? undefined;
}

async function readTeamSources(uri: vscode.Uri, problems: FileProblem[]): Promise<TeamInput[]> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (err) {
    return [{ file: displayName(uri), unreadable: t('could not be read ({0})', (err as Error).message) }];
  }
  if (stat.type & vscode.FileType.Directory) {
    const names = teamFilesIn((await vscode.workspace.fs.readDirectory(uri)).filter(([, type]) => type & vscode.FileType.File).map(([n]) => n));
    if (names.length === 0) problems.push({ file: displayName(uri), path: '$', message: t('a folder with no *.certstudy.json files') });
    const inputs: TeamInput[] = [];
    for (const n of names) inputs.push(await readLimited(vscode.Uri.joinPath(uri, n), MAX_TEAM_FILE_BYTES, 'team file'));
    return inputs;
  }
  return [await readLimited(uri, MAX_TEAM_FILE_BYTES, 'team file', stat)];
}

/** A file's bytes; one larger than `max` is not loaded at all, only named, and refused. */
async function readLimited(uri: vscode.Uri, max: number, what: string, known?: vscode.FileStat): Promise<TeamInput> {
  const file = displayName(uri);
  try {
    const stat = known ?? (await vscode.workspace.fs.stat(uri));
    if (stat.size > max) return { file, unreadable: tooLargeMessage(stat.size, max, what) };
    return { file, bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (err) {
    return { file, unreadable: t('could not be read ({0})', (err as Error).message) };
  }
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function defaultUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.fsPath;
}

/** The file as the report names it: relative to the workspace when inside it. */
function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/**
 * The team commands' handlers by command name, as the command table (src/app/commandTable.ts)
 * names them; src/app/teamBundle.ts checks the two against each other.
 */
export const TEAM_COMMAND_HANDLERS = { exportTeamFile, editProfile, exportBackup, importBackup, openTeamReport };
