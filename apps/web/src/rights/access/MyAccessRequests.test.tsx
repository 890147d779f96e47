// @vitest-environment jsdom
import type { AccessRequest, AccountRole } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAccountStore } from '../../people/account-store';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { formatDate } from '../../ui/format';
import { MyAccessRequests } from './MyAccessRequests';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signedInAs(role: AccountRole) {
  useAccountStore.setState({
    status: {
      kind: 'ready',
      me: {
        user: { id: 'u-pat', name: 'Pat', email: 'pat@example.org', role },
        agreement: null,
        setupPending: false,
      },
    },
  });
}

const answeredRequest: AccessRequest = {
  id: 'areq_old',
  subjectKind: 'self',
  subjectName: 'Pat',
  status: 'answered',
  receivedAt: '2026-02-01T08:00:00.000Z',
  answeredAt: '2026-02-03T08:00:00.000Z',
};

describe('MyAccessRequests', () => {
  it('lets a guardian ask for their own data or a child’s, and lists each request with its status', async () => {
    signedInAs('guardian');
    const requests: AccessRequest[] = [answeredRequest];
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/me/access-requests' && method === 'GET') return { body: { requests } };
      if (path === '/api/me/students')
        return { body: { students: [{ id: 's-sam', name: 'Sam', minor: true }] } };
      if (path === '/api/me/access-requests' && method === 'POST') {
        const created: AccessRequest = {
          id: 'areq_new',
          subjectKind: 'student',
          subjectName: 'Sam',
          status: 'received',
          receivedAt: '2026-03-01T08:00:00.000Z',
          answeredAt: null,
        };
        requests.unshift(created);
        return { status: 201, body: created };
      }
      return undefined;
    });
    render(<MyAccessRequests />);

    expect(screen.getByRole('heading', { level: 2, name: 'Your data' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Request my data' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'View answer' });
    expect(link.getAttribute('href')).toBe('/requests/access/areq_old');
    expect(screen.getByText(`Answered on ${formatDate('2026-02-03T08:00:00.000Z')}`)).toBeTruthy();

    await userEvent.click(await screen.findByRole('button', { name: "Request Sam's data" }));
    expect(await screen.findByText(/Your request for Sam's data was received/)).toBeTruthy();
    await vi.waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    const first = within(screen.getAllByRole('listitem')[0] as HTMLElement);
    expect(first.getByText("Sam's data")).toBeTruthy();
    expect(
      first.getByText(`Received on ${formatDate('2026-03-01T08:00:00.000Z')} — waiting for an administrator`),
    ).toBeTruthy();
    expect(first.queryByRole('link', { name: 'View answer' })).toBeNull();
    const posted = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(posted))).toEqual({ subject: { kind: 'student', studentId: 's-sam' } });
  });

  it('offers no child buttons to someone who is not a guardian', async () => {
    signedInAs('tutor');
    const fetchMock = stubApi((method, path) =>
      path === '/api/me/access-requests' && method === 'GET' ? { body: { requests: [] } } : undefined,
    );
    render(<MyAccessRequests />);
    expect(await screen.findByText('You have not asked for your data yet.')).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Request my data']);
    expect(requestsMade(fetchMock)).toEqual(['GET /api/me/access-requests']);
  });
});
