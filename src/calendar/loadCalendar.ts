import type * as Ics from '../core/calendar/ics';

/**
 * Loads dist/calendar.js (src/core/calendar/ics.ts with ical-generator and the time-zone data,
 * about 70 KB) the first time Export Calendar runs. It is a bundle of its own, marked external in
 * esbuild.js, so app.js, and the tree it serves, never pay for it. In a browser bundle esbuild
 * would inline it behind a lazy initialiser instead.
 */
export function loadCalendarModule(): typeof Ics {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./calendar.js') as typeof Ics;
}
