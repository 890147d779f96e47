/**
 * Wall-clock times in a named zone ↔ UTC instants, by the zone data the runtime's Intl carries (no
 * hand-written offsets). A wall clock is `YYYY-MM-DDTHH:mm`, as a person picks it in a form.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The parts of `YYYY-MM-DDTHH:mm`, or undefined when it is no real date and time (30 February, 25:00). */
export function parseWallClock(text: string): WallClock | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const formatWallClock = (w: WallClock): string =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;

/** The wall clock's digits read as if they were UTC (the "floating" time rrule works in). */
export const wallClockAsUtcMs = (w: WallClock): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

export const wallClockFromUtcDigits = (d: Date): WallClock => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** What a clock on the wall in `zone` shows at the instant `at` (to the minute). */
export function utcToWallClock(at: Date, zone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** How far `zone` is ahead of UTC at the instant `ms`, in milliseconds (whole minutes). */
function offsetMs(ms: number, zone: string): number {
  const w = utcToWallClock(new Date(ms), zone);
  const flooredToMinute = Math.floor(ms / 60_000) * 60_000;
  return wallClockAsUtcMs(w) - flooredToMinute;
}

const day = 24 * 60 * 60 * 1000;

/**
 * The instant a clock in `zone` shows `w`. Where the clocks go back and the time happens twice, the
 * first; where they go forward and it never happens, the moment the clock before the change would call
 * it (London's 01:30 on the morning clocks go from 01:00 to 02:00 is 02:30 BST): how calendars do it.
 */
export function wallClockToUtc(w: WallClock, zone: string): Date {
  const digits = wallClockAsUtcMs(w);
  // The offsets on either side of any change near this time (zones change at most once a day).
  const before = digits - offsetMs(digits - day, zone);
  const after = digits - offsetMs(digits + day, zone);
  const shows = (ms: number) => wallClockAsUtcMs(utcToWallClock(new Date(ms), zone)) === digits;
  const candidates = [before, after].filter(shows);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(before);
}
