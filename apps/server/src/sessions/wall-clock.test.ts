import { describe, expect, it } from 'vitest';
import {
  formatWallClock,
  parseWallClock,
  utcToWallClock,
  type WallClock,
  wallClockToUtc,
} from './wall-clock';

const wall = (text: string): WallClock => {
  const w = parseWallClock(text);
  if (!w) throw new Error(`not a wall clock: ${text}`);
  return w;
};
const toUtc = (text: string, zone: string) => wallClockToUtc(wall(text), zone).toISOString();

describe('wall clock ↔ UTC', () => {
  it('reads only real dates and times', () => {
    expect(parseWallClock('2026-12-14T16:30')).toEqual({
      year: 2026,
      month: 12,
      day: 14,
      hour: 16,
      minute: 30,
    });
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-12-14T24:00',
      '2026-12-14T16:60',
      '2026-12-14 16:30',
      '',
    ]) {
      expect(parseWallClock(bad)).toBeUndefined();
    }
    expect(parseWallClock('2028-02-29T00:00')).toBeDefined();
    expect(formatWallClock(wall('2027-03-01T09:05'))).toBe('2027-03-01T09:05');
  });

  it('converts in winter and in summer time, London and New York', () => {
    expect(toUtc('2026-12-14T16:30', 'Europe/London')).toBe('2026-12-14T16:30:00.000Z');
    expect(toUtc('2027-04-05T16:30', 'Europe/London')).toBe('2027-04-05T15:30:00.000Z');
    expect(toUtc('2026-12-14T16:30', 'America/New_York')).toBe('2026-12-14T21:30:00.000Z');
    expect(toUtc('2027-04-05T16:30', 'America/New_York')).toBe('2027-04-05T20:30:00.000Z');
    expect(toUtc('2026-12-14T16:30', 'Asia/Kolkata')).toBe('2026-12-14T11:00:00.000Z');
    expect(toUtc('2026-12-14T16:30', 'UTC')).toBe('2026-12-14T16:30:00.000Z');
  });

  it('crosses midnight and the date line', () => {
    expect(toUtc('2027-01-01T00:30', 'America/Los_Angeles')).toBe('2027-01-01T08:30:00.000Z');
    expect(toUtc('2027-01-01T08:00', 'Pacific/Auckland')).toBe('2026-12-31T19:00:00.000Z');
  });

  it('takes the first of a time that happens twice when the clocks go back', () => {
    // London: 2026-10-25 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(toUtc('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    // New York: 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(toUtc('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('moves a time that never happens when the clocks go forward to after the change', () => {
    // London 2027-03-28: 01:00 GMT becomes 02:00 BST, so 01:30 does not exist; it means 02:30 BST.
    expect(toUtc('2027-03-28T01:30', 'Europe/London')).toBe('2027-03-28T01:30:00.000Z');
    expect(utcToWallClock(new Date('2027-03-28T01:30:00Z'), 'Europe/London').hour).toBe(2);
    // New York 2027-03-14: 02:30 does not exist; it means 03:30 EDT.
    expect(toUtc('2027-03-14T02:30', 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
  });

  it('round-trips every hour across both changes of a year in two zones', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney']) {
      for (
        let ms = Date.parse('2026-12-01T00:00Z');
        ms < Date.parse('2027-12-01T00:00Z');
        ms += 60 * 60_000
      ) {
        const at = new Date(ms);
        const back = wallClockToUtc(utcToWallClock(at, zone), zone);
        // A repeated hour maps back to its first occurrence; every other instant to itself.
        const diff = ms - back.getTime();
        if (diff !== 0) expect(diff).toBe(60 * 60_000);
      }
    }
  });
});
