import type { Catalog } from '../catalog/catalog';
import { isCustomKey, isRetired } from '../catalog/catalog';
import { effectiveStatus, expiresOn } from '../certifications/certifications';
import type { CatalogEntry } from '../model/catalog';
import type { Settings } from '../model/settings';
import type { IsoDate } from '../model/primitives';
import type { CertStatus, TrackedCertification } from '../model/tracking';
import { firstSessionDays } from '../practice/cadence';
import { DEFAULT_PRACTICE_SETTINGS, type PracticeSettings } from '../practice/settings';
import { progressByCertification, progressOf, type CertProgress } from '../certifications/progress';
import { formatHours } from '../time/durations';
import type { StudySnapshot } from '../store/studyStore';
import { calendarDaysUntil } from '../time/localDays';
import { escapeMarkdown } from '../util/markdown';
import { catalogFactsMarkdown, formatRange } from '../catalog/facts';
import type { Localize } from '../util/localize';
import type { TreeNodeView } from '../model/treeNode';
import { WEEK_NODE_ID, weekRow, type WeekSettings } from '../timer/weekRow';
import { minutesByLocalDay } from '../timer/days';
import { practiceNodes } from '../practice/treeRows';
import type { Plan } from '../model/plans';
import { planNodes } from '../plans/treeRows';
import { runSteps, type Steps } from '../util/slices';
import { sameData } from '../util/sameData';

export type { TreeNodeView } from '../model/treeNode';

export interface CertTree {
  rootIds: string[];
  nodes: ReadonlyMap<string, TreeNodeView>;
}

export type TreeSort = Settings['tree.sortBy'];

/** Shown for figures that come from the logs while they are still loading. */
const PENDING = '…';

export const STATUS_ICONS: Record<CertStatus, { id: string; color?: string }> = {
  planned: { id: 'circle-large-outline' },
  studying: { id: 'book' },
  scheduled: { id: 'calendar' },
  passed: { id: 'pass-filled', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  expired: { id: 'warning', color: 'list.warningForeground' },
};

export function certNodeId(key: string): string {
  return `cert:${key}`;
}

export function statusLabel(status: CertStatus, t: Localize): string {
  const labels: Record<CertStatus, string> = {
    planned: t('Planned'),
    studying: t('Studying'),
    scheduled: t('Exam booked'),
    passed: t('Passed'),
    failed: t('Failed'),
    expired: t('Expired'),
  };
  return labels[status];
}

/** "exam in 23 d", "exam today", "exam 2 d ago". */
function daysPhrase(days: number, t: Localize, future: string, today: string, past: string): string {
  if (days === 0) return today;
  return days > 0 ? t(future, days) : t(past, -days);
}

/** What the tree is built from. */
export interface CertTreeInput {
  snapshot: StudySnapshot;
  catalog: Catalog;
  now: Date;
  sortBy: TreeSort;
  t: Localize;
  /** The certStudy.practice.* settings; the defaults when not given. */
  practice?: PracticeSettings;
  /** The "this week" row's settings; no row when not given. */
  week?: WeekSettings;
  /** The certification whose study timer exists, if any: its row shows it. */
  timer?: { certKey: string; paused: boolean } | null;
  /** Certification plans: a row each, after the week row and before the certifications. */
  plans?: readonly Plan[];
}

/**
 * Builds the whole Certifications tree from a snapshot. Ids come from domain identity
 * (`cert:<key>`, `cert:<key>/domains/<id>`), never counters, so VS Code keeps expansion state.
 */
export function buildCertTree(input: CertTreeInput): CertTree {
  return runSteps(certTreeSteps(input));
}

/**
 * The same build a step at a time: a step walks the logs or adds one certification's rows, so a
 * caller can give the host a turn in between (runInSlices); at ten years a whole build was
 * 20-45 ms in the extension host (docs/performance.md, "Blocks over a frame").
 * buildCertTree runs it straight through: one build, two ways to run it.
 */
export function* certTreeSteps(input: CertTreeInput): Steps<CertTree> {
  const { snapshot, catalog, now, t } = input;
  const progress = progressByCertification(snapshot.sessions, snapshot.practiceExams);
  const firstSession = firstSessionDays(snapshot.sessions);
  const practice = { settings: input.practice ?? DEFAULT_PRACTICE_SETTINGS, firstSession };
  yield 'logs walked';
  const nodes = new Map<string, TreeNodeView>();
  const certs = sortCertifications(snapshot.certifications, catalog, input.sortBy, now);
  for (const cert of certs) {
    // The tree shows the status as of today: a pass past its expiry reads "Expired".
    const shown = { ...cert, status: effectiveStatus(cert, catalog.get(cert.key), now) };
    addCertNodes(nodes, shown, catalog, progressOf(progress, cert.key), now, t, snapshot.logsLoaded, practice);
    yield 'certification';
  }
  const rootIds = certs.map((c) => certNodeId(c.key));
  const timerNode = input.timer ? nodes.get(certNodeId(input.timer.certKey)) : undefined;
  if (timerNode && input.timer) {
    const state = input.timer.paused ? t('timer paused') : t('timer running');
    nodes.set(timerNode.id, {
      ...timerNode,
      icon: { id: input.timer.paused ? 'debug-pause' : 'watch', color: 'charts.green' },
      contextValue: `${timerNode.contextValue}+timer`,
      accessibilityLabel: `${timerNode.accessibilityLabel}, ${state}`,
    });
  }
  if (input.plans?.length) {
    const planRows = planNodes({ plans: input.plans, certifications: snapshot.certifications, sessions: snapshot.sessions, catalog, now, t });
    for (const node of planRows) nodes.set(node.id, node);
    rootIds.unshift(...planRows.filter((n) => n.parentId === null).map((n) => n.id));
    yield 'plans';
  }
  if (input.week && certs.length > 0 && snapshot.logsLoaded) {
    const byDay = minutesByLocalDay(snapshot.sessions);
    yield 'minutes by day';
    nodes.set(WEEK_NODE_ID, weekRow(snapshot.sessions, input.week, now, t, byDay));
    rootIds.unshift(WEEK_NODE_ID);
  }
  return { rootIds, nodes };
}

/**
 * Plain code-unit order on lower-cased names: localeCompare's first call initialises ICU's
 * collator, which alone cost ~6 ms of the tree's first build in the extension host.
 */
function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortCertifications(list: readonly TrackedCertification[], catalog: Catalog, sortBy: TreeSort, now: Date): TrackedCertification[] {
  const name = (c: TrackedCertification) => catalog.get(c.key)?.shortName ?? c.key;
  const sorted = [...list];
  if (sortBy === 'name') sorted.sort((a, b) => compareNames(name(a), name(b)));
  if (sortBy === 'added') sorted.sort((a, b) => Date.parse(a.addedAt) - Date.parse(b.addedAt));
  if (sortBy === 'examDate') {
    // Upcoming booked exams first, soonest on top; the rest (passed, past dates, none) by name.
    const upcoming = (c: TrackedCertification) =>
      c.examDate !== null && c.status !== 'passed' && c.status !== 'expired' && calendarDaysUntil(c.examDate, now) >= 0 ? c.examDate : null;
    sorted.sort((a, b) => {
      const x = upcoming(a);
      const y = upcoming(b);
      if (x && y) return compareNames(x, y);
      if (x || y) return x ? -1 : 1;
      return compareNames(name(a), name(b));
    });
  }
  return sorted;
}

function addCertNodes(
  nodes: Map<string, TreeNodeView>,
  cert: TrackedCertification,
  catalog: Catalog,
  progress: CertProgress,
  now: Date,
  t: Localize,
  logsLoaded: boolean,
  practice: { settings: PracticeSettings; firstSession: ReadonlyMap<string, IsoDate> },
): void {
  const entry = catalog.get(cert.key);
  // Until the logs are in, hours read "…" rather than a misleading 0.
  const hours = logsLoaded ? formatHours : () => PENDING;
  const id = certNodeId(cert.key);
  const label = entry?.shortName ?? cert.key;
  const practiceRows = practiceNodes({
    parentId: id,
    cert,
    entry,
    exams: progress.practiceExams,
    firstSessionDay: practice.firstSession.get(cert.key),
    settings: practice.settings,
    now,
    t,
    logsLoaded,
  });
  // Each builder returns its row followed by its own children.
  const descendants: TreeNodeView[] = [
    hoursNode(id, cert, progress, t, hours, logsLoaded),
    examDateNode(id, cert, now, t),
    ...expiryNodes(id, cert, entry, now, t),
    ...practiceRows.nodes,
    ...domainNodes(id, entry, progress, t, hours),
  ];
  const parts = [describeHours(cert, progress, t, hours)];
  const when = timingPhrase(cert, entry, now, t);
  if (when) parts.push(when);
  const due = practiceRows.summary?.due;
  if (due && due.kind !== 'none' && due.state === 'overdue') parts.push(t('practice overdue'));
  if (entry && isRetired(entry)) parts.push(t('retired'));
  const flags = [
    'certification',
    cert.status,
    isCustomKey(cert.key) ? 'custom' : 'catalog',
    entry && isRetired(entry) ? 'retired' : 'current',
    cert.examDate ? 'hasExamDate' : 'noExamDate',
  ];
  const successorNames = (entry?.successorKeys ?? []).map((k) => catalog.get(k)?.shortName ?? k);
  const tooltip = entry
    ? `${catalogFactsMarkdown(entry, successorNames, t)}\n\n---\n\n${t('Status: {0}', statusLabel(cert.status, t))}`
    : escapeMarkdown(t('{0} is not in the catalog (it may have been removed in an update).', cert.key));
  nodes.set(id, {
    id,
    parentId: null,
    label,
    description: parts.join(' · '),
    tooltip,
    icon: STATUS_ICONS[cert.status],
    contextValue: flags.join('+'),
    collapsible: 'collapsed',
    childIds: descendants.filter((n) => n.parentId === id).map((n) => n.id),
    accessibilityLabel: t('{0}, {1}, {2}', label, statusLabel(cert.status, t), parts.join(', ')),
  });
  for (const node of descendants) nodes.set(node.id, node);
}

function describeHours(cert: TrackedCertification, progress: CertProgress, t: Localize, hours: (minutes: number) => string): string {
  const done = hours(progress.studyMinutes);
  return cert.targetMinutes ? t('{0} / {1} h', done, formatHours(cert.targetMinutes)) : t('{0} h', done);
}

/** The countdown that matters for this status: to the exam, or to the renewal deadline. */
function timingPhrase(cert: TrackedCertification, entry: CatalogEntry | undefined, now: Date, t: Localize): string | null {
  if (cert.status === 'passed' || cert.status === 'expired') {
    const expiry = expiresOn(cert, entry);
    if (!expiry) return null;
    const days = calendarDaysUntil(expiry, now);
    return daysPhrase(days, t, 'expires in {0} d', t('expires today'), 'expired {0} d ago');
  }
  if (!cert.examDate) return null;
  const days = calendarDaysUntil(cert.examDate, now);
  return daysPhrase(days, t, 'exam in {0} d', t('exam today'), 'exam {0} d ago');
}

function leaf(parentId: string, suffix: string, fields: Omit<TreeNodeView, 'id' | 'parentId' | 'childIds' | 'collapsible' | 'accessibilityLabel'> & { accessibilityLabel?: string }): TreeNodeView {
  return {
    ...fields,
    id: `${parentId}/${suffix}`,
    parentId,
    childIds: [],
    collapsible: 'none',
    accessibilityLabel: fields.accessibilityLabel ?? `${fields.label}, ${fields.description}`,
  };
}

function hoursNode(
  parentId: string,
  cert: TrackedCertification,
  progress: CertProgress,
  t: Localize,
  hours: (minutes: number) => string,
  logsLoaded: boolean,
): TreeNodeView {
  const percent = cert.targetMinutes ? Math.min(100, Math.floor((progress.studyMinutes / cert.targetMinutes) * 100)) : null;
  const described = describeHours(cert, progress, t, hours);
  const description = percent === null || !logsLoaded ? described : `${described} (${percent} %)`;
  return leaf(parentId, 'hours', {
    label: t('Study hours'),
    description,
    tooltip: cert.targetMinutes ? t('{0} of your {1}-hour target', hours(progress.studyMinutes), formatHours(cert.targetMinutes)) : t('No study target set'),
    icon: { id: 'clock' },
    contextValue: 'studyHours',
    command: { id: 'certStudy.editCertification', title: t('Edit'), argument: { key: cert.key, field: 'targetHours' } },
  });
}

function examDateNode(parentId: string, cert: TrackedCertification, now: Date, t: Localize): TreeNodeView {
  const description = cert.examDate
    ? `${cert.examDate} · ${daysPhrase(calendarDaysUntil(cert.examDate, now), t, 'in {0} d', t('today'), '{0} d ago')}`
    : t('not booked');
  return leaf(parentId, 'exam', {
    label: t('Exam date'),
    description,
    tooltip: cert.examDate ? t('Exam booked for {0}', cert.examDate) : t('Set the date once the exam is booked'),
    icon: { id: 'calendar' },
    contextValue: cert.examDate ? 'examDate+set' : 'examDate+unset',
    command: { id: 'certStudy.editCertification', title: t('Edit'), argument: { key: cert.key, field: 'examDate' } },
  });
}

function expiryNodes(parentId: string, cert: TrackedCertification, entry: CatalogEntry | undefined, now: Date, t: Localize): TreeNodeView[] {
  if (cert.status !== 'passed' && cert.status !== 'expired') return [];
  const expiry = expiresOn(cert, entry);
  const description = expiry
    ? `${expiry} · ${daysPhrase(calendarDaysUntil(expiry, now), t, 'in {0} d', t('today'), '{0} d ago')}`
    : entry?.validity.expires === false
      ? t('does not expire')
      : t('unknown');
  return [
    leaf(parentId, 'expiry', {
      label: t('Expires'),
      description,
      tooltip: cert.earnedOn ? t('Earned on {0}', cert.earnedOn) : t('Date earned unknown'),
      icon: { id: 'history' },
      contextValue: 'expiry',
    }),
  ];
}

function domainNodes(
  parentId: string,
  entry: CatalogEntry | undefined,
  progress: CertProgress,
  t: Localize,
  hours: (minutes: number) => string,
): TreeNodeView[] {
  if (!entry || entry.domains.length === 0) return [];
  const id = `${parentId}/domains`;
  const children = entry.domains.map((d) => {
    const minutes = progress.minutesByDomain.get(d.id) ?? 0;
    const weight = formatRange(d.weightPercent, ' %');
    return leaf(id, d.id, {
      label: d.name,
      description: weight ? t('{0} h · weight {1}', hours(minutes), weight) : t('{0} h · weight unknown', hours(minutes)),
      tooltip: t('Study logged against this exam domain'),
      icon: { id: 'symbol-field' },
      contextValue: 'domain',
    });
  });
  const row: TreeNodeView = {
    id,
    parentId,
    label: t('Domains'),
    description: String(entry.domains.length),
    tooltip: t('Hours studied per exam domain, beside the domain’s weight in the exam'),
    icon: { id: 'list-tree' },
    contextValue: 'domains',
    collapsible: 'collapsed',
    childIds: children.map((c) => c.id),
    accessibilityLabel: t('Domains, {0}', entry.domains.length),
  };
  return [row, ...children];
}

/**
 * Which root rows to refresh: 'all' when the set or order of roots changed, otherwise the
 * roots whose own row or any descendant differs.
 */
export function changedRoots(previous: CertTree | null, next: CertTree): 'all' | string[] {
  return runSteps(changedRootsSteps(previous, next));
}

/** The same a root row at a time (core/util/slices.ts), as the view's provider runs it. */
export function* changedRootsSteps(previous: CertTree | null, next: CertTree): Steps<'all' | string[]> {
  if (!previous || !sameData(previous.rootIds, next.rootIds)) return 'all';
  const changed: string[] = [];
  for (const id of next.rootIds) {
    if (!sameSubtree(previous, next, id)) changed.push(id);
    yield 'compared a row';
  }
  return changed;
}

/** Whether a row and every row under it say the same in both trees (a row missing from both is the same). */
function sameSubtree(a: CertTree, b: CertTree, id: string): boolean {
  const left = a.nodes.get(id);
  const right = b.nodes.get(id);
  if (!left || !right) return left === right;
  return sameData(left, right) && left.childIds.every((child) => sameSubtree(a, b, child));
}
