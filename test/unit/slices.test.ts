import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardData, dashboardSteps, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { runInSlices, runSteps, type Steps } from '../../src/core/util/slices';
import { generateTenYears } from '../support/studyDataGenerator';

function* counting(log: string[]): Steps<number> {
  for (const name of ['a', 'b', 'c']) {
    log.push(name);
    yield name;
  }
  return 42;
}

describe('computations in steps (core/util/slices)', () => {
  it('runs every step at once, or a slice at a time with a turn of the event loop between slices', async () => {
    assert.equal(runSteps(counting([])), 42);
    const log: string[] = [];
    let pauses = 0;
    const pause = async () => {
      pauses++;
      log.push('pause');
    };
    const oneByOne = await runInSlices(counting(log), 0, pause);
    assert.equal(oneByOne.value, 42);
    assert.deepEqual(log, ['a', 'pause', 'b', 'pause', 'c', 'pause']);
    assert.deepEqual(oneByOne.slices.map((s) => s.steps), [['a'], ['b'], ['c'], []]);
    assert.equal(pauses, 3);
    const atOnce = await runInSlices(counting([]), Infinity, pause);
    assert.deepEqual(atOnce.slices.map((s) => s.steps), [['a', 'b', 'c']]);
    assert.equal(pauses, 3, 'no pause within the budget');
  });

  it('gives the dashboard the same figures a slice at a time as at once (ten years of data)', async () => {
    const now = new Date(2026, 11, 1, 10, 0);
    const data = generateTenYears(42, now);
    const settings: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: ['sun'] };
    for (const range of ['26w', 'all'] as const) {
      const input = { snapshot: data, catalog: new Catalog(), filter: { range, cert: null }, settings, now };
      const sliced = await runInSlices(dashboardSteps(input, t), 0);
      assert.deepEqual(sliced.value, dashboardData(input, t));
      const steps = sliced.slices.flatMap((s) => s.steps);
      assert.equal(steps.filter((s) => s === 'study index').length, 10, 'a step per certification’s study index');
      assert.ok(['pace', 'weekly', 'target', 'practice', 'domains', 'days merged', 'study days', 'plans'].every((s) => steps.includes(s)));
    }
  });
});
