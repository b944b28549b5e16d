import { strict as assert } from 'node:assert';
import { runModuleSteps } from '../../src/core/util/moduleSteps';

describe('runModuleSteps', () => {
  it('runs each step in a turn of its own, in order, so the host runs what waits in between', async () => {
    const events: string[] = [];
    const timings = await runModuleSteps([
      [
        'first',
        async () => {
          events.push('first');
          // Queued by the first step (as a message from VS Code would be): it must run before the second step starts.
          setImmediate(() => events.push('host task'));
        },
      ],
      ['second', async () => void events.push('second')],
      ['third', async () => void events.push('third')],
    ]);
    assert.deepEqual(events, ['first', 'host task', 'second', 'third']);
    assert.deepEqual(
      timings.map((s) => s.name),
      ['first', 'second', 'third'],
    );
    assert.ok(timings.every((s) => s.ms >= 0));
  });

  it('stops at a step that fails and passes its error on', async () => {
    let ran = false;
    await assert.rejects(
      runModuleSteps([
        ['broken', () => Promise.reject(new Error('module body threw'))],
        ['after', async () => void (ran = true)],
      ]),
      /module body threw/,
    );
    assert.equal(ran, false);
  });
});
