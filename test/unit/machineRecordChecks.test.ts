import assert from 'node:assert/strict';
import * as z from 'zod';
import { machineRecordChecks, MachineRecordSchema } from '../../src/core/sync/machineRecord';
import { summarizeLogs } from '../../src/core/sync/summary';
import { runSteps } from '../../src/core/util/slices';
import { generateTenYears } from '../support/studyDataGenerator';
import { drainSteps } from './support/steps';

/** A machine record as publish() writes it, with ten years' summary. */
function record(): Record<string, unknown> {
  const data = generateTenYears(7, new Date('2026-12-06T08:00:00Z'));
  return {
    v: 1,
    machineId: 'machine-0001',
    writtenAt: '2026-12-06T08:00:00.000-07:00',
    shared: { items: { profile: { updatedAt: '2026-12-06T15:00:00.000Z', by: 'machine-0001', value: { name: 'Ada' } } } },
    summary: summarizeLogs(data.sessions, data.practiceExams),
  };
}

/** The first issue's path and message, from a parse that throws. */
function firstIssue(parse: () => unknown): { path: PropertyKey[]; message: string } {
  try {
    parse();
  } catch (err) {
    assert.ok(err instanceof z.ZodError, String(err));
    return { path: err.issues[0].path, message: err.issues[0].message };
  }
  assert.fail('expected the parse to throw');
}

describe('machineRecordChecks: the machine record checked a series at a time', () => {
  it('gives exactly the whole parse’s result, key order included, in many steps', () => {
    const value = record();
    const { pauses, value: checked } = drainSteps(machineRecordChecks(value));
    const summary = value.summary as { time: unknown[]; practice: unknown[] };
    assert.equal(pauses, 1 + summary.time.length + summary.practice.length);
    assert.equal(JSON.stringify(checked), JSON.stringify(MachineRecordSchema.parse(value)));
  });

  it('refuses what the whole parse refuses, at the same path', () => {
    const cases: [string, (r: Record<string, unknown>) => void][] = [
      ['a bucket’s milliseconds', (r) => (((r.summary as { time: unknown[][] }).time[2][2] as unknown[][])[0][1] = -5)],
      ['a practice score', (r) => (((r.summary as { practice: unknown[][] }).practice[0][1] as unknown[][])[0][1] = [101])],
      ['an unknown field in the summary', (r) => ((r.summary as Record<string, unknown>).extra = 1)],
      ['no summary', (r) => delete r.summary],
      ['the machine id', (r) => (r.machineId = 'X')],
      ['an unknown field at the top', (r) => (r.extra = true)],
    ];
    for (const [what, damage] of cases) {
      const value = record();
      damage(value);
      const whole = firstIssue(() => MachineRecordSchema.parse(value));
      const stepped = firstIssue(() => runSteps(machineRecordChecks(value)));
      assert.deepEqual(stepped, whole, what);
    }
  });
});
