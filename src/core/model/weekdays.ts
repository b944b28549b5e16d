/**
 * The days of the week as settings name them, in Date.getDay() order. Dependency-free: the
 * settings schema and the startup shell's morning alarm (core/timer/blockSchedule.ts) both use it.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
