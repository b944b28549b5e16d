/**
 * Durations: milliseconds to minutes, minutes to hours and back, the one place for their rounding.
 * Imports nothing on purpose: the startup shell's exam countdown (core/exam/statusCountdown.ts)
 * uses it without loading the rest of the extension.
 */

/** Whole minutes in a span of milliseconds. */
export function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/** A study target in whole minutes, as it is stored. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/**
 * Hours with one decimal, as the tree, the status bar and the dashboard's texts show them:
 * 750 min → "12.5", 720 min → "12".
 */
export function formatHours(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

/**
 * Hours with one decimal as a number, for the dashboard's charts. Rounded as `minutes / 6`, not
 * as formatHours' `minutes / 60 * 10`: the two differ by 0.1 for a few fractional minutes one
 * floating-point step below a twentieth of an hour (26.999999999999996 min: 0.4 here, "0.5"
 * there), and each keeps the figures it always showed.
 */
export function toHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** Hours with two decimals as a number: the dashboard's pace per day. */
export function toHoursTwoDecimals(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Hours with two decimals as text, `42.50` (exact from whole minutes): the team CSV and report. */
export function formatHoursTwoDecimals(minutes: number): string {
  return (minutes / 60).toFixed(2);
}
