// @vitest-environment jsdom
import type { SafeguardingReportDetail, SafeguardingReportSummary } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { ReportPage } from './ReportPage';
import { SafeguardingPage } from './SafeguardingPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function summary(patch: Partial<SafeguardingReportSummary> = {}): SafeguardingReportSummary {
  return {
    id: 'rpt_1',
    sessionId: 'ses_1',
    sessionTitle: 'Algebra, week 3',
    category: 'safeguarding',
    duringCall: true,
    reporterName: 'Sam Student',
    reporterRole: 'student',
    status: 'open',
    receivedAt: '2026-03-02T15:10:00.000Z',
    closedAt: null,
    openDays: 4,
    recordingsOnHold: 1,
    ...patch,
  };
}

function detail(patch: Partial<SafeguardingReportDetail> = {}): SafeguardingReportDetail {
  return {
    ...summary(),
    description: 'The tutor asked for my phone number.',
    outcome: null,
    correctiveActions: null,
    closedByName: null,
    reporterToldAt: null,
    session: {
      id: 'ses_1',
      title: 'Algebra, week 3',
      createdAt: '2026-03-02T15:00:00.000Z',
      people: [
        { name: 'Dana Tutor', role: 'tutor' },
        { name: 'Sam Student', role: 'student' },
      ],
    },
    otherReports: [],
    recordings: [
      {
        id: 'rec_1',
        purpose: 'quality_assurance',
        purposeLabel: 'Quality assurance',
        status: 'stored',
        recordedAt: '2026-03-02T15:01:00.000Z',
        retainUntil: '2026-05-31T15:45:00.000Z',
        onHold: true,
      },
    ],
    ...patch,
  };
}

describe('SafeguardingPage', () => {
  it('lists reports, open ones with how long they have been open, each linking to the report', async () => {
    stubApi(() => ({
      body: {
        reports: [
          summary(),
          summary({
            id: 'rpt_0',
            sessionTitle: 'French with Mo',
            status: 'closed',
            closedAt: '2026-03-01T09:00:00.000Z',
            recordingsOnHold: 0,
          }),
        ],
      },
    }));
    render(<SafeguardingPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Safeguarding reports' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Report about Algebra, week 3' });
    expect(link.getAttribute('href')).toBe('/safeguarding/rpt_1');
    const rows = screen.getAllByRole('row');
    const open = within(rows[1] as HTMLElement);
    expect(open.getByText('Open for 4 days')).toBeTruthy();
    expect(open.getByText('Sam Student (Student), during the call')).toBeTruthy();
    expect(open.getByText('1 on hold')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Closed on 1 Mar 2026')).toBeTruthy();
  });
});

describe('ReportPage', () => {
  it('shows what was reported, by whom, and the recordings to watch, on hold', async () => {
    stubApi(() => ({ body: detail() }));
    render(<ReportPage reportId="rpt_1" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Report about Algebra, week 3' }),
    ).toBeTruthy();
    expect(screen.getByText('The tutor asked for my phone number.')).toBeTruthy();
    expect(screen.getByText('Sam Student (Student)', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('Someone’s safety or wellbeing')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Watch recording of Algebra, week 3' }).getAttribute('href'),
    ).toBe('/recordings/rec_1');
    expect(screen.getByText('On hold')).toBeTruthy();
  });

  it('closes the report with its outcome and shows it closed', async () => {
    const closed = detail({
      status: 'closed',
      closedAt: '2026-03-06T10:00:00.000Z',
      closedByName: 'Rhea Reviewer',
      outcome: 'Spoke with the tutor.',
      correctiveActions: 'Reminded of the code of conduct.',
      reporterToldAt: '2026-03-06T10:00:00.000Z',
      recordingsOnHold: 0,
    });
    const fetchMock = stubApi((method) => (method === 'POST' ? { body: closed } : { body: detail() }));
    render(<ReportPage reportId="rpt_1" />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Outcome' }), 'Spoke with the tutor.');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Corrective actions' }),
      'Reminded of the code of conduct.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Close report' }));

    expect(await screen.findByText(/Closed by Rhea Reviewer/)).toBeTruthy();
    expect(screen.getByText('Reminded of the code of conduct.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close report' })).toBeNull();
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/safeguarding/reports/rpt_1',
      'POST /api/safeguarding/reports/rpt_1/close',
    ]);
    const [, init] = fetchMock.mock.calls[1] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({
      outcome: 'Spoke with the tutor.',
      correctiveActions: 'Reminded of the code of conduct.',
    });
  });

  it('says so when the close is refused, leaving the form', async () => {
    stubApi((method) =>
      method === 'POST'
        ? { status: 403, body: { error: { code: 'forbidden', message: 'Your account may not do this.' } } }
        : { body: detail() },
    );
    render(<ReportPage reportId="rpt_1" />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Outcome' }), 'Done');
    await userEvent.click(screen.getByRole('button', { name: 'Close report' }));
    expect(await screen.findByRole('heading', { name: 'The report was not closed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close report' })).toBeTruthy();
  });
});
