// @vitest-environment jsdom
import type { GuardianPresenceSession } from '@assent/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { GuardianPresencePage } from './GuardianPresencePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session = (overrides: Partial<GuardianPresenceSession>): GuardianPresenceSession => ({
  sessionId: 's1',
  title: 'Algebra, week 3',
  tutorName: 'Dana Tutor',
  createdAt: '2026-11-30T09:00:00.000Z',
  callStartedAt: '2026-12-01T16:00:00.000Z',
  callEndedAt: '2026-12-01T17:00:00.000Z',
  inProgress: false,
  missed: true,
  minors: [
    {
      personId: 'kit',
      name: 'Kit',
      start: 'present',
      end: 'missed',
      guardiansAtStart: ['Pat Guardian'],
      guardiansAtEnd: [],
    },
  ],
  ...overrides,
});

const live = session({
  sessionId: 's2',
  title: 'Reading group',
  tutorName: null,
  callEndedAt: null,
  inProgress: true,
  missed: false,
  minors: [
    {
      personId: 'tom',
      name: 'Tom',
      start: 'present',
      end: 'in_progress',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
  ],
});

describe('GuardianPresencePage', () => {
  it('lists the sessions where a guardian was missing, and all of them once the box is cleared', async () => {
    const fetchMock = stubApi((_method, path) => {
      if (path === '/api/admin/guardian-presence?missedOnly=true')
        return { body: { sessions: [session({})], nextBefore: null } };
      if (path === '/api/admin/guardian-presence?missedOnly=false')
        return { body: { sessions: [live, session({})], nextBefore: null } };
      return undefined;
    });
    render(<GuardianPresencePage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Guardian presence' })).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: 'Only sessions where a guardian was missing' });
    expect((box as HTMLInputElement).checked).toBe(true);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(1);
    const row = within(rows[0] as HTMLElement);
    expect(row.getByRole('rowheader').textContent).toBe('Algebra, week 3');
    expect(row.getByText('Dana Tutor')).toBeTruthy();
    expect(row.getByText('Kit:')).toBeTruthy();
    expect(row.getByText('At start: present')).toBeTruthy();
    expect(row.getByText('At end: missing')).toBeTruthy();

    fireEvent.click(box);
    expect(await screen.findByText('Reading group')).toBeTruthy();
    const all = screen.getAllByRole('row').slice(1);
    expect(all).toHaveLength(2);
    expect(within(all[0] as HTMLElement).getByText('At end: in progress')).toBeTruthy();
    expect(within(all[0] as HTMLElement).getByText('Not known')).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/admin/guardian-presence?missedOnly=true',
      'GET /api/admin/guardian-presence?missedOnly=false',
    ]);
  });

  it('says so when no session missed a guardian, and shows older pages on request', async () => {
    stubApi((_method, path) => {
      if (path === '/api/admin/guardian-presence?missedOnly=true')
        return { body: { sessions: [], nextBefore: null } };
      if (path === '/api/admin/guardian-presence?missedOnly=false')
        return { body: { sessions: [live], nextBefore: 's2' } };
      if (path === '/api/admin/guardian-presence?missedOnly=false&before=s2')
        return { body: { sessions: [session({})], nextBefore: null } };
      return undefined;
    });
    render(<GuardianPresencePage />);
    expect(await screen.findByText('No session is missing a guardian.')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only sessions where a guardian was missing' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show older sessions' }));
    expect(await screen.findByText('Algebra, week 3')).toBeTruthy();
    expect(screen.getAllByRole('row').slice(1)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show older sessions' })).toBeNull();
  });

  it('tells someone who is not an administrator that the page is not theirs', async () => {
    stubApi(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Admins only' } } }));
    render(<GuardianPresencePage />);
    expect(
      await screen.findByRole('heading', { name: 'Only administrators can see this page' }),
    ).toBeTruthy();
  });
});
