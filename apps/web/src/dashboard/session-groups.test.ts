import type { MySession } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { timed } from '../test-support/timed-session';
import { groupSessions, joinWindow, nextChange } from './session-groups';

const untimed = (id: string): MySession => ({ ...timed(id, '2026-12-01T09:00:00.000Z'), time: null });

const names = (groups: ReturnType<typeof groupSessions>) =>
  groups.map((g) => `${g.name}: ${g.sessions.map((s) => s.sessionId).join(' ')}`);

describe('"Your sessions" by when', () => {
  // Wednesday 16 December 2026, 22:30 in London; already Thursday 07:30 in Tokyo.
  const now = new Date('2026-12-16T22:30:00.000Z');
  const sessions = [
    timed('past-long-ago', '2026-12-02T16:00:00.000Z'),
    timed('later-next-week', '2026-12-21T16:00:00.000Z'),
    timed('thursday', '2026-12-17T16:00:00.000Z'),
    timed('just-ended-in-grace', '2026-12-16T21:20:00.000Z'),
    untimed('no-time'),
    timed('sunday-night', '2026-12-20T23:30:00.000Z'),
    timed('closed-yesterday', '2026-12-15T16:00:00.000Z'),
    timed('cancelled-today', '2026-12-16T23:00:00.000Z', { cancelledAt: '2026-12-10T10:00:00.000Z' }),
  ];

  it('groups today, this week (to Sunday), later, without a time and past, next first and latest past first', () => {
    expect(names(groupSessions(sessions, now, 'Europe/London'))).toEqual([
      'Today: just-ended-in-grace cancelled-today',
      'This week: thursday sunday-night',
      'Later: later-next-week',
      'Without a set time: no-time',
      'Past: closed-yesterday past-long-ago',
    ]);
  });

  it('on the viewer’s own calendar: in Tokyo it is already Thursday, and Sunday night is Monday', () => {
    expect(names(groupSessions(sessions, now, 'Asia/Tokyo'))).toEqual([
      'Today: just-ended-in-grace cancelled-today',
      // 16:00 London on Thursday is 01:00 Friday in Tokyo.
      'This week: thursday',
      // 23:30 London on Sunday is 08:30 Monday in Tokyo: next week.
      'Later: sunday-night later-next-week',
      'Without a set time: no-time',
      'Past: closed-yesterday past-long-ago',
    ]);
  });

  it('opens Join in its window only, and never for a cancelled one', () => {
    const s = timed('a', '2026-12-17T16:00:00.000Z').time;
    expect(joinWindow(s, new Date('2026-12-17T15:49:59.000Z'))).toBe('not_yet');
    expect(joinWindow(s, new Date('2026-12-17T15:50:00.000Z'))).toBe('open');
    expect(joinWindow(s, new Date('2026-12-17T17:14:59.000Z'))).toBe('open');
    expect(joinWindow(s, new Date('2026-12-17T17:15:00.000Z'))).toBe('closed');
    expect(joinWindow(null, now)).toBe('open');
    const cancelled = timed('c', '2026-12-17T16:00:00.000Z', { cancelledAt: now.toISOString() }).time;
    expect(joinWindow(cancelled, new Date('2026-12-17T16:00:00.000Z'))).toBe('cancelled');
  });

  it('wakes at the next Join opening or closing, or at the viewer’s midnight', () => {
    const soon = [timed('a', '2026-12-17T16:00:00.000Z')];
    expect(nextChange(soon, new Date('2026-12-17T12:00:00.000Z'), 'Europe/London')?.toISOString()).toBe(
      '2026-12-17T15:50:00.000Z',
    );
    expect(nextChange(soon, new Date('2026-12-17T16:00:00.000Z'), 'Europe/London')?.toISOString()).toBe(
      '2026-12-17T17:15:00.000Z',
    );
    // Before the window, but midnight comes first: 00:00 in New York is 05:00 UTC.
    expect(nextChange(soon, new Date('2026-12-16T20:00:00.000Z'), 'America/New_York')?.toISOString()).toBe(
      '2026-12-17T05:00:00.000Z',
    );
    // Midnight after a daylight-saving change: 29 March 2026 in London is 23 hours long.
    const spring = [timed('b', '2026-04-02T16:00:00.000Z')];
    expect(nextChange(spring, new Date('2026-03-29T12:00:00.000Z'), 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
    expect(nextChange([untimed('x')], now, 'Europe/London')).toBeNull();
  });
});
