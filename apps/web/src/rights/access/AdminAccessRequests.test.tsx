// @vitest-environment jsdom
import type { AdminAccessRequest } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminRequest, answer } from '../../test-support/access-fixtures';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { AdminAccessRequests } from './AdminAccessRequests';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AdminAccessRequests', () => {
  it('lists open requests first, prepares an answer, shows it with what was left out, and releases it only once confirmed', async () => {
    let requests: AdminAccessRequest[] = [
      adminRequest({}),
      adminRequest({
        id: 'areq_2',
        requesterName: 'Hugo Guardian',
        subjectKind: 'student',
        subjectName: 'Tom',
        status: 'answered',
        stage: 'released',
        answeredAt: '2026-02-02T08:00:00.000Z',
        releasedAt: '2026-02-02T08:00:00.000Z',
        releasedByName: 'Ada Admin',
        openDays: 1,
      }),
    ];
    const set = (patch: Partial<AdminAccessRequest>) => {
      requests = requests.map((r) => (r.id === 'areq_1' ? { ...r, ...patch } : r));
      return { body: requests[0] };
    };
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/admin/access-requests') return { body: { requests } };
      if (method === 'POST' && path === '/api/admin/access-requests/areq_1/answer')
        return set({ stage: 'draft', compiledAt: '2026-03-05T08:00:00.000Z' });
      if (method === 'GET' && path === '/api/admin/access-requests/areq_1')
        return {
          body: {
            ...requests[0],
            answer,
            withheld: { concernReports: 1, investigationViews: 0, auditEntries: 0 },
          },
        };
      if (method === 'POST' && path === '/api/admin/access-requests/areq_1/release')
        return set({
          stage: 'released',
          status: 'answered',
          releasedAt: '2026-03-05T09:00:00.000Z',
          releasedByName: 'Ada Admin',
        });
      return undefined;
    });
    render(<AdminAccessRequests />);

    expect(screen.getByRole('heading', { level: 2, name: 'Access requests' })).toBeTruthy();
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);
    const open = within(rows[0] as HTMLElement);
    expect(open.getByRole('rowheader').textContent).toBe('Pat Guardian');
    expect(open.getByText('Open for 4 days')).toBeTruthy();
    expect(open.getByText('Themselves')).toBeTruthy();
    const done = within(rows[1] as HTMLElement);
    expect(done.getByText('Tom')).toBeTruthy();
    expect(done.getByText(/Answered on .* by Ada Admin, after 1 day/)).toBeTruthy();
    expect(done.queryByRole('button')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Prepare answer for Pat Guardian' }));
    expect(await screen.findByText(/ready to read\. They see nothing until you release it/)).toBeTruthy();
    expect(await screen.findByText(/1 concern report the subject made/)).toBeTruthy();
    expect(screen.getByText(/Answer ready to read, not yet released/)).toBeTruthy();

    // Releasing asks first; Cancel sends nothing.
    await userEvent.click(screen.getByRole('button', { name: 'Release answer to Pat Guardian' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Release this answer?' });
    expect(dialog.textContent).toContain('Pat Guardian will be able to read and download everything');
    expect(dialog.textContent).toContain('cannot be taken back');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(requestsMade(fetchMock)).not.toContain('POST /api/admin/access-requests/areq_1/release');

    await userEvent.click(screen.getByRole('button', { name: 'Release answer to Pat Guardian' }));
    await userEvent.click(screen.getByRole('button', { name: 'Release answer' }));
    expect(
      await screen.findByText(/The answer is released to Pat Guardian; they have been told/),
    ).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/admin/access-requests',
      'POST /api/admin/access-requests/areq_1/answer',
      'GET /api/admin/access-requests',
      'GET /api/admin/access-requests/areq_1',
      'POST /api/admin/access-requests/areq_1/release',
      'GET /api/admin/access-requests',
    ]);
  });

  it('tells someone who is not an administrator that the list is not theirs', async () => {
    stubApi(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Admins only' } } }));
    render(<AdminAccessRequests />);
    expect(
      await screen.findByRole('heading', { name: 'Only administrators can see this page' }),
    ).toBeTruthy();
  });
});
