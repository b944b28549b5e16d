import type { StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { BlockSettings, Weekday } from './blockSchedule';
import { formatHours } from '../time/durations';
import { addDays, localToday, mondayOf } from '../time/localDays';
import { minutesByLocalDay, morningBlocksThisWeek, streaks } from './days';
import type { Localize } from '../util/localize';
import type { TreeNodeView } from '../model/treeNode';

export const WEEK_NODE_ID = 'week';

export interface WeekSettings {
  block: BlockSettings;
  dailyMinimumMinutes: number;
  restDays: readonly Weekday[];
}

/**
 * The row above the certifications: this ISO week's hours, the morning blocks kept so far
 * ("4 of 5 morning blocks") and the study streak, all in the engineer's local days.
 */
export function weekRow(
  sessions: readonly StudySession[],
  settings: WeekSettings,
  now: Date,
  t: Localize,
  /** minutesByLocalDay(sessions), when the caller has it already. */
  byDay: ReadonlyMap<IsoDate, number> = minutesByLocalDay(sessions),
): TreeNodeView {
  const today = localToday(now);
  const monday = mondayOf(today);
  let weekMinutes = 0;
  for (let i = 0; i < 7; i++) weekMinutes += byDay.get(addDays(monday, i)) ?? 0;
  const blocks = morningBlocksThisWeek(sessions, settings.block, now, settings.dailyMinimumMinutes);
  const streak = streaks(byDay, today, settings.dailyMinimumMinutes, settings.restDays);
  // The morning blocks first: the sidebar is narrow and cuts the end of a long description.
  const parts: string[] = [];
  if (settings.block.enabled && blocks.scheduled > 0) parts.push(t('{0} of {1} morning blocks', blocks.kept, blocks.scheduled));
  parts.push(t('{0} h', formatHours(Math.round(weekMinutes))));
  parts.push(streak.current === 0 ? t('no streak yet') : streak.current === 1 ? t('1-day streak') : t('{0}-day streak', streak.current));
  const description = parts.join(' · ');
  const tooltip = [
    `**${t('This week')}** (${t('Monday to Sunday, your local days')})`,
    '',
    `- ${t('Studied: {0} h', formatHours(Math.round(weekMinutes)))}`,
    settings.block.enabled ? `- ${t('Morning blocks kept: {0} of {1} so far ({2} min of study inside a block keeps it)', blocks.kept, blocks.scheduled, Math.min(settings.dailyMinimumMinutes, settings.block.durationMinutes))}` : `- ${t('Morning blocks are off')}`,
    `- ${t('Streak: {0} days (best {1}); a day counts from {2} min', streak.current, streak.best, settings.dailyMinimumMinutes)}`,
  ].join('\n');
  return {
    id: WEEK_NODE_ID,
    parentId: null,
    label: t('This week'),
    description,
    tooltip,
    icon: { id: 'calendar' },
    contextValue: 'week',
    collapsible: 'none',
    childIds: [],
    accessibilityLabel: `${t('This week')}: ${description}`,
  };
}
