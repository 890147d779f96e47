// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { recordingSummary } from '../test-support/vault-fixtures';
import { formatDate } from '../ui/format';
import { RecordingsPage } from './RecordingsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RecordingsPage', () => {
  it('lists each recording with when it was made, how long it is kept, and why the reader sees it', async () => {
    const staff = recordingSummary();
    const attended = recordingSummary({
      id: 'rec_2',
      sessionTitle: 'French with Mo',
      access: 'attended',
      playableUntil: '2026-04-01T15:45:00.000Z',
    });
    stubApi((method, path) =>
      method === 'GET' && path === '/api/recordings'
        ? { body: { recordings: [staff, attended] } }
        : undefined,
    );
    render(<RecordingsPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Recordings' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Algebra with Sam' });
    expect(link.getAttribute('href')).toBe('/recordings/rec_1');
    expect(screen.getByRole('link', { name: 'French with Mo' }).getAttribute('href')).toBe(
      '/recordings/rec_2',
    );

    const rows = screen.getAllByRole('row');
    const first = within(rows[1] as HTMLElement);
    expect(first.getByText('Quality assurance')).toBeTruthy();
    expect(first.getByText(`Kept until ${formatDate(staff.retainUntil)}`)).toBeTruthy();
    expect(first.getByText(/45 min/)).toBeTruthy();
    expect(first.getByText('Your role may watch recordings made for quality assurance')).toBeTruthy();

    const second = within(rows[2] as HTMLElement);
    expect(second.getByText('You took part in this session')).toBeTruthy();
    expect(second.getByText(`You can watch until ${formatDate('2026-04-01T15:45:00.000Z')}`)).toBeTruthy();
  });

  it('explains when recordings appear when there are none', async () => {
    stubApi(() => ({ body: { recordings: [] } }));
    render(<RecordingsPage />);
    expect(await screen.findByText(/only if everyone in it consented to recording/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('tells a tutor how many recordings of their sessions the policy keeps from them, instead of none', async () => {
    stubApi(() => ({
      body: {
        recordings: [],
        notShown: [
          { purposeLabel: 'Safeguarding', count: 2, viewerRoles: ['reviewer', 'admin'] },
          { purposeLabel: 'Research', count: 1, viewerRoles: [] },
        ],
      },
    }));
    render(<RecordingsPage />);
    expect(
      await screen.findByText(
        '2 recordings of your sessions made for safeguarding are not shown: your organisation’s recording policy lets only reviewers and administrators watch them.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        '1 recording of your sessions made for research is not shown: your organisation’s recording policy lets nobody watch them now.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/No recordings yet/)).toBeNull();
  });

  it('says so when the list cannot be loaded', async () => {
    stubApi(() => ({ status: 500, body: { error: { code: 'internal', message: 'Boom' } } }));
    render(<RecordingsPage />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { name: "Couldn't load your recordings" })).toBeTruthy();
  });
});
