import type { Catalog } from '../catalog/catalog';
import type { StudySession } from '../model/logs';
import type { Plan } from '../model/plans';
import type { TrackedCertification } from '../model/tracking';
import { planName, planSpan, slotMonths } from './plan';
import { hoursNote, leftOutNote, replacementNote, resolveStack } from './resolve';
import { stackTemplate } from './stacks';
import { planTimeline, type PlanRowState } from './timeline';
import { formatRange } from '../catalog/facts';
import type { Localize } from '../util/localize';
import { escapeMarkdown } from '../util/markdown';
import type { TreeNodeView } from '../model/treeNode';

/**
 * The plan rows of the Certifications view: one root row per plan (`plan:<id>`), below the week
 * row and above the certifications, with a row per planned certification and its months
 * (`plan:<id>/<key>`) and a row per slot left empty (`plan:<id>/slot:<slot>`, e.g. an exam closed
 * without successor). The certifications' own rows stay where they are.
 */
export function planNodeId(id: string): string {
  return `plan:${id}`;
}

const STATE_ICONS: Record<PlanRowState, { id: string; color?: string }> = {
  'passed-on-time': { id: 'pass-filled', color: 'testing.iconPassed' },
  'passed-late': { id: 'pass', color: 'testing.iconPassed' },
  overdue: { id: 'warning', color: 'list.warningForeground' },
  current: { id: 'arrow-right', color: 'charts.blue' },
  upcoming: { id: 'circle-large-outline' },
  'not-tracked': { id: 'circle-slash' },
};

export function planNodes(input: {
  plans: readonly Plan[];
  certifications: readonly TrackedCertification[];
  sessions: readonly StudySession[];
  catalog: Catalog;
  now: Date;
  t: Localize;
}): TreeNodeView[] {
  const { catalog, t } = input;
  const nodes: TreeNodeView[] = [];
  for (const plan of input.plans) {
    const id = planNodeId(plan.id);
    const template = stackTemplate(plan.id);
    const resolved = template ? resolveStack(template, catalog) : null;
    const timeline = planTimeline({ plan, certifications: input.certifications, sessions: input.sessions, catalog, now: input.now, t });
    const children: TreeNodeView[] = [];
    /** Rows in month order: by start month, then the template's slot order. */
    const order = new Map<string, string>();
    const notes: string[] = [];
    for (const row of timeline.rows) {
      const item = plan.items.find((i) => i.key === row.key)!;
      const slot = resolved?.slots.find((s) => s.template.id === item.slot);
      const option = slot?.options.find((o) => o.key === row.key);
      const why = [option ? replacementNote(option, catalog, t) : null, option ? hoursNote(option, catalog, t) : null].filter((n): n is string => n !== null);
      if (option && option.replaces) notes.push(replacementNote(option, catalog, t)!);
      const months = `${row.plannedFrom} – ${row.plannedTo}`;
      const stateText = planStateText(row.state, row.passedOn, t);
      order.set(`${id}/${row.key}`, `${row.plannedFrom}/${slotIndex(resolved, item.slot)}`);
      children.push({
        id: `${id}/${row.key}`,
        parentId: id,
        label: row.name,
        description: `${months} · ${stateText}`,
        tooltip: [
          `**${escapeMarkdown(row.name)}**: ${months}`,
          slot ? escapeMarkdown(t(slot.template.role)) : null,
          ...why.map(escapeMarkdown),
          row.studiedFrom ? escapeMarkdown(t('Studied {0} – {1}', row.studiedFrom, row.studiedTo ?? row.studiedFrom)) : escapeMarkdown(t('No study logged yet')),
          escapeMarkdown(t('Click to change its months.')),
        ]
          .filter(Boolean)
          .join('\n\n'),
        icon: STATE_ICONS[row.state],
        contextValue: `plannedCertification+${row.state}`,
        collapsible: 'none',
        childIds: [],
        accessibilityLabel: t('{0}, planned {1} to {2}, {3}', row.name, row.plannedFrom, row.plannedTo, stateText),
        command: { id: 'certStudy.editPlan', title: t('Edit Plan'), argument: { plan: plan.id, key: row.key } },
      });
    }
    for (const slot of resolved?.slots ?? []) {
      if (plan.items.some((i) => i.slot === slot.template.id)) continue;
      const { startMonth, endMonth } = slotMonths(plan, slot.template);
      const reason = slot.leftOut.length ? slot.leftOut.map((k) => leftOutNote(k, catalog, t)).join(' ') : t('Left empty when the stack was applied.');
      notes.push(reason);
      order.set(`${id}/slot:${slot.template.id}`, `${startMonth}/${slotIndex(resolved, slot.template.id)}`);
      children.push({
        id: `${id}/slot:${slot.template.id}`,
        parentId: id,
        label: t(slot.template.role),
        description: `${startMonth} – ${endMonth} · ${t('no exam')}`,
        tooltip: escapeMarkdown(reason),
        icon: { id: 'circle-slash' },
        contextValue: 'planSlot+empty',
        collapsible: 'none',
        childIds: [],
        accessibilityLabel: t('{0}, {1} to {2}, no exam: {3}', t(slot.template.role), startMonth, endMonth, reason),
      });
    }
    children.sort((a, b) => (order.get(a.id)! < order.get(b.id)! ? -1 : order.get(a.id)! > order.get(b.id)! ? 1 : 0));
    const span = planSpan(plan);
    const description = t('{0} – {1} · {2} of {3} passed', span.from, span.to, timeline.passed, timeline.rows.length);
    const name = planName(plan, t);
    const tooltip = [
      `**${escapeMarkdown(t('{0} stack', name))}**`,
      template
        ? escapeMarkdown(
            t(
              'The source article: {0} months, billing rate target {1} USD an hour. {2}.',
              formatRange(template.durationMonths) ?? '',
              formatRange(template.billingRateUsd) ?? '',
              t(template.profile),
            ),
          )
        : null,
      ...notes.map(escapeMarkdown),
      escapeMarkdown(t('Shift the whole plan with Edit Plan.')),
    ]
      .filter(Boolean)
      .join('\n\n');
    nodes.push({
      id,
      parentId: null,
      label: t('{0} plan', name),
      description,
      tooltip,
      icon: { id: 'milestone' },
      contextValue: 'plan',
      collapsible: 'expanded',
      childIds: children.map((c) => c.id),
      accessibilityLabel: t('{0} plan, {1}', name, description),
    });
    nodes.push(...children);
  }
  return nodes;
}

function slotIndex(resolved: ReturnType<typeof resolveStack> | null, slot: string): string {
  const i = resolved?.slots.findIndex((s) => s.template.id === slot) ?? -1;
  return String(i === -1 ? 99 : i).padStart(2, '0');
}

function planStateText(state: PlanRowState, passedOn: string | null, t: Localize): string {
  switch (state) {
    case 'passed-on-time':
      return t('passed {0}', passedOn ?? '');
    case 'passed-late':
      return t('passed {0}, after the plan', passedOn ?? '');
    case 'overdue':
      return t('past its months');
    case 'current':
      return t('now');
    case 'upcoming':
      return t('planned');
    case 'not-tracked':
      return t('not tracked');
  }
}
