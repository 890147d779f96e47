// @vitest-environment jsdom
import type { MyResearchConsents, ResearchSeat } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../../test-support/stub-api';
import { ResearchSharingCard } from './ResearchSharingCard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const seat = (over: Partial<ResearchSeat>): ResearchSeat => ({
  personId: 'per_pat',
  name: 'Pat Guardian',
  role: 'guardian',
  minor: false,
  decidesAs: 'self',
  decision: 'none',
  decidedAt: null,
  ...over,
});

const mine: MyResearchConsents = {
  sessions: [
    {
      sessionId: 'ses_1',
      title: 'Algebra, week 3',
      createdAt: '2026-03-03T10:00:00.000Z',
      exportMedia: 'audio',
      seats: [
        seat({}),
        seat({
          personId: 'per_sam',
          name: 'Sam',
          role: 'student',
          minor: true,
          decidesAs: 'guardian',
          decision: 'agree',
        }),
      ],
    },
  ],
};

describe('ResearchSharingCard', () => {
  it('shows nothing to someone with no session to decide for', async () => {
    const fetchMock = stubApi((_m, path) =>
      path === '/api/me/research' ? { body: { sessions: [] } } : undefined,
    );
    const { container } = render(<ResearchSharingCard />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(container.innerHTML).toBe('');
  });

  it('asks per session and seat, shows what stands, and saves a change at once', async () => {
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/me/research') return { body: mine };
      if (method === 'PUT' && path === '/api/sessions/ses_1/research-consent')
        return {
          body: {
            ...seat({ personId: 'per_sam', name: 'Sam', decidesAs: 'guardian', decision: 'withdraw' }),
            sessionId: 'ses_1',
          },
        };
      return undefined;
    });
    render(<ResearchSharingCard />);
    expect(await screen.findByRole('heading', { name: 'Research sharing' })).toBeTruthy();
    expect(screen.getByText(/Saying no changes nothing else/)).toBeTruthy();
    // Exactly what leaves: the sound, whose voices can identify people; never "names replaced".
    expect(
      screen.getByText(
        /the sound of sessions where everyone agreed.*without the video\. Voices can identify people/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/names replaced/)).toBeNull();

    const own = within(
      screen.getByRole('radiogroup', { name: 'Research sharing for Pat Guardian in Algebra, week 3' }),
    );
    expect((own.getByRole('radio', { name: 'Yes, share for research' }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect((own.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(false);

    const child = within(
      screen.getByRole('radiogroup', { name: 'Research sharing for Sam in Algebra, week 3' }),
    );
    expect((child.getByRole('radio', { name: 'Yes, share for research' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(child.getByText(/both of you need to say yes/)).toBeTruthy();

    await userEvent.click(child.getByRole('radio', { name: 'No' }));
    expect(await child.findByText(/Saved: you changed your mind/)).toBeTruthy();
    expect((child.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
    expect(requestsMade(fetchMock)).toContain('PUT /api/sessions/ses_1/research-consent');
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ personId: 'per_sam', decision: 'refuse' });
  });

  it('says so when a choice could not be saved', async () => {
    stubApi((method, path) => {
      if (path === '/api/me/research') return { body: mine };
      if (method === 'PUT')
        return {
          status: 403,
          body: { error: { code: 'forbidden', message: 'Your account may not do this.' } },
        };
      return undefined;
    });
    render(<ResearchSharingCard />);
    const own = within(await screen.findByRole('radiogroup', { name: /Pat Guardian/ }));
    await userEvent.click(own.getByRole('radio', { name: 'Yes, share for research' }));
    expect((await own.findByRole('alert')).textContent).toBe('Not saved. Your account may not do this.');
    expect((own.getByRole('radio', { name: 'Yes, share for research' }) as HTMLInputElement).checked).toBe(
      false,
    );
  });
});
