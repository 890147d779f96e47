// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { AuditPage } from './AuditPage';

const people = [
  {
    id: 'u_ada',
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    role: 'admin',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
];
const entry = {
  seq: 4,
  at: '2026-03-05T09:30:00.000Z',
  actorUserId: 'u_ada',
  actorName: 'Ada Lovelace',
  actorRole: 'admin',
  action: 'recording.view',
  targetType: 'recording',
  targetId: 'rec_1',
  outcome: 'done',
  detail: { purpose: 'quality_assurance' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

function stubAudit() {
  return stubApi((_method, path) => {
    if (path === '/api/admin/audit/verify')
      return { body: { intact: true, entries: 4, lastSeq: 4, lastHash: 'b' } };
    if (path === '/api/admin/people') return { body: { people, pendingInvitations: [] } };
    if (path.startsWith('/api/admin/audit?')) return { body: { entries: [entry], nextBefore: null } };
    return undefined;
  });
}

const auditRequests = (fetchMock: ReturnType<typeof stubApi>) =>
  requestsMade(fetchMock).filter((r) => r.startsWith('GET /api/admin/audit?'));

beforeEach(() => window.history.replaceState(null, '', '/admin/audit'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuditPage', () => {
  it('opens filtered to the recording its address names', async () => {
    window.history.replaceState(null, '', '/admin/audit?targetType=recording&targetId=rec_1');
    const fetchMock = stubAudit();
    render(<AuditPage />);

    await screen.findByRole('table');
    expect(auditRequests(fetchMock)).toEqual([
      'GET /api/admin/audit?targetType=recording&targetId=rec_1&limit=50',
    ]);
    expect((screen.getByLabelText('Recording or session id') as HTMLInputElement).value).toBe('rec_1');
    expect(screen.queryByText('The log is empty.')).toBeNull();
  });

  it('puts applied filters in the address, and offers each entry’s person and target as filters', async () => {
    const fetchMock = stubAudit();
    render(<AuditPage />);
    await screen.findByRole('table');

    await userEvent.type(screen.getByLabelText('Person'), 'ada@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(window.location.search).toBe('?person=ada%40example.org'));
    await waitFor(() =>
      expect(auditRequests(fetchMock)).toContain('GET /api/admin/audit?actorUserId=u_ada&limit=50'),
    );

    expect(screen.getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(
      '/admin/audit?actorUserId=u_ada',
    );
    expect(screen.getByRole('link', { name: 'Recording rec_1' }).getAttribute('href')).toBe(
      '/admin/audit?targetType=recording&targetId=rec_1',
    );
  });
});
