// @vitest-environment jsdom
import type { AdminAccessRequest } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { AdminAccessRequests } from './AdminAccessRequests';
import { adminRequest } from './access-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AdminAccessRequests', () => {
  it('lists open requests first with how long they waited, and answers one', async () => {
    let requests: AdminAccessRequest[] = [
      adminRequest({}),
      adminRequest({
        id: 'areq_2',
        requesterName: 'Hugo Guardian',
        subjectKind: 'student',
        subjectName: 'Tom',
        status: 'answered',
        answeredAt: '2026-02-02T08:00:00.000Z',
        answeredByName: 'Ada Admin',
        openDays: 1,
      }),
    ];
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/admin/access-requests') return { body: { requests } };
      if (method === 'POST' && path === '/api/admin/access-requests/areq_1/answer') {
        requests = requests.map((r) =>
          r.id === 'areq_1'
            ? {
                ...r,
                status: 'answered',
                answeredAt: '2026-03-05T08:00:00.000Z',
                answeredByName: 'Ada Admin',
              }
            : r,
        );
        return { body: requests[0] };
      }
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

    await userEvent.click(screen.getByRole('button', { name: 'Answer access request from Pat Guardian' }));
    expect(await screen.findByText(/The request from Pat Guardian is answered/)).toBeTruthy();
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Answer access request from Pat Guardian' })).toBeNull(),
    );
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/admin/access-requests',
      'POST /api/admin/access-requests/areq_1/answer',
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
