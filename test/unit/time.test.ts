import assert from 'node:assert/strict';
import { millisBetween, toOffsetInstant } from '../../src/core/time/clock';
import { addMonthsToDate, calendarDaysUntil, localDayOf, localToday } from '../../src/core/time/localDays';

describe('clock helpers (in Denver)', () => {
  it('runs in America/Denver', () => {
    assert.equal(new Date('2026-01-15T12:00:00Z').getTimezoneOffset(), 420);
    assert.equal(new Date('2026-07-15T12:00:00Z').getTimezoneOffset(), 360);
  });

  it('writes instants with the local offset and milliseconds', () => {
    assert.equal(toOffsetInstant(new Date('2026-11-26T15:15:00.250Z')), '2026-11-26T08:15:00.250-07:00');
    assert.equal(toOffsetInstant(new Date('2026-07-01T14:00:00Z')), '2026-07-01T08:00:00.000-06:00');
  });

  it('measures an hour across the spring-forward gap as one hour', () => {
    // 2026-03-08 02:00 MST jumps to 03:00 MDT.
    const start = toOffsetInstant(new Date('2026-03-08T08:30:00Z')); // 01:30 MST
    const end = toOffsetInstant(new Date('2026-03-08T09:30:00Z')); // 03:30 MDT
    assert.equal(start, '2026-03-08T01:30:00.000-07:00');
    assert.equal(end, '2026-03-08T03:30:00.000-06:00');
    assert.equal(millisBetween(start, end), 60 * 60_000);
  });

  it('measures an hour across the fall-back repeat as one hour', () => {
    // 2026-11-01 02:00 MDT falls back to 01:00 MST; 01:30 happens twice.
    const start = toOffsetInstant(new Date('2026-11-01T07:30:00Z')); // 01:30 MDT
    const end = toOffsetInstant(new Date('2026-11-01T08:30:00Z')); // 01:30 MST
    assert.equal(start, '2026-11-01T01:30:00.000-06:00');
    assert.equal(end, '2026-11-01T01:30:00.000-07:00');
    assert.equal(millisBetween(start, end), 60 * 60_000);
  });

  it('takes the local day from the instant, not from UTC', () => {
    // 20:00 in Denver on the 25th is already the 26th in UTC.
    assert.equal(localDayOf('2026-11-25T20:00:00.000-07:00'), '2026-11-25');
    assert.equal(localToday(new Date('2026-11-26T03:00:00Z')), '2026-11-25');
  });

  it('counts calendar days, not 24-hour periods, across a DST change', () => {
    const lateEvening = new Date('2026-03-08T06:30:00Z'); // 23:30 MST on 7 March
    assert.equal(calendarDaysUntil('2026-03-08', lateEvening), 1);
    assert.equal(calendarDaysUntil('2026-03-07', lateEvening), 0);
    assert.equal(calendarDaysUntil('2026-03-01', lateEvening), -6);
  });

  it('adds months with the day clamped to the month end', () => {
    assert.equal(addMonthsToDate('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonthsToDate('2024-02-29', 36), '2027-02-28');
    assert.equal(addMonthsToDate('2026-11-26', 24), '2028-11-26');
  });
});
