// @vitest-environment jsdom
import type { MyDeletionRequest } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../test-support/stub-api';
import { formatDate, formatDateTime } from '../../ui/format';
import { MyDeletionRequests } from './MyDeletionRequests';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const request = (patch: Partial<MyDeletionRequest>): MyDeletionRequest => ({
  id: 'dreq_1',
  sessionTitle: 'Algebra with Sam',
  origin: 'recordings_page',
  recordingId: 'rec_1',
  recordedAt: '2026-03-02T15:00:00.000Z',
  reason: null,
  createdAt: '2026-03-03T10:00:00.000Z',
  status: 'open',
  decidedAt: null,
  decisionReason: null,
  ...patch,
});

describe('MyDeletionRequests', () => {
  it('shows each request, what it covers and its answer in words', async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/me/deletion-requests'
        ? {
            body: {
              requests: [
                request({ id: 'a', reason: 'I look awkward' }),
                request({
                  id: 'b',
                  origin: 'withdrawal',
                  recordingId: null,
                  recordedAt: null,
                  status: 'approved',
                  decidedAt: '2026-03-05T09:00:00.000Z',
                  decisionReason: 'Fair request',
                }),
                request({
                  id: 'c',
                  sessionTitle: 'French',
                  status: 'refused',
                  decidedAt: '2026-03-06T09:00:00.000Z',
                  decisionReason: 'Needed for a safeguarding review',
                }),
              ],
            },
          }
        : undefined,
    );
    render(<MyDeletionRequests />);
    const card = screen.getByRole('region', { name: 'Deletion requests' });
    const items = await within(card).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    const [open, approved, refused] = items.map((item) => within(item as HTMLElement));
    expect(open?.getByText('Waiting for an administrator')).toBeTruthy();
    expect(open?.getByText(/the recording made/)).toBeTruthy();
    expect(open?.getByText('Your reason: I look awkward')).toBeTruthy();
    expect(
      approved?.getByText(
        `Approved on ${formatDate('2026-03-05T09:00:00.000Z')}: the recordings were deleted.`,
      ),
    ).toBeTruthy();
    expect(
      approved?.getByText(
        new RegExp(`every recording made before ${formatDateTime('2026-03-03T10:00:00.000Z')}`),
      ),
    ).toBeTruthy();
    expect(
      refused?.getByText(
        `Refused on ${formatDate('2026-03-06T09:00:00.000Z')}: Needed for a safeguarding review`,
      ),
    ).toBeTruthy();
    expect(refused?.getByRole('heading', { name: 'French' })).toBeTruthy();
  });

  it('says so when there are none', async () => {
    stubApi(() => ({ body: { requests: [] } }));
    render(<MyDeletionRequests />);
    expect(await screen.findByText(/You have not asked for any recording to be deleted/)).toBeTruthy();
  });
});
