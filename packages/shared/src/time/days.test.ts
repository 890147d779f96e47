import { describe, expect, it } from 'vitest';
import { addDays, days, wholeDaysBetween } from './days';

describe('days', () => {
  it('counts 24 hours a day', () => {
    expect(days(1)).toBe(86_400_000);
    expect(days(90)).toBe(90 * 24 * 60 * 60 * 1000);
    expect(days(0.5)).toBe(12 * 3600_000);
    expect(days(-1)).toBe(-86_400_000);
  });

  it('adds days to a Date or an ISO string, across a clock change', () => {
    expect(addDays('2026-03-28T10:00:00.000Z', 1).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(addDays(new Date('2026-10-24T23:30:00.000Z'), 7).toISOString()).toBe('2026-10-31T23:30:00.000Z');
    expect(addDays('2026-01-31T00:00:00.000Z', 30).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('counts whole days between two moments, never below 0', () => {
    const start = Date.parse('2026-11-01T12:00:00.000Z');
    expect(wholeDaysBetween(start, start + days(3) - 1)).toBe(2);
    expect(wholeDaysBetween(start, start + days(3))).toBe(3);
    expect(wholeDaysBetween(start, start - days(2))).toBe(0);
  });
});
