import * as z from 'zod';
import { WEEKDAYS } from './weekdays';

/**
 * The `certStudy.*` settings, with the defaults package.json declares. A hand-edited
 * settings.json can hold anything: each value that does not fit falls back to its default
 * on its own, and the rest still apply.
 */
export const SettingsSchema = z.object({
  'tree.sortBy': z.enum(['examDate', 'name', 'added']).catch('examDate'),
  'catalog.showRetired': z.boolean().catch(true),
  confirmBeforeRemove: z.boolean().catch(true),
  'practice.intervalDays': z.number().int().min(1).max(365).catch(14),
  'practice.readiness.consecutive': z.number().int().min(1).max(20).catch(3),
  'practice.readiness.marginPoints': z.number().min(0).max(50).catch(5),
  'practice.readiness.domainFloorPoints': z.number().min(0).max(100).catch(10),
  'practice.defaultPassPercent': z.number().min(1).max(100).catch(75),
  'practice.reminders': z.boolean().catch(true),
  'morningBlock.enabled': z.boolean().catch(true),
  'morningBlock.start': z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).catch('08:00'),
  'morningBlock.durationMinutes': z.number().int().min(5).max(600).catch(60),
  'morningBlock.days': z.array(z.enum(WEEKDAYS)).catch(['mon', 'tue', 'wed', 'thu', 'fri']),
  'morningBlock.autoStop': z.boolean().catch(true),
  'timer.idleMinutes': z.number().int().min(0).max(24 * 60).catch(30),
  dailyMinimumMinutes: z.number().int().min(1).max(24 * 60).catch(20),
  restDays: z.array(z.enum(WEEKDAYS)).catch([]),
  weeklyGoalHours: z.number().min(0).max(168).catch(5),
  'statusBar.show': z.enum(['auto', 'timerOnly', 'never']).catch('auto'),
  'renewal.warnDays': z.number().int().min(0).max(3650).catch(90),
  'renewal.reminders': z.boolean().catch(true),
  paceWarningDays: z.number().int().min(0).max(365).catch(14),
  billableHoursPerWeek: z.number().min(0).max(168).catch(32),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/** Reads each setting through `get` and validates it; never throws. */
export function readSettings(get: (key: SettingKey) => unknown): Settings {
  const keys = Object.keys(SettingsSchema.shape) as SettingKey[];
  return SettingsSchema.parse(Object.fromEntries(keys.map((k) => [k, get(k)])));
}
