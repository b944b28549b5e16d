import { strict as assert } from 'node:assert';
import { runInSlices } from '../../src/core/util/slices';
import { nextTurn, TURN_PROBE, type TurnProbe } from '../../src/core/util/turns';

/** An immediate that queues itself again: one '|' per check phase of the loop, that is per turn. */
function turnTicker(events: string[]): () => void {
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    events.push('|');
    setImmediate(tick);
  };
  setImmediate(tick);
  return () => (stopped = true);
}

async function stepper(name: string, steps: number, events: string[]): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await nextTurn();
    events.push(name);
  }
}

describe('nextTurn: turns of the event loop shared by all stepped work', () => {
  it('gives two pieces of stepped work running at once one step per turn, never two in one turn', async () => {
    const events: string[] = [];
    const stop = turnTicker(events);
    await Promise.all([stepper('a', 6, events), stepper('b', 6, events)]);
    stop();
    const ours = events.filter((e) => e !== '|');
    assert.equal(ours.length, 12);
    const together = events.join('').match(/[ab]{2,}/g);
    assert.equal(together, null, `steps shared a turn: ${events.join('')}`);
    assert.deepEqual(ours.slice(0, 4), ['a', 'b', 'a', 'b'], 'first come, first served');
  });

  it('lets the host run what was queued during a step before the next step starts', async () => {
    const events: string[] = [];
    await nextTurn();
    events.push('step 1');
    setImmediate(() => events.push('host task'));
    await nextTurn();
    events.push('step 2');
    assert.deepEqual(events, ['step 1', 'host task', 'step 2']);
  });

  it('tells the benchmarks’ probe once at the start of each turn, when one is installed', async () => {
    const marks: number[] = [];
    const global = globalThis as { [TURN_PROBE]?: TurnProbe };
    global[TURN_PROBE] = { turnStarted: () => marks.push(marks.length), workBegan: () => undefined, workEnded: () => undefined };
    try {
      await Promise.all([nextTurn(), nextTurn(), nextTurn()]);
    } finally {
      delete global[TURN_PROBE];
    }
    assert.equal(marks.length, 3);
  });

  it('tells the probe where each slice of stepped work begins and ends, under its kind', async () => {
    const events: string[] = [];
    const global = globalThis as { [TURN_PROBE]?: TurnProbe };
    global[TURN_PROBE] = { turnStarted: () => events.push('turn'), workBegan: () => events.push('began'), workEnded: (kind) => events.push(`ended ${kind}`) };
    function* steps() {
      yield 'one';
      yield 'two';
      return 3;
    }
    try {
      assert.equal((await runInSlices(steps(), { kind: 'test', budgetMs: 0 })).value, 3);
    } finally {
      delete global[TURN_PROBE];
    }
    assert.deepEqual(events, ['began', 'ended test', 'turn', 'began', 'ended test', 'turn', 'began', 'ended test']);
  });
});
