// @vitest-environment jsdom
import type { MySession } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { timed } from '../test-support/timed-session';
import { offersTalkTime, SessionTalkTimeLink } from './SessionTalkTimeLink';

afterEach(cleanup);

const now = new Date('2026-12-07T16:00:00.000Z');
const time = (opens: string, closes: string, cancelledAt: string | null = null) =>
  timed('x', opens, { joinOpensAt: opens, joinClosesAt: closes, cancelledAt }).time;
const session = {
  sessionId: 'ses 1',
  title: 'Algebra',
  role: 'tutor' as MySession['role'],
  time: null as MySession['time'],
};

describe('the Talk time link in Your sessions', () => {
  it('links a live or past session to its talk time page', () => {
    render(<SessionTalkTimeLink session={session} accountRole="tutor" now={now} />);
    expect(screen.getByRole('link', { name: 'Talk time' }).getAttribute('href')).toBe(
      '/sessions/ses%201/insights',
    );
  });

  it('is not offered before a session, for a cancelled one, or where the server says the caller may not', () => {
    const later = time('2026-12-08T16:00:00.000Z', '2026-12-08T17:00:00.000Z');
    const past = time('2026-12-06T16:00:00.000Z', '2026-12-06T17:00:00.000Z');
    const cancelled = time(
      '2026-12-06T16:00:00.000Z',
      '2026-12-06T17:00:00.000Z',
      '2026-12-05T00:00:00.000Z',
    );
    expect(offersTalkTime({ ...session, time: later }, 'tutor', now)).toBe(false);
    expect(offersTalkTime({ ...session, time: cancelled }, 'tutor', now)).toBe(false);
    expect(offersTalkTime({ ...session, time: past }, 'tutor', now)).toBe(true);
    expect(offersTalkTime({ ...session, time: past, mayReadTalkTime: false }, 'tutor', now)).toBe(false);
    expect(
      offersTalkTime({ ...session, role: 'student', time: past, mayReadTalkTime: true }, 'student', now),
    ).toBe(true);
  });

  it('from a server that does not say, offers it to the tutor and the staff who oversee, not to students', () => {
    expect(offersTalkTime({ ...session, role: 'student' }, 'student', now)).toBe(false);
    expect(offersTalkTime({ ...session, role: 'guardian' }, 'guardian', now)).toBe(false);
    expect(offersTalkTime({ ...session, role: null }, 'reviewer', now)).toBe(true);
    expect(offersTalkTime({ ...session, role: null }, 'admin', now)).toBe(true);
  });
});
