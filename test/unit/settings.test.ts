import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, SettingsSchema } from '../../src/core/model/settings';

describe('settings', () => {
  it('falls back to the default for each value that does not fit, keeping the others', () => {
    const values: Record<string, unknown> = {
      'tree.sortBy': 'by-mood',
      'catalog.showRetired': false,
      confirmBeforeRemove: 'yes',
      'practice.intervalDays': 0,
      'practice.readiness.consecutive': 2.5,
      'practice.readiness.marginPoints': 3,
      'practice.defaultPassPercent': '70',
    };
    assert.deepEqual(readSettings((k) => values[k]), {
      ...readSettings(() => undefined),
      'tree.sortBy': 'examDate',
      'catalog.showRetired': false,
      confirmBeforeRemove: true,
      'practice.intervalDays': 14,
      'practice.readiness.consecutive': 3,
      'practice.readiness.marginPoints': 3,
      'practice.defaultPassPercent': 75,
    });
  });

  it('matches what package.json declares: the same keys, enums and defaults', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    const declared = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;
    assert.deepEqual(Object.keys(declared).map((k) => k.replace(/^certStudy\./, '')).sort(), Object.keys(SettingsSchema.shape).sort());
    const defaults = readSettings(() => undefined);
    for (const [key, spec] of Object.entries(declared)) {
      assert.deepEqual(defaults[key.replace(/^certStudy\./, '') as keyof typeof defaults], spec.default, key);
    }
    assert.deepEqual(declared['certStudy.tree.sortBy'].enum, SettingsSchema.shape['tree.sortBy'].unwrap().options);
  });
});
