/**
 * Days as the product counts them: 24 hours of elapsed time (retention, playback windows, late
 * requests, how long a request has been open), never calendar days, so a clock change moves nothing.
 */

const msPerDay = 86_400_000;

/** Milliseconds in `n` days (`n` may be fractional or negative). */
export function days(n: number): number {
  return n * msPerDay;
}

/** The moment `n` days after `from` (an ISO date string or a Date). */
export function addDays(from: Date | string, n: number): Date {
  const start = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return new Date(start + days(n));
}

/** Whole days from `from` to `to`, both in milliseconds; 0 when `to` is not later. */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / msPerDay));
}
