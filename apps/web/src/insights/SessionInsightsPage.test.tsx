// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { sessionInsights } from './fixtures';
import { SessionInsightsPage, timelineEntries } from './SessionInsightsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (body: unknown, status = 200) =>
  stubApi((method, path) =>
    method === 'GET' && path === '/api/sessions/ses_1/insights' ? { status, body } : undefined,
  );

describe('a session’s talk time', () => {
  it('says the share, the band in words and the lines, with a table of the same numbers as the chart', async () => {
    const fetchMock = answer(sessionInsights);
    render(<SessionInsightsPage sessionId="ses_1" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Talk time' })).toBeTruthy();
    const summary = await screen.findByRole('table', { name: 'Talk time in numbers' });
    const row = (name: string) => within(summary).getByRole('rowheader', { name }).closest('tr')?.textContent;
    expect(row('Tutor')).toContain('5 min (75 %)');
    expect(row('Learners')).toContain('1 min 40 s (25 %)');
    expect(row('Band')).toContain('Middle: learners spoke between 25 % and 50 % of the time');
    expect(row('Longest tutor monologue')).toContain('2 min 5 s, from 1:00 to 3:05');
    expect(row('Learners’ share of words')).toContain('20 %: 120 of 600 words (spoken in the transcript');
    expect(screen.getByText(/Highly engaging: learners’ share reached the 10 % line/)).toBeTruthy();
    // The charts are pictures of the tables, hidden from screen readers.
    expect(screen.getByTestId('share-meter').getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByTestId('talk-timeline').getAttribute('aria-hidden')).toBe('true');
    expect(requestsMade(fetchMock)).toEqual(['GET /api/sessions/ses_1/insights']);
  });

  it('lists each person’s share, and the timeline (speech, recording, consent) as a table in time order', async () => {
    answer(sessionInsights);
    render(<SessionInsightsPage sessionId="ses_1" />);
    const people = await screen.findByRole('table', { name: 'Talk time of each person' });
    expect(
      within(people).getByRole('rowheader', { name: 'Lee Learner' }).closest('tr')?.textContent,
    ).toContain('30 s');
    expect(
      within(people).getByRole('rowheader', { name: 'Lee Learner' }).closest('tr')?.textContent,
    ).toContain('8 %');
    const timeline = screen.getByRole('table', { name: 'Who spoke when' });
    const rows = within(timeline)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toContain('2:00Recording started');
    expect(rows).toContain('1:40Tina Tutor asked to record');
    expect(rows).toContain('8:00Lee Learner withdrew consent');
    expect(rows).toContain('2:008:00Recording');
    expect(screen.getByRole('link', { name: 'The tutor’s talk time over time' }).getAttribute('href')).toBe(
      '/insights/tutors/usr_tina',
    );
  });

  it('orders the timeline by time across speakers, recordings and consent', () => {
    const entries = timelineEntries(sessionInsights);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    expect(entries).toHaveLength(6 + 1 + 4);
  });

  it('says when the call is still going, when nothing was measured, and when the reader sees only their own', async () => {
    answer({ ...sessionInsights, live: true, ownShareOnly: true, tutorUserId: undefined });
    render(<SessionInsightsPage sessionId="ses_1" />);
    expect((await screen.findByRole('status')).textContent).toMatch(/still going/);
    expect(screen.getByText(/You see your own share only/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /over time/ })).toBeNull();
    cleanup();
    answer({ ...sessionInsights, tutorUserId: undefined });
    render(<SessionInsightsPage sessionId="ses_1" tutorViewerId="usr_me" />);
    expect((await screen.findByRole('link', { name: 'Your talk time over time' })).getAttribute('href')).toBe(
      '/insights/tutors/usr_me',
    );
    cleanup();
    answer({ ...sessionInsights, measured: false, speakers: [], words: null });
    render(<SessionInsightsPage sessionId="ses_1" />);
    expect(await screen.findByText(/Talk time was not measured in this session/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when the policy does not let the reader see it', async () => {
    answer({ error: { code: 'forbidden', message: 'Your account may not do this.' } }, 403);
    render(<SessionInsightsPage sessionId="ses_1" />);
    expect(await screen.findByText(/does not exist or you may not see it/)).toBeTruthy();
  });
});

describe('a session’s talk time while the call goes on', () => {
  it('is asked for again every half minute until the call has ended', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let live = true;
      const fetchMock = stubApi((method, path) =>
        method === 'GET' && path === '/api/sessions/ses_1/insights'
          ? { body: { ...sessionInsights, live } }
          : undefined,
      );
      render(<SessionInsightsPage sessionId="ses_1" />);
      await screen.findByRole('table', { name: 'Talk time in numbers' });
      expect(fetchMock).toHaveBeenCalledTimes(1);
      live = false;
      await vi.advanceTimersByTimeAsync(30_000);
      await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
      await vi.waitFor(() => expect(screen.queryByText(/still going/)).toBeNull());
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
