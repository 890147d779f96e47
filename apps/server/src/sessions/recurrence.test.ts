import type { SessionSchedule } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { maxOccurrences, planOccurrences } from './recurrence';

const now = new Date('2027-03-01T12:00:00Z');
const plan = (schedule: SessionSchedule) => planOccurrences(schedule, now);
const starts = (schedule: SessionSchedule) => plan(schedule).occurrences.map((o) => o.startsAt.toISOString());

function refusal(schedule: SessionSchedule, at = now): AppError {
  try {
    planOccurrences(schedule, at);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('a weekly series keeps its wall-clock time across daylight-saving changes', () => {
  it('Europe/London, Monday 16:30 across late March: same wall clock, UTC an hour earlier', () => {
    const p = plan({
      startsAt: '2027-03-15T16:30',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      repeat: { weekdays: [], weeks: 4 },
    });
    expect(p.occurrences.map((o) => o.localStart)).toEqual([
      '2027-03-15T16:30',
      '2027-03-22T16:30',
      '2027-03-29T16:30',
      '2027-04-05T16:30',
    ]);
    expect(p.occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      '2027-03-15T16:30:00.000Z',
      '2027-03-22T16:30:00.000Z',
      '2027-03-29T15:30:00.000Z',
      '2027-04-05T15:30:00.000Z',
    ]);
    expect(p.occurrences.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual(
      Array(4).fill(3_600_000),
    );
    expect(p.rule).toBe('FREQ=WEEKLY;WKST=MO;BYDAY=MO;COUNT=4');
    expect(p.localStart).toBe('2027-03-15T16:30');
  });

  it('America/New_York, Monday 16:30 across early March and early November', () => {
    expect(
      starts({
        startsAt: '2027-03-08T16:30',
        durationMinutes: 45,
        timeZone: 'America/New_York',
        repeat: { weekdays: [], weeks: 2 },
      }),
    ).toEqual(['2027-03-08T21:30:00.000Z', '2027-03-15T20:30:00.000Z']);
    expect(
      starts({
        startsAt: '2027-10-25T16:30',
        durationMinutes: 45,
        timeZone: 'America/New_York',
        repeat: { weekdays: [], weeks: 3 },
      }),
    ).toEqual(['2027-10-25T20:30:00.000Z', '2027-11-01T20:30:00.000Z', '2027-11-08T21:30:00.000Z']);
  });

  it('Europe/London across late October: UTC an hour later after the clocks go back', () => {
    expect(
      starts({
        startsAt: '2027-10-25T16:30',
        durationMinutes: 30,
        timeZone: 'Europe/London',
        repeat: { weekdays: [], weeks: 2 },
      }),
    ).toEqual(['2027-10-25T15:30:00.000Z', '2027-11-01T16:30:00.000Z']);
  });

  it('the same series means different UTC instants in the two zones', () => {
    const london = starts({
      startsAt: '2027-03-22T16:30',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      repeat: { weekdays: [], weeks: 2 },
    });
    const newYork = starts({
      startsAt: '2027-03-22T16:30',
      durationMinutes: 60,
      timeZone: 'America/New_York',
      repeat: { weekdays: [], weeks: 2 },
    });
    expect(london).toEqual(['2027-03-22T16:30:00.000Z', '2027-03-29T15:30:00.000Z']);
    expect(newYork).toEqual(['2027-03-22T20:30:00.000Z', '2027-03-29T20:30:00.000Z']);
  });
});

describe('weekdays, weeks and until', () => {
  it('falls on the chosen weekdays, starting on or after the first start, within N weeks', () => {
    // Wednesday 10 March 2027; Mondays and Thursdays for two weeks (to Tuesday 23): Thu 11, Mon 15, Thu 18, Mon 22.
    const p = plan({
      startsAt: '2027-03-10T09:00',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      repeat: { weekdays: ['TH', 'MO'], weeks: 2 },
    });
    expect(p.occurrences.map((o) => o.localStart)).toEqual([
      '2027-03-11T09:00',
      '2027-03-15T09:00',
      '2027-03-18T09:00',
      '2027-03-22T09:00',
    ]);
    expect(p.rule).toBe('FREQ=WEEKLY;WKST=MO;BYDAY=MO,TH;COUNT=4');
    expect(p.localStart).toBe('2027-03-11T09:00');
  });

  it('runs until a date, inclusive, in the organiser’s zone', () => {
    const p = plan({
      startsAt: '2027-03-15T23:30',
      durationMinutes: 30,
      timeZone: 'America/New_York',
      repeat: { weekdays: [], until: '2027-03-29' },
    });
    expect(p.occurrences.map((o) => o.localStart)).toEqual([
      '2027-03-15T23:30',
      '2027-03-22T23:30',
      '2027-03-29T23:30',
    ]);
    // 23:30 in New York is the next day in UTC.
    expect(p.occurrences[2]?.startsAt.toISOString()).toBe('2027-03-30T03:30:00.000Z');
  });

  it('a single scheduled session is one occurrence without a rule', () => {
    const p = plan({ startsAt: '2027-03-02T08:00', durationMinutes: 90, timeZone: 'Asia/Tokyo' });
    expect(p.rule).toBeNull();
    expect(p.occurrences.map((o) => [o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ['2027-03-01T23:00:00.000Z', '2027-03-02T00:30:00.000Z'],
    ]);
  });

  it('allows a year to the day, 53 weekly sessions', () => {
    const p = plan({
      startsAt: '2027-03-08T16:00',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      repeat: { weekdays: [], until: '2028-03-08' },
    });
    expect(p.occurrences).toHaveLength(53);
    expect(p.occurrences[52]?.localStart).toBe('2028-03-06T16:00');
    expect(
      plan({
        startsAt: '2027-03-08T16:00',
        durationMinutes: 60,
        timeZone: 'Europe/London',
        repeat: { weekdays: [], weeks: 53 },
      }).occurrences,
    ).toHaveLength(53);
  });
});

describe('refusals', () => {
  const base = { durationMinutes: 60, timeZone: 'Europe/London' } as const;

  it('a start in the past, or right now', () => {
    const err = refusal({ ...base, startsAt: '2027-03-01T11:59' });
    expect([err.status, err.code]).toEqual([400, 'start_in_past']);
    expect(refusal({ ...base, startsAt: '2027-03-01T12:00' }).code).toBe('start_in_past');
    // 12:30 in London is after noon UTC, but 12:30 in New York was long before.
    expect(plan({ ...base, startsAt: '2027-03-01T12:30' }).occurrences).toHaveLength(1);
    expect(refusal({ ...base, timeZone: 'Asia/Tokyo', startsAt: '2027-03-01T12:30' }).code).toBe(
      'start_in_past',
    );
  });

  it('a series past a year, saying until when it may run', () => {
    const err = refusal({
      ...base,
      startsAt: '2027-03-08T16:00',
      repeat: { weekdays: [], until: '2028-03-09' },
    });
    expect([err.status, err.code]).toEqual([400, 'series_too_long']);
    expect(err.message).toContain('2028-03-08');
    expect(err.issues?.[0]?.path).toBe('schedule.repeat.until');
    // 53 weeks of Sundays from a Monday: the last, 2028-03-12, is past the year.
    const weeks = refusal({ ...base, startsAt: '2027-03-08T16:00', repeat: { weekdays: ['SU'], weeks: 53 } });
    expect([weeks.code, weeks.issues?.[0]?.path]).toEqual(['series_too_long', 'schedule.repeat.weeks']);
  });

  it('no occurrence on the chosen weekdays', () => {
    // Friday start, Thursdays only, until the next day.
    const err = refusal({
      ...base,
      startsAt: '2027-03-05T16:00',
      repeat: { weekdays: ['TH'], until: '2027-03-06' },
    });
    expect([err.status, err.code]).toEqual([400, 'no_occurrences']);
    expect(
      refusal({ ...base, startsAt: '2027-03-05T16:00', repeat: { weekdays: [], until: '2027-03-04' } }).code,
    ).toBe('no_occurrences');
  });

  it(`more than ${maxOccurrences} occurrences`, () => {
    const err = refusal({
      ...base,
      startsAt: '2027-03-08T16:00',
      repeat: { weekdays: ['MO', 'TH'], weeks: 27 },
    });
    expect([err.status, err.code]).toEqual([400, 'too_many_occurrences']);
    expect(
      plan({ ...base, startsAt: '2027-03-08T16:00', repeat: { weekdays: ['MO', 'TH'], weeks: 26 } })
        .occurrences,
    ).toHaveLength(52);
  });

  it('a date that does not exist', () => {
    const err = refusal({ ...base, startsAt: '2027-02-29T16:00' });
    expect([err.status, err.code, err.issues?.[0]?.path]).toEqual([
      400,
      'validation_failed',
      'schedule.startsAt',
    ]);
    expect(
      refusal({ ...base, startsAt: '2027-03-08T16:00', repeat: { weekdays: [], until: '2027-04-31' } })
        .issues?.[0]?.path,
    ).toBe('schedule.repeat.until');
  });
});
