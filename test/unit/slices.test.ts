import assert from 'node:assert/strict';
import { Catalog } from '../../src/core/catalog/catalog';
import { dashboardData, dashboardSteps, type DashboardSettings } from '../../src/core/dashboard/dashboardData';
import { DEFAULT_PRACTICE_SETTINGS } from '../../src/core/practice/settings';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { runInSlices, runSteps, takeLongestTurns, type Steps } from '../../src/core/util/slices';
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
    const oneByOne = await runInSlices(counting(log), { budgetMs: 0, pause });
    assert.equal(oneByOne.value, 42);
    assert.deepEqual(log, ['a', 'pause', 'b', 'pause', 'c', 'pause']);
    assert.deepEqual(oneByOne.slices.map((s) => s.steps), [['a'], ['b'], ['c'], []]);
    assert.equal(pauses, 3);
    const atOnce = await runInSlices(counting([]), { budgetMs: Infinity, pause });
    assert.deepEqual(atOnce.slices.map((s) => s.steps), [['a', 'b', 'c']]);
    assert.equal(pauses, 3, 'no pause within the budget');
  });

  it('ends a slice once the budget has passed, after the step that passed it, and times each slice under its kind', async () => {
    // A clock the steps move: each step "takes" the ms given, so the slices depend on the budget alone.
    const realNow = performance.now;
    let clock = 0;
    performance.now = () => clock;
    function* costing(): Steps<string> {
      for (const [name, ms] of [['a', 1], ['b', 1], ['c', 1], ['d', 2], ['e', 5], ['f', 1]] as const) {
        clock += ms;
        yield name;
      }
      return 'end';
    }
    let pauses = 0;
    try {
      takeLongestTurns();
      const run = await runInSlices(costing(), { budgetMs: 3, kind: 'costing test', pause: async () => void pauses++ });
      assert.equal(run.value, 'end');
      assert.deepEqual(
        run.slices.map((s) => [s.steps, s.ms]),
        [
          [['a', 'b', 'c'], 3],
          [['d', 'e'], 7],
          [['f'], 1],
        ],
      );
      assert.equal(pauses, 2, 'a pause between slices, none after the last');
      assert.equal(takeLongestTurns().get('costing test'), 7);
    } finally {
      performance.now = realNow;
    }
  });

  it('asks stopWhen before each slice, after its pause, and stops there without running another step', async () => {
    const log: string[] = [];
    let pauses = 0;
    const run = await runInSlices(counting(log), {
      budgetMs: 0,
      pause: async () => {
        pauses++;
        log.push('pause');
      },
      stopWhen: () => pauses === 2,
    });
    assert.equal(run.done, false);
    assert.deepEqual(log, ['a', 'pause', 'b', 'pause']);
    assert.deepEqual(run.slices.map((s) => s.steps), [['a'], ['b']]);
    assert.ok(!('value' in run), 'a stopped run has no result');
  });

  it('stops before the first step when stopWhen is already true, and never cuts a slice short', async () => {
    const log: string[] = [];
    const stopped = await runInSlices(counting(log), { budgetMs: 0, pause: async () => {}, stopWhen: () => true });
    assert.deepEqual(stopped, { done: false, slices: [] });
    assert.deepEqual(log, []);
    // Asked only between slices: once a slice has started, its steps all run.
    const whole = await runInSlices(counting(log), { budgetMs: Infinity, stopWhen: () => log.length > 0 });
    assert.ok(whole.done);
    assert.equal(whole.value, 42);
    assert.deepEqual(log, ['a', 'b', 'c']);
  });

  it('gives the dashboard the same figures a slice at a time as at once (ten years of data)', async () => {
    const now = new Date(2026, 11, 1, 10, 0);
    const data = generateTenYears(42, now);
    const settings: DashboardSettings = { weeklyGoalHours: 5, practice: DEFAULT_PRACTICE_SETTINGS, dailyMinimumMinutes: 20, restDays: ['sun'] };
    for (const range of ['26w', 'all'] as const) {
      const input = { snapshot: data, catalog: new Catalog(), filter: { range, cert: null }, settings, now };
      const sliced = await runInSlices(dashboardSteps(input, t), { budgetMs: 0 });
      assert.deepEqual(sliced.value, dashboardData(input, t));
      const steps = sliced.slices.flatMap((s) => s.steps);
      assert.equal(steps.filter((s) => s === 'study index').length, 10, 'a step per certification’s study index');
      assert.ok(['pace', 'weekly', 'target', 'practice', 'domains', 'days merged', 'study days', 'plans'].every((s) => steps.includes(s)));
    }
  });
});
