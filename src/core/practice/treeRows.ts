import type { CatalogEntry } from '../model/catalog';
import type { PracticeExam } from '../model/logs';
import type { TrackedCertification } from '../model/tracking';
import type { PracticeDue } from './cadence';
import { formatForecast, type Forecast } from './forecast';
import { explainPassMark, shortPassMark, type PassMark } from './passMark';
import { formatPercent } from '../catalog/percent';
import { formatEntered } from './score';
import { practiceSummary, type PracticeSummary, type PracticeSummaryInput } from './summary';
import { localDayOf } from '../time/localDays';
import { escapeMarkdown } from '../util/markdown';
import type { TreeNodeView } from '../model/treeNode';
import type { Localize } from '../util/localize';

/** Shown for figures that come from the logs while they are still loading. */
const PENDING = '…';
const PASSED_ICON = { id: 'pass-filled', color: 'testing.iconPassed' };
const BELOW_ICON = { id: 'circle-slash', color: 'list.warningForeground' };
const RECORD = 'certStudy.recordPracticeExam';

function row(
  id: string,
  parentId: string,
  fields: Pick<TreeNodeView, 'label' | 'description' | 'tooltip' | 'icon' | 'contextValue'> & Partial<Pick<TreeNodeView, 'command' | 'accessibilityLabel'>>,
): TreeNodeView {
  return { ...fields, id, parentId, childIds: [], collapsible: 'none', accessibilityLabel: fields.accessibilityLabel ?? `${fields.label}, ${fields.description}` };
}

/**
 * The Practice exams row of a certification and its children: when the next one is due, the
 * readiness verdict with its reasons, the domain to study next, and the exams, latest first.
 * Returns the summary too, for the certification's own row.
 */
export function practiceNodes(
  input: PracticeSummaryInput & { parentId: string; t: Localize; logsLoaded: boolean },
): { nodes: TreeNodeView[]; summary: PracticeSummary | null } {
  const { parentId, cert, t } = input;
  const id = `${parentId}/practice`;
  const summary = practiceSummary(input, t);
  const pass = shortPassMark(summary.pass, t);
  if (!input.logsLoaded) {
    const description = `${PENDING} · ${pass}`;
    const pending = row(id, parentId, { label: t('Practice exams'), description, tooltip: t('Loading…'), icon: { id: 'checklist' }, contextValue: 'practiceExams' });
    return { nodes: [pending], summary: null };
  }
  const { latest, trend, readiness } = summary;
  const parts = [latest ? t('latest {0} %', formatPercent(latest.scorePercent)) + (trend === null ? '' : ` ${trendText(trend)}`) : t('none yet'), pass];
  const due = duePhrase(summary.due, t, 'short');
  if (due) parts.push(due);
  const children = [
    nextRow(id, cert, summary.due, t),
    readinessRow(id, summary, t),
    ...(summary.studyNext ? [studyNextRow(id, summary, t)] : []),
    // Latest first: the score that matters now is on top.
    ...[...summary.exams].reverse().map((exam, i, list) => examRow(id, exam, list[i + 1], summary, input.entry, t)),
  ];
  const tooltip = [
    t('{0} practice exams taken.', summary.exams.length),
    explainPassMark(summary.pass, t),
    forecastSentence(summary.forecast, summary.pass, t),
    t('Cadence: a diagnostic practice exam in the first week of studying, then one every {0} days (certStudy.practice.intervalDays).', input.settings.intervalDays),
  ]
    .map(escapeMarkdown)
    .concat(`*${escapeMarkdown(summary.forecast.limits)}*`)
    .join('\n\n');
  const practiceRow: TreeNodeView = {
    id,
    parentId,
    label: t('Practice exams'),
    description: parts.join(' · '),
    tooltip,
    icon: !latest ? { id: 'checklist' } : latest.scorePercent >= summary.pass.percent ? { id: 'checklist', color: 'testing.iconPassed' } : { id: 'checklist', color: 'list.warningForeground' },
    contextValue: 'practiceExams',
    collapsible: 'collapsed',
    childIds: children.map((c) => c.id),
    accessibilityLabel: `${t('Practice exams')}, ${parts.join(', ')}, ${readiness.ready ? t('Ready') : t('Not yet')}`,
  };
  return { nodes: [practiceRow, ...children], summary };
}

/**
 * The pass forecast in one sentence for the hover: "Forecast for exam day (2027-02-01): expected
 * 78 % (70–86 %) against a pass mark of 72 %: likely pass." or why there is none yet.
 */
export function forecastSentence(forecast: Forecast, pass: PassMark, t: Localize): string {
  if (forecast.kind === 'insufficient') return t('Pass forecast: not enough data yet ({0}).', forecast.reason);
  const verdict = { 'likely pass': t('likely pass'), 'likely fail': t('likely fail'), uncertain: t('too close to call') }[forecast.verdict];
  const when = forecast.target === 'exam' ? t('Pass forecast for exam day ({0})', forecast.targetDate) : t('Pass forecast for today ({0}, no exam date ahead)', forecast.targetDate);
  const notes = forecast.notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}${/[.!?]$/.test(n) ? '' : '.'}`);
  return [`${when}: ${formatForecast(forecast, pass, t)}: ${verdict}.`, ...notes].join(' ');
}

/** "↑ 5", "↓ 3.5", "→ 0": the change in points since the previous practice exam. */
function trendText(points: number): string {
  const arrow = points > 0 ? '↑' : points < 0 ? '↓' : '→';
  return `${arrow} ${formatPercent(Math.abs(points))}`;
}

/**
 * When the next practice exam is due. `short` for the Practice exams row ("next in 11 d",
 * "due today", "overdue 3 d"); `long` for its own row, with the date.
 */
export function duePhrase(due: PracticeDue, t: Localize, style: 'short' | 'long'): string | null {
  if (due.kind === 'none') {
    if (style === 'short') return null;
    return due.why === 'passed' ? t('none needed: passed') : t('from your first day of studying');
  }
  const diagnostic = due.kind === 'diagnostic';
  if (style === 'short') {
    if (due.state === 'upcoming') return t('next in {0} d', due.daysUntil);
    if (due.state === 'overdue') return diagnostic ? t('diagnostic overdue {0} d', due.daysOverdue) : t('practice overdue {0} d', due.daysOverdue);
    return diagnostic ? t('diagnostic due by {0}', due.dueBy) : t('practice due today');
  }
  if (due.state === 'upcoming') return t('{0} · in {1} d', due.dueFrom, due.daysUntil);
  if (due.state === 'overdue') return diagnostic ? t('diagnostic, was due by {0} · overdue {1} d', due.dueBy, due.daysOverdue) : t('{0} · overdue {1} d', due.dueBy, due.daysOverdue);
  return diagnostic ? t('diagnostic, due this week (by {0})', due.dueBy) : t('{0} · due today', due.dueFrom);
}

function nextRow(parentId: string, cert: TrackedCertification, due: PracticeDue, t: Localize): TreeNodeView {
  const state = due.kind === 'none' ? 'none' : due.state;
  const icons = {
    none: { id: 'dash' },
    upcoming: { id: 'bell' },
    due: { id: 'bell-dot', color: 'list.warningForeground' },
    overdue: { id: 'warning', color: 'list.errorForeground' },
  };
  return row(`${parentId}/next`, parentId, {
    label: t('Next practice exam'),
    description: duePhrase(due, t, 'long')!,
    tooltip: escapeMarkdown(nextTooltip(due, t)),
    icon: icons[state],
    contextValue: `practiceDue+${state}`,
    command: due.kind === 'none' ? undefined : { id: RECORD, title: t('Record Practice Exam'), argument: { key: cert.key } },
  });
}

function nextTooltip(due: PracticeDue, t: Localize): string {
  if (due.kind === 'none') {
    return due.why === 'passed'
      ? t('Passed: no more practice exams are due.')
      : t('The cadence starts with your first study session or practice exam, or when the status says you are studying.');
  }
  return due.kind === 'diagnostic'
    ? t('A diagnostic practice exam in your first week of studying shows where you stand. Click to record one.')
    : t('One practice exam every interval after the latest. Click to record one.');
}

function readinessRow(parentId: string, summary: PracticeSummary, t: Localize): TreeNodeView {
  const { ready, reasons } = summary.readiness;
  const verdict = ready ? t('Ready') : t('Not yet');
  const rules = reasons.filter((r) => r.kind !== 'info').map((r) => r.text);
  const marks = { met: '✓', unmet: '✗', info: 'ℹ' };
  const tooltip = [`**${escapeMarkdown(verdict)}**`, '', ...reasons.map((r) => `- ${marks[r.kind]} ${escapeMarkdown(r.text)}`)].join('\n');
  return row(`${parentId}/readiness`, parentId, {
    label: t('Readiness'),
    description: `${verdict} · ${rules.join('; ')}`,
    tooltip,
    icon: ready ? PASSED_ICON : BELOW_ICON,
    contextValue: ready ? 'readiness+ready' : 'readiness+notYet',
    accessibilityLabel: `${t('Readiness')}, ${verdict}, ${reasons.map((r) => r.text).join(', ')}`,
  });
}

function studyNextRow(parentId: string, summary: PracticeSummary, t: Localize): TreeNodeView {
  const d = summary.studyNext!;
  const weight = d.weightKnown ? t('weight {0} %', formatPercent(d.weightPercent)) : t('weight unknown, an equal share assumed');
  return row(`${parentId}/study-next`, parentId, {
    label: t('Study next'),
    description: `${d.name}: ${formatPercent(d.percent)} % · ${weight}`,
    tooltip: escapeMarkdown(
      t(
        'Latest score {0} % (practice exam of {1}). Weighed by its exam weight, this domain costs the most points: about {2} of 100. The study timer offers it first.',
        formatPercent(d.percent),
        d.takenOn,
        formatPercent(d.pointsAtStake),
      ),
    ),
    icon: { id: 'target' },
    contextValue: 'studyNext',
  });
}

function examRow(
  parentId: string,
  exam: PracticeExam,
  previous: PracticeExam | undefined,
  summary: PracticeSummary,
  entry: CatalogEntry | undefined,
  t: Localize,
): TreeNodeView {
  const pass = summary.pass.percent;
  const entered = exam.entered && exam.entered.kind !== 'percent' ? ` (${formatEntered(exam.entered)})` : '';
  const change = previous ? ` ${trendText(exam.scorePercent - previous.scorePercent)}` : '';
  const description = `${formatPercent(exam.scorePercent)} %${entered}${change}${exam.source ? ` · ${exam.source}` : ''}`;
  const above = exam.scorePercent >= pass;
  const verdict = above ? t('At or above the pass mark ({0} %)', formatPercent(pass)) : t('Below the pass mark ({0} %)', formatPercent(pass));
  const domainLines = Object.entries(exam.domainScores).map(([id, percent]) => {
    const name = entry?.domains.find((d) => d.id === id)?.name ?? id;
    return `- ${escapeMarkdown(name)}: ${formatPercent(percent)} %`;
  });
  const tooltip = [
    escapeMarkdown(verdict),
    ...(exam.source ? ['', escapeMarkdown(t('Source: {0}', exam.source))] : []),
    ...(domainLines.length ? ['', escapeMarkdown(t('Domain scores:')), ...domainLines] : []),
    ...(exam.note ? ['', escapeMarkdown(exam.note)] : []),
  ].join('\n');
  return row(`${parentId}/${exam.id}`, parentId, {
    label: localDayOf(exam.takenAt),
    description,
    tooltip,
    icon: above ? PASSED_ICON : BELOW_ICON,
    contextValue: 'practiceExam',
  });
}
