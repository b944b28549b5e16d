import * as z from 'zod';

/**
 * The `certStudy.*` settings, with the defaults package.json declares. A hand-edited
 * settings.json can hold anything: each value that does not fit falls back to its default
 * on its own, and the rest still apply.
 */
export const SettingsSchema = z.object({
  'tree.sortBy': z.enum(['examDate', 'name', 'added']).catch('examDate'),
  'catalog.showRetired': z.boolean().catch(true),
  confirmBeforeRemove: z.boolean().catch(true),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

/** Reads each setting through `get` and validates it; never throws. */
export function readSettings(get: (key: SettingKey) => unknown): Settings {
  const keys = Object.keys(SettingsSchema.shape) as SettingKey[];
  return SettingsSchema.parse(Object.fromEntries(keys.map((k) => [k, get(k)])));
}
