import { describe, expect, it } from 'vitest';
import {
  initialScheduleDraft,
  isScheduleFieldPath,
  lengthInWords,
  toSessionSchedule,
  withWeekday,
} from './schedule-form';
import { addDays, spanInWords, wallClock, weekdayIndex } from './zoned-time';

describe('the create form’s time', () => {
  it('starts now, offering the next whole hour in the browser’s zone', () => {
    const draft = initialScheduleDraft(new Date('2026-12-14T23:20:00Z'), 'Asia/Kolkata');
    expect(draft).toMatchObject({ when: 'now', date: '2026-12-15', time: '05:30', duration: '60' });
    expect(toSessionSchedule(draft, 'Asia/Kolkata')).toBeUndefined();
  });

  it('sends the wall clock and the zone, once or weekly', () => {
    const draft = {
      ...initialScheduleDraft(new Date('2026-12-14T10:00:00Z'), 'Europe/London'),
      when: 'later' as const,
      date: '2027-03-22',
      time: '16:30',
    };
    expect(toSessionSchedule(draft, 'Europe/London')).toEqual({
      startsAt: '2027-03-22T16:30',
      durationMinutes: 60,
      timeZone: 'Europe/London',
    });
    const weekly = withWeekday(withWeekday({ ...draft, repeats: true, weeks: '4' }, 'FR', true), 'TU', true);
    expect(toSessionSchedule(weekly, 'Europe/London')?.repeat).toEqual({ weekdays: ['TU', 'FR'], weeks: 4 });
    expect(toSessionSchedule({ ...weekly, weeks: 'four' }, 'Europe/London')?.repeat?.weeks).toBeNaN();
  });

  it('names durations in words', () => {
    expect([15, 60, 75, 120, 180].map(lengthInWords)).toEqual([
      '15 minutes',
      '1 hour',
      '1 hour 15 minutes',
      '2 hours',
      '3 hours',
    ]);
  });

  it('knows which of the server’s paths it shows', () => {
    expect(
      ['schedule', 'schedule.startsAt', 'schedule.repeat.weekdays.1', 'title', 'schedule.x'].map(
        isScheduleFieldPath,
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('times in a zone', () => {
  it('reads the same instant on two wall clocks across a daylight-saving change', () => {
    // 29 March 2026: London moves to BST; New York moved on 8 March.
    expect(wallClock('2026-03-28T16:30:00Z', 'Europe/London')).toEqual({ date: '2026-03-28', time: '16:30' });
    expect(wallClock('2026-03-30T15:30:00Z', 'Europe/London')).toEqual({ date: '2026-03-30', time: '16:30' });
    expect(wallClock('2026-03-30T15:30:00Z', 'America/New_York')).toEqual({
      date: '2026-03-30',
      time: '11:30',
    });
    expect(spanInWords('2026-03-30T22:30:00Z', '2026-03-31T00:00:00Z', 'Europe/London')).toBe(
      'Mon 30 Mar 2026, 23:30–Tue 31 Mar 2026, 01:00',
    );
  });

  it('counts calendar days and weekdays', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayIndex('2026-12-14')).toBe(0);
    expect(weekdayIndex('2026-12-20')).toBe(6);
  });
});
