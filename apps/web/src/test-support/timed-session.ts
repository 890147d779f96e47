/** Sessions with a time, for the tests of "Your sessions". */
import type { MySession, SessionTime } from '@assent/shared';

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

/** A scheduled session an hour long, Join open 10 minutes before until 15 after. */
export function timed(id: string, startsAt: string, more: Partial<SessionTime> = {}): MySession {
  return {
    sessionId: id,
    title: id,
    createdAt: '2026-12-01T09:00:00.000Z',
    time: {
      startsAt,
      endsAt: minutes(startsAt, 60),
      timeZone: 'Europe/London',
      seriesId: null,
      occurrence: null,
      cancelledAt: null,
      joinOpensAt: minutes(startsAt, -10),
      joinClosesAt: minutes(startsAt, 75),
      ...more,
    },
    role: 'student',
    joinUrl: `http://localhost/join/${id}`,
    refusal: null,
    children: [],
    people: [],
  };
}
