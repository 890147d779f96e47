// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { PeoplePage } from './PeoplePage';

const dana = {
  id: 'u_dana',
  name: 'Dana Tutor',
  email: 'dana@example.org',
  role: 'tutor',
  createdAt: '2026-01-01T00:00:00.000Z',
  disabledAt: null as string | null,
};
const invitation = {
  id: 'inv_1',
  email: 'wrong@example.org',
  role: 'tutor',
  kind: 'staff',
  expiresAt: '2026-12-31T00:00:00.000Z',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('People: ending and restoring access', () => {
  it('disables an account with a reason, and then offers to enable it', { timeout: 30_000 }, async () => {
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/admin/people') return { body: { people: [dana], pendingInvitations: [invitation] } };
      if (method === 'POST' && path === '/api/admin/people/u_dana/disable') {
        dana.disabledAt = '2026-03-05T09:30:00.000Z';
        return {
          body: {
            userId: 'u_dana',
            role: 'tutor',
            disabledAt: dana.disabledAt,
            sessionsEnded: 2,
            removedFromCalls: 1,
            callRemovalFailures: 0,
          },
        };
      }
      return undefined;
    });
    const user = userEvent.setup();
    render(<PeoplePage />);
    const row = await screen.findByRole('row', { name: /Dana Tutor/ });
    expect(within(row).getByText('Can sign in')).toBeTruthy();
    await user.click(within(row).getByText('Manage'));
    await user.selectOptions(within(row).getByLabelText('Action'), 'Disable the account');
    await user.type(within(row).getByLabelText('Reason'), 'Left the organisation');
    await user.click(within(row).getByRole('button', { name: 'Confirm' }));
    expect(await within(row).findByText(/2 sign-ins ended, taken out of 1 live call/)).toBeTruthy();
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body;
    expect(JSON.parse(String(sent))).toEqual({ reason: 'Left the organisation' });
    expect(await within(row).findByText(/^Disabled/)).toBeTruthy();
    expect((within(row).getByLabelText('Action') as HTMLSelectElement).value).toBe('enable');
    expect(requestsMade(fetchMock).filter((r) => r === 'GET /api/admin/people')).toHaveLength(2);
  });

  it('offers to withdraw a pending invitation, with a reason', { timeout: 30_000 }, async () => {
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/admin/people') return { body: { people: [], pendingInvitations: [invitation] } };
      if (method === 'POST' && path === '/api/admin/invitations/inv_1/revoke')
        return { body: { invitationId: 'inv_1', revokedAt: '2026-03-05T09:30:00.000Z' } };
      return undefined;
    });
    const user = userEvent.setup();
    render(<PeoplePage />);
    const row = await screen.findByRole('row', { name: /wrong@example.org/ });
    await user.click(within(row).getByText((_, el) => el?.tagName === 'SUMMARY'));
    await user.type(screen.getByLabelText('Reason for withdrawing'), 'Wrong address');
    await user.click(screen.getByRole('button', { name: 'Withdraw invitation' }));
    await vi.waitFor(() =>
      expect(requestsMade(fetchMock)).toContain('POST /api/admin/invitations/inv_1/revoke'),
    );
  });
});

describe('People: a tutor’s talk time', () => {
  it('links each tutor, and only tutors, to their talk time over time', async () => {
    const ada = { ...dana, id: 'u_ada', name: 'Ada Admin', email: 'ada@example.org', role: 'admin' };
    stubApi((_, path) =>
      path === '/api/admin/people' ? { body: { people: [dana, ada], pendingInvitations: [] } } : undefined,
    );
    render(<PeoplePage />);
    const row = await screen.findByRole('row', { name: /Dana Tutor/ });
    expect(within(row).getByRole('link', { name: 'Talk time of Dana Tutor' }).getAttribute('href')).toBe(
      '/insights/tutors/u_dana',
    );
    expect(screen.queryByRole('link', { name: 'Talk time of Ada Admin' })).toBeNull();
  });
});
