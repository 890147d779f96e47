// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { deletionRecord } from '../test-support/vault-fixtures';
import { formatDateTime } from '../ui/format';
import { DeletionRecordsPage } from './DeletionRecordsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const policy = {
  version: 2,
  noticeVersion: 'v2',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  policy: { purposes: [{ id: 'safeguarding', label: 'Safeguarding', retentionDays: 30, viewerRoles: [] }] },
};

describe('DeletionRecordsPage', () => {
  it('lists what was destroyed, when, why and by whom', async () => {
    const byRule = deletionRecord();
    const byDecision = deletionRecord({
      id: 'del_2',
      recordingId: 'rec_8',
      sessionTitle: 'Chemistry with Jo',
      purpose: 'retired_purpose',
      recordedAt: null,
      reason: 'decision',
      detail: 'Jo’s guardian asked for deletion',
      decidedByName: 'Ada Lovelace',
    });
    stubApi((_method, path) => {
      if (path === '/api/admin/deletions') return { body: { records: [byRule, byDecision] } };
      if (path === '/api/policy') return { body: policy };
      return undefined;
    });
    render(<DeletionRecordsPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Deletion records' })).toBeTruthy();
    expect(screen.getByText(/holds no media and no key/)).toBeTruthy();
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);

    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('rowheader').textContent).toContain('Physics with Lee');
    expect(first.getByText('rec_9')).toBeTruthy();
    expect(await first.findByText('Safeguarding')).toBeTruthy();
    expect(first.getByText(formatDateTime(byRule.destroyedAt))).toBeTruthy();
    expect(first.getByText('Its retention period ended')).toBeTruthy();
    expect(first.getByText('Retention of 30 days for Safeguarding ended')).toBeTruthy();
    expect(first.getByText('The policy’s rule')).toBeTruthy();

    const second = within(rows[1] as HTMLElement);
    expect(second.getByText('retired_purpose')).toBeTruthy();
    expect(second.getByText('Not known')).toBeTruthy();
    expect(second.getByText('An administrator decided a deletion request')).toBeTruthy();
    expect(second.getByText('Ada Lovelace')).toBeTruthy();
  });

  it('tells someone who is not an administrator that the page is not theirs', async () => {
    stubApi(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Admins only' } } }));
    render(<DeletionRecordsPage />);
    expect(
      await screen.findByRole('heading', { name: 'Only administrators can see this page' }),
    ).toBeTruthy();
  });
});
