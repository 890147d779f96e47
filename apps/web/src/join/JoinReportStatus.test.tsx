// @vitest-environment jsdom
import type { MyConcernReport } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { JoinReportStatus } from './JoinReportStatus';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const report = (over: Partial<MyConcernReport>): MyConcernReport => ({
  id: 'rpt_1',
  sessionId: 'ses_1',
  sessionTitle: 'Algebra, week 3',
  category: 'safeguarding',
  duringCall: true,
  receivedAt: '2026-03-03T10:00:00.000Z',
  status: 'received',
  handledAt: null,
  ...over,
});

describe('JoinReportStatus', () => {
  it('tells the person who reported, by their own link, that it was handled', async () => {
    const fetchMock = stubApi((method, path) =>
      method === 'GET' && path === '/api/call/concerns'
        ? { body: { reports: [report({ status: 'handled', handledAt: '2026-03-05T09:00:00.000Z' })] } }
        : undefined,
    );
    render(<JoinReportStatus inviteToken="tok" />);
    expect(await screen.findByText(/Your report about this session was handled on/)).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['GET /api/call/concerns']);
  });

  it('says it is being looked into while it is open', async () => {
    stubApi(() => ({ body: { reports: [report({})] } }));
    render(<JoinReportStatus inviteToken="tok" />);
    expect(await screen.findByText(/the safeguarding team is looking into it/)).toBeTruthy();
  });

  it('shows nothing to someone who made no report, or when asking fails', async () => {
    const fetchMock = stubApi(() => ({ body: { reports: [] } }));
    const { container } = render(<JoinReportStatus inviteToken="tok" />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    cleanup();
    stubApi(() => ({ status: 500, body: { error: { code: 'internal', message: 'x' } } }));
    const failed = render(<JoinReportStatus inviteToken="tok" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(failed.container.textContent).toBe('');
  });
});
