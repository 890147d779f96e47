// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { MyReports } from './MyReports';
import { ReportConcernPage } from './ReportConcernPage';
import { SessionReportLink } from './SessionReportLink';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mySessions = {
  body: {
    sessions: [{ sessionId: 'ses_1', title: 'Algebra, week 3', createdAt: '2026-03-02T15:00:00.000Z' }],
  },
};

async function fillAndSend() {
  await userEvent.click(await screen.findByRole('radio', { name: 'Someone’s safety or wellbeing' }));
  await userEvent.type(screen.getByRole('textbox', { name: 'What happened' }), 'Sam seemed scared');
  await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
}

describe('reporting a concern after a session', () => {
  it('links from the session to its report page', () => {
    render(<SessionReportLink sessionId="ses_1" title="Algebra, week 3" />);
    expect(
      screen.getByRole('link', { name: 'Report a concern about Algebra, week 3' }).getAttribute('href'),
    ).toBe('/sessions/ses_1/report');
  });

  it('sends the report about the session and confirms it', async () => {
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/me/sessions') return mySessions;
      if (method === 'POST' && path === '/api/sessions/ses_1/concerns')
        return { status: 201, body: { id: 'rpt_1', receivedAt: '2026-03-02T16:00:00.000Z' } };
      return undefined;
    });
    render(<ReportConcernPage sessionId="ses_1" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Report a concern' })).toBeTruthy();
    expect(await screen.findByText('About the session “Algebra, week 3”.')).toBeTruthy();
    await fillAndSend();
    expect(await screen.findByText(/Thank you. Your report went to the safeguarding team./)).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({
      category: 'safeguarding',
      description: 'Sam seemed scared',
    });
  });

  it('says in words that only people who were in the session can report it', async () => {
    stubApi((method) =>
      method === 'POST'
        ? {
            status: 403,
            body: {
              error: {
                code: 'not_attended',
                message: 'You can report a concern only about a session you were in.',
              },
            },
          }
        : { body: { sessions: [] } },
    );
    render(<ReportConcernPage sessionId="ses_2" />);
    await fillAndSend();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You can report a concern only about a session you were in');
    expect(alert.textContent).not.toContain('not_attended');
  });
});

describe('Your reports', () => {
  it('shows each report as received or handled, never the outcome', async () => {
    const fetchMock = stubApi(() => ({
      body: {
        reports: [
          {
            id: 'rpt_2',
            sessionId: 'ses_1',
            sessionTitle: 'Algebra, week 3',
            category: 'conduct',
            duringCall: true,
            receivedAt: '2026-03-04T10:00:00.000Z',
            status: 'received',
            handledAt: null,
          },
          {
            id: 'rpt_1',
            sessionId: 'ses_0',
            sessionTitle: 'French with Mo',
            category: 'technical',
            duringCall: false,
            receivedAt: '2026-03-01T10:00:00.000Z',
            status: 'handled',
            handledAt: '2026-03-03T10:00:00.000Z',
          },
        ],
      },
    }));
    render(<MyReports />);
    expect(screen.getByRole('heading', { name: 'Your reports' })).toBeTruthy();
    expect(await screen.findByText('Received — the safeguarding team is looking into it')).toBeTruthy();
    expect(screen.getByText('Handled on 3 Mar 2026')).toBeTruthy();
    expect(screen.getByText('French with Mo')).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/me/concerns']);
  });
});
