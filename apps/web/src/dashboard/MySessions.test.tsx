// @vitest-environment jsdom
import type { AccountRole, MySession } from '@assent/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { timed } from '../test-support/timed-session';
import { MySessions } from './MySessions';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const tutor: AccountRole = 'tutor';
const student: AccountRole = 'student';
const admin: AccountRole = 'admin';

const session: MySession = {
  sessionId: 's1',
  title: 'Algebra, week 3',
  createdAt: '2026-12-01T16:00:00.000Z',
  role: 'tutor',
  joinUrl: null,
  refusal: null,
  children: [],
  people: [{ name: 'Dana Tutor', role: 'tutor' }],
  guardianPresence: [
    {
      personId: 'kit',
      name: 'Kit',
      start: 'present',
      end: 'present',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
    {
      personId: 'tom',
      name: 'Tom',
      start: 'missed',
      end: 'in_progress',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
    {
      personId: 'ivy',
      name: 'Ivy',
      start: 'not_joined',
      end: 'not_joined',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
  ],
};

const ready = (sessions: MySession[]) => ({
  state: { kind: 'ready' as const, data: { sessions } },
  reload: () => {},
  replace: () => {},
});

describe('MySessions', () => {
  it('says per child who joined whether a guardian was there at the start and end', () => {
    render(<MySessions sessions={ready([session])} role={tutor} />);
    const lines = within(screen.getByRole('list', { name: 'A parent or guardian at the start and end' }));
    expect(lines.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Kit: a guardian was there at the start and at the end',
      'Tom: no guardian at the start',
    ]);
  });

  it('brings the session a calendar mail links to (/?session=<id>) into view and focus, marked', () => {
    window.history.replaceState(null, '', '/?session=s2');
    try {
      render(
        <MySessions
          sessions={ready([session, { ...session, sessionId: 's2', title: 'Geometry' }])}
          role={tutor}
        />,
      );
      const item = screen.getByRole('listitem', { description: 'The session your mail is about' });
      expect(within(item).getByRole('heading', { name: 'Geometry' })).toBeTruthy();
      expect(document.activeElement).toBe(item);
      expect(screen.getAllByText('The session your mail is about')).toHaveLength(1);
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  it('says nothing about it where the server sent nothing', () => {
    render(<MySessions sessions={ready([{ ...session, guardianPresence: undefined }])} role={tutor} />);
    expect(screen.queryByRole('list', { name: 'A parent or guardian at the start and end' })).toBeNull();
  });
});

describe('MySessions: by when, with Join in its window', () => {
  // Wednesday 16 December 2026, 15:00 in London.
  const now = new Date('2026-12-16T15:00:00.000Z');
  const algebra = {
    ...timed('Algebra', '2026-12-16T16:00:00.000Z', {
      timeZone: 'Europe/Paris',
      seriesId: 'ser_1',
      occurrence: { number: 3, of: 6 },
    }),
  };
  const list = [
    timed('Poetry', '2026-12-02T16:00:00.000Z'),
    timed('Chemistry', '2026-12-22T09:00:00.000Z'),
    algebra,
    timed('Biology', '2026-12-18T10:00:00.000Z', { cancelledAt: '2026-12-10T10:00:00.000Z' }),
    { ...session, title: 'Drop-in', sessionId: 'drop-in', joinUrl: 'http://localhost/join/d' },
  ];

  it('groups today, this week, later and past under headings, with times in the viewer’s zone', () => {
    vi.useFakeTimers({ now });
    render(<MySessions sessions={ready(list)} role={student} timeZone="Europe/London" />);
    const card = within(screen.getByRole('region', { name: 'Your sessions' }));
    expect(card.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Today',
      'This week',
      'Later',
      'Without a set time',
      'Past',
    ]);
    const today = within(screen.getByRole('list', { name: 'Today' }));
    expect(today.getByText(/Wed 16 Dec 2026, 16:00–17:00/).textContent).toBe(
      'Wed 16 Dec 2026, 16:00–17:00 (17:00–18:00 in Paris) · Session 3 of 6',
    );
    const week = within(screen.getByRole('list', { name: 'This week' }));
    expect(week.getByText('Cancelled')).toBeTruthy();
    expect(week.queryByRole('button', { name: /Join/ })).toBeNull();
    expect(week.queryByRole('link', { name: /Join/ })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Later' })).getByRole('heading').textContent).toBe(
      'Chemistry',
    );
    // Without a set time: Join always open, as before.
    const dropIn = within(screen.getByRole('list', { name: 'Without a set time' }));
    expect(dropIn.getByRole('link', { name: 'Join Drop-in' }).getAttribute('href')).toBe(
      'http://localhost/join/d',
    );
    const past = within(screen.getByRole('list', { name: 'Past' }));
    expect(past.getByRole('heading').textContent).toBe('Poetry');
    expect(past.queryByRole('link', { name: /Join/ })).toBeNull();
  });

  it('says when Join opens, and opens it at that time without a reload', () => {
    vi.useFakeTimers({ now });
    render(<MySessions sessions={ready([algebra])} role={student} timeZone="Europe/London" />);
    const closed = screen.getByRole('button', { name: 'Join Algebra' }) as HTMLButtonElement;
    expect(closed.disabled).toBe(true);
    expect(screen.getByText('Join opens at 15:50')).toBeTruthy();
    expect(closed.getAttribute('aria-describedby')).toBe(screen.getByText('Join opens at 15:50').id);
    act(() => vi.advanceTimersByTime(49 * 60_000));
    expect(screen.queryByRole('link', { name: 'Join Algebra' })).toBeNull();
    // Within a second of 15:50.
    act(() => vi.advanceTimersByTime(61_000));
    expect(screen.getByRole('link', { name: 'Join Algebra' })).toBeTruthy();
    expect(screen.queryByText(/Join opens at/)).toBeNull();
    // And closes at the end plus the grace (17:15), the session then listed as past.
    act(() => vi.advanceTimersByTime(85 * 60_000));
    expect(screen.queryByRole('link', { name: 'Join Algebra' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Past' })).toBeTruthy();
  });

  it('names the day when Join opens on another', () => {
    vi.useFakeTimers({ now });
    render(<MySessions sessions={ready([list[1] as MySession])} role={student} timeZone="Europe/London" />);
    expect(screen.getByText('Join opens at 08:50 on Tue 22 Dec 2026')).toBeTruthy();
  });
});

describe('MySessions: the organiser moves or cancels one occurrence', { timeout: 30_000 }, () => {
  const future = {
    ...timed('Algebra', '2031-03-10T16:00:00.000Z', { seriesId: 'ser_1', occurrence: { number: 2, of: 4 } }),
    role: 'tutor' as const,
  };

  it('offers nothing of the kind to a student', () => {
    render(
      <MySessions
        sessions={ready([{ ...future, role: 'student' }])}
        role={student}
        timeZone="Europe/London"
      />,
    );
    expect(screen.queryByRole('button', { name: 'Move' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel session' })).toBeNull();
  });

  it('moves it to a new time in the viewer’s zone, then says so and warns of an overlap', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    const fetchMock = stubApi((method, path) =>
      method === 'PATCH' && path === '/api/sessions/Algebra/schedule'
        ? {
            body: {
              occurrence: {
                sessionId: 'Algebra',
                startsAt: '2031-03-11T17:30:00.000Z',
                endsAt: '2031-03-11T18:15:00.000Z',
              },
              sequence: 1,
              overlaps: [
                {
                  sessionId: 'ses_x',
                  title: 'Chemistry',
                  startsAt: '2031-03-11T17:00:00.000Z',
                  endsAt: '2031-03-11T18:00:00.000Z',
                },
              ],
            },
          }
        : undefined,
    );
    render(<MySessions sessions={{ ...ready([future]), reload }} role={tutor} timeZone="America/New_York" />);
    await user.click(screen.getByRole('button', { name: 'Move' }));
    const form = within(screen.getByRole('form', { name: 'Move this session' }));
    // Filled with where it is now, in the viewer's zone (New York is on summer time from 9 March 2031).
    expect((form.getByLabelText('New date') as HTMLInputElement).value).toBe('2031-03-10');
    expect((form.getByLabelText('New start time') as HTMLInputElement).value).toBe('12:00');
    fireEvent.change(form.getByLabelText('New date'), { target: { value: '2031-03-11' } });
    fireEvent.change(form.getByLabelText('New start time'), { target: { value: '13:30' } });
    await user.selectOptions(form.getByLabelText('Duration'), '45 minutes');
    await user.click(form.getByRole('button', { name: 'Move session' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Moved to Tue 11 Mar 2031, 13:30–14:15. Everyone in it is sent the new time.',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Overlaps “Chemistry” on Tue 11 Mar 2031, 13:00–14:00.',
    );
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({
      startsAt: '2031-03-11T13:30',
      durationMinutes: 45,
      timeZone: 'America/New_York',
    });
    expect(reload).toHaveBeenCalled();
  });

  it('shows the server’s refusal of a time beside the fields', async () => {
    const user = userEvent.setup();
    stubApi(() => ({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid',
          issues: [{ path: 'startsAt', message: 'A session cannot start in the past' }],
        },
      },
    }));
    render(<MySessions sessions={ready([future])} role={tutor} timeZone="Europe/London" />);
    await user.click(screen.getByRole('button', { name: 'Move' }));
    await user.click(screen.getByRole('button', { name: 'Move session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Some details need fixing');
    expect(screen.getByLabelText('New date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('A session cannot start in the past')).toBeTruthy();
  });

  it('cancels it after asking, and an admin may too', async () => {
    const user = userEvent.setup();
    const reload = vi.fn();
    const fetchMock = stubApi((method, path) =>
      method === 'POST' && path === '/api/sessions/Algebra/cancel'
        ? { body: { sessionId: 'Algebra', cancelledAt: '2031-03-01T10:00:00.000Z', sequence: 1 } }
        : undefined,
    );
    render(
      <MySessions
        sessions={{ ...ready([{ ...future, role: null }]), reload }}
        role={admin}
        timeZone="Europe/London"
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel session' }));
    const dialog = within(
      screen.getByRole('alertdialog', { name: /Cancel “Algebra” on Mon 10 Mar 2031, 16:00–17:00\?/ }),
    );
    await user.click(dialog.getByRole('button', { name: 'Keep it' }));
    expect(requestsMade(fetchMock)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel session' }));
    await user.click(screen.getByRole('button', { name: 'Cancel this session' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Cancelled. Everyone in it is told.',
    );
    expect(requestsMade(fetchMock)).toEqual(['POST /api/sessions/Algebra/cancel']);
    expect(reload).toHaveBeenCalled();
  });
});
