// @vitest-environment jsdom
import type { ResearchSession } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { JoinResearchSharing } from './JoinResearchSharing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const theirs: ResearchSession = {
  sessionId: 'ses_1',
  title: 'Algebra, week 3',
  createdAt: '2026-03-03T10:00:00.000Z',
  exportMedia: 'audio',
  seats: [
    {
      personId: 'per_pat',
      name: 'Pat',
      role: 'guardian',
      minor: false,
      decidesAs: 'self',
      decision: 'none',
      decidedAt: null,
    },
    {
      personId: 'per_sam',
      name: 'Sam',
      role: 'student',
      minor: true,
      decidesAs: 'guardian',
      decision: 'none',
      decidedAt: null,
    },
  ],
};

describe('JoinResearchSharing', () => {
  it('stays closed and asks nothing until opened, then saves each choice with the invite', async () => {
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/call/research-consent') return { body: theirs };
      if (method === 'PUT' && path === '/api/call/research-consent')
        return { body: { ...theirs.seats[1], decision: 'agree', sessionId: 'ses_1' } };
      return undefined;
    });
    const { container } = render(<JoinResearchSharing inviteToken="tok" />);
    const details = container.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.click(screen.getByText('Research sharing (optional)'));
    const child = within(
      await screen.findByRole('radiogroup', { name: 'Research sharing for Sam in Algebra, week 3' }),
    );
    expect(
      screen.getByRole('radiogroup', { name: 'Research sharing for Pat in Algebra, week 3' }),
    ).toBeTruthy();
    await userEvent.click(child.getByRole('radio', { name: 'Yes, share for research' }));
    expect(await child.findByText(/^Saved: yes/)).toBeTruthy();

    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/call/research-consent',
      'PUT /api/call/research-consent',
    ]);
    const [, put] = fetchMock.mock.calls[1] ?? [];
    expect((put?.headers as Record<string, string> | undefined)?.authorization).toBe('Bearer tok');
    expect(JSON.parse(String(put?.body))).toEqual({ decision: 'agree', forPersonId: 'per_sam' });
  });
});
