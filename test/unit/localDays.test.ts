import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, dayOfWeek, daysBetween } from '../../src/core/time/localDays';

/** The Date-based definitions localDays.ts had before its fast paths: the reference they must match. */
const reference = {
  utcMidnight(day: string): number {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getTime();
  },
  addDays(day: string, days: number): string {
    return new Date(reference.utcMidnight(day) + days * 86_400_000).toISOString().slice(0, 10);
  },
  daysBetween(from: string, to: string): number {
    return Math.round((reference.utcMidnight(to) - reference.utcMidnight(from)) / 86_400_000);
  },
  dayOfWeek(day: string): number {
    return new Date(reference.utcMidnight(day)).getUTCDay();
  },
};

/** The same result, or the same error thrown. */
function same<T>(actual: () => T, expected: () => T): void {
  let want: { value: T } | { error: string };
  try {
    want = { value: expected() };
  } catch (e) {
    want = { error: String(e) };
  }
  if ('error' in want) assert.throws(actual, (e) => String(e) === want.error);
  else assert.deepEqual(actual(), want.value);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Calendar days of the years 0-9999, and strings that only look like them. */
const dayArb = fc.oneof(
  fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 0, max: 99 }), d: fc.integer({ min: 0, max: 99 }) }).map(({ y, m, d }) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('2026-1-5', '2026-01-5', '+10000-01-01', '20260101', '2026/01/01', '', 'x', '2026-0a-01', ' 026-01-01', '0099-12-31', '0100-01-01', '9999-12-31'),
);

describe('local-day arithmetic: the fast paths agree with the Date-based definitions', () => {
  it('addDays, daysBetween and dayOfWeek, for any day string and any shift', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(NaN, Infinity, 0.5, -0.5)), (a, b, shift) => {
        same(() => addDays(a, shift), () => reference.addDays(a, shift));
        same(() => daysBetween(a, b), () => reference.daysBetween(a, b));
        same(() => dayOfWeek(a), () => reference.dayOfWeek(a));
      }),
      { numRuns: 20_000 },
    );
  });

  it('every day of 1900-2100 in a row', () => {
    for (let day = '1900-01-01', n = 0; day <= '2100-12-31'; n++) {
      const next = addDays(day, 1);
      assert.equal(next, reference.addDays(day, 1));
      assert.equal(dayOfWeek(day), reference.dayOfWeek(day));
      day = next;
    }
  });
});
