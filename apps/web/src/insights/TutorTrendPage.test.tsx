// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { tutorTrend } from './fixtures';
import { TutorTrendPage } from './TutorTrendPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a tutor’s talk time over time', () => {
  it('lists the measured sessions oldest first with learners’ share and band, beside a hidden chart', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/insights/tutors/usr_tina' ? { body: tutorTrend } : undefined,
    );
    render(<TutorTrendPage userId="usr_tina" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Talk time of Tina Tutor' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Talk time of Tina Tutor’s sessions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Algebra', 'Geometry']);
    expect(rows[0]?.textContent).toContain('Low: learners spoke less than 25 %');
    expect(rows[1]?.textContent).toContain('50 %');
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/sessions/ses_1/insights');
    expect(screen.getByText(/learners’ share on average/).textContent).toContain('30 %');
    expect(screen.getByTestId('trend-chart').getAttribute('aria-hidden')).toBe('true');
  });

  it('says when there is nothing measured yet', async () => {
    stubApi(() => ({ body: { ...tutorTrend, sessions: [] } }));
    render(<TutorTrendPage userId="usr_tina" />);
    expect(await screen.findByText('No measured sessions yet.')).toBeTruthy();
  });
});
