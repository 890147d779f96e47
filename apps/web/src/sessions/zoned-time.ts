/**
 * Instants shown on a person's own wall clock. The server stores UTC and does the recurrence (with
 * daylight-saving changes); the browser only reads instants in a zone, with `Intl`, and counts whole
 * calendar days, which no zone can shift.
 */

/** The zone this browser is in, as the create form sends it and the pages show times in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at an instant: `{ date: '2026-12-14', time: '16:30' }`. */
export function wallClock(instant: Date | string, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** `2026-12-14` plus `days` (negative too): calendar arithmetic, the same in every zone. */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday, of a calendar date. */
export function weekdayIndex(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The iCalendar weekday code of a calendar date (`MO` … `SU`), as a series' weekdays are sent. */
export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, zone: string, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    cache.set(zone, format);
  }
  return format;
}

/** "Mon 14 Dec 2026" in `zone`. */
export function dayInWords(instant: Date | string, zone: string): string {
  return cached(dayFormats, zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(instant))
    .replace(',', '');
}

/** "16:30" in `zone`. */
export function clockInWords(instant: Date | string, zone: string): string {
  return cached(clockFormats, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/**
 * "Mon 14 Dec 2026, 16:30–17:30" in `zone`; an end on another day says its day too. The zone's own
 * name is not added: the caller says which zone when it is not the reader's.
 */
export function spanInWords(startsAt: string, endsAt: string, zone: string): string {
  const sameDay = wallClock(startsAt, zone).date === wallClock(endsAt, zone).date;
  const end = sameDay
    ? clockInWords(endsAt, zone)
    : `${dayInWords(endsAt, zone)}, ${clockInWords(endsAt, zone)}`;
  return `${dayInWords(startsAt, zone)}, ${clockInWords(startsAt, zone)}–${end}`;
}

/** "Europe/Paris" → "Paris"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneInWords(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
