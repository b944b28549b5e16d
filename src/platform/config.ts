import * as vscode from 'vscode';
import type { BlockSettings } from '../core/timer/blockSchedule';
import { readSettings, type Settings } from '../core/model/settings';
import { practiceSettingsOf } from '../core/practice/settings';

/** The `certStudy.*` settings, validated by the core's schema on every read (they change at any time). */
function settings(): Settings {
  const section = vscode.workspace.getConfiguration('certStudy');
  return readSettings((key) => section.get(key));
}

/** The morning block as the block schedule takes it. */
function blockSettingsOf(all: Settings): BlockSettings {
  return {
    enabled: all['morningBlock.enabled'],
    start: all['morningBlock.start'],
    durationMinutes: all['morningBlock.durationMinutes'],
    days: all['morningBlock.days'],
  };
}

export const config = {
  treeSortBy: () => settings()['tree.sortBy'],
  showRetiredInCatalog: () => settings()['catalog.showRetired'],
  confirmBeforeRemove: () => settings().confirmBeforeRemove,
  practice: () => practiceSettingsOf(settings()),
  timerIdleMinutes: () => settings()['timer.idleMinutes'],
  renewalReminders: () => settings()['renewal.reminders'],
  morningBlockAutoStop: () => settings()['morningBlock.autoStop'],
  /** What the tree's "this week" row needs: the block, the daily minimum, the rest days. */
  week: () => {
    const all = settings();
    return {
      block: blockSettingsOf(all),
      dailyMinimumMinutes: all.dailyMinimumMinutes,
      restDays: all.restDays,
    };
  },
  /** What the dashboard's figures depend on: the weekly goal, the practice rules, the streak rules, the billable hours. */
  dashboard: () => {
    const all = settings();
    return {
      weeklyGoalHours: all.weeklyGoalHours,
      practice: practiceSettingsOf(all),
      dailyMinimumMinutes: all.dailyMinimumMinutes,
      restDays: all.restDays,
      billableHoursPerWeek: all.billableHoursPerWeek,
    };
  },
  /** What the plan, ROI and calendar commands need: billable hours, the block, the practice cadence, the renewal warning. */
  plans: () => {
    const all = settings();
    return {
      billableHoursPerWeek: all.billableHoursPerWeek,
      block: blockSettingsOf(all),
      practiceIntervalDays: all['practice.intervalDays'],
      renewalWarnDays: all['renewal.warnDays'],
    };
  },
  /** Turns the practice-exam reminder off (its "Don't remind me" button). */
  turnOffPracticeReminders: () => vscode.workspace.getConfiguration('certStudy').update('practice.reminders', false, vscode.ConfigurationTarget.Global),
};
