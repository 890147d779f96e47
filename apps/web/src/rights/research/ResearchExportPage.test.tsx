// @vitest-environment jsdom
import type { ResearchCandidate, ResearchOverview } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { formatDateTime } from '../../ui/format';
import { ResearchExportPage } from './ResearchExportPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const candidate = (title: string, eligibility: ResearchCandidate['eligibility']): ResearchCandidate => ({
  sessionId: `ses_${title}`,
  title,
  createdAt: '2026-03-03T10:00:00.000Z',
  recordings: 1,
  eligibility,
});

const overview: ResearchOverview = {
  sessions: [
    candidate('Algebra', { eligible: true, reason: null, agreed: 3, total: 3 }),
    candidate('Biology', { eligible: false, reason: 'not_all_agreed', agreed: 2, total: 3 }),
    candidate('Chemistry', { eligible: false, reason: 'guardian_missing', agreed: 2, total: 3 }),
    candidate('Drama', { eligible: false, reason: 'refused', agreed: 1, total: 3 }),
    candidate('English', { eligible: false, reason: 'unknown_participant', agreed: 3, total: 3 }),
  ],
  exports: [
    {
      id: 'rexp_old',
      createdAt: '2026-02-01T09:30:00.000Z',
      createdByName: 'Ada Admin',
      sessions: 2,
      recordings: 3,
      archiveUrl: '/api/admin/research/exports/rexp_old/archive',
    },
  ],
  exportMedia: 'audio',
};

describe('ResearchExportPage', () => {
  it('shows each session’s research sharing in words, exports, and links the download', async () => {
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/admin/research') return { body: overview };
      if (method === 'POST' && path === '/api/admin/research/exports')
        return {
          status: 201,
          body: {
            id: 'rexp_new',
            sessions: 1,
            recordings: 1,
            archiveUrl: '/api/admin/research/exports/rexp_new/archive',
          },
        };
      return undefined;
    });
    render(<ResearchExportPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Research exports' })).toBeTruthy();
    const rows = (await screen.findAllByRole('row')).slice(1);
    const words = rows.map((row) => within(row).getAllByRole('cell').at(-1)?.textContent);
    expect(words).toEqual([
      'Everyone agreed',
      '2 of 3 agreed',
      'A guardian has not agreed for a child',
      'Someone refused',
      'An unknown participant was in the call',
    ]);

    const past = screen.getByRole('link', {
      name: `Download export made ${formatDateTime('2026-02-01T09:30:00.000Z')}`,
    });
    expect(past.getAttribute('href')).toBe('/api/admin/research/exports/rexp_old/archive');
    expect(screen.getByText(/by Ada Admin: 2 sessions, 3 recordings/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download research export' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Export for research' }));
    const link = await screen.findByRole('link', { name: 'Download research export' });
    expect(link.getAttribute('href')).toBe('/api/admin/research/exports/rexp_new/archive');
    expect(screen.getByText('Export made: 1 session, 1 recording.')).toBeTruthy();
    expect(requestsMade(fetchMock).filter((r) => r === 'GET /api/admin/research')).toHaveLength(2);
  });

  it('says so when there is nothing recorded yet', async () => {
    stubApi((_m, path) =>
      path === '/api/admin/research'
        ? { body: { sessions: [], exports: [], exportMedia: 'audio' } }
        : undefined,
    );
    render(<ResearchExportPage />);
    expect(await screen.findByText('No session has stored recordings at the moment.')).toBeTruthy();
    expect(screen.getByText('No export has been made yet.')).toBeTruthy();
  });
});
