// @vitest-environment jsdom
import type { PendingEnrolment } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { PendingEnrolments } from './PendingEnrolments';

const flo: PendingEnrolment = {
  id: 'pe-1',
  childName: 'Flo',
  minor: true,
  requestedBy: 'Fern Tutor',
  guardianName: 'Faye',
  requestedAt: '2026-12-07T10:00:00.000Z',
  status: 'pending',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Waiting for your answer', () => {
  it('shows nothing when nothing waits', async () => {
    const fetchMock = stubApi(() => ({ body: { enrolments: [] } }));
    const { container } = render(<PendingEnrolments onConfirmed={() => {}} />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('confirms: the request goes, the child is said to be enrolled, and the children are read again', async () => {
    const user = userEvent.setup();
    const onConfirmed = vi.fn();
    const fetchMock = stubApi((method, path) => {
      if (method === 'GET' && path === '/api/me/enrolments') return { body: { enrolments: [flo] } };
      if (method === 'POST' && path === '/api/me/enrolments/pe-1/confirm')
        return { body: { ...flo, status: 'confirmed' } };
      return undefined;
    });
    render(<PendingEnrolments onConfirmed={onConfirmed} />);
    const region = await screen.findByRole('region', { name: 'Waiting for your answer' });
    expect(region.textContent).toContain('Fern Tutor asks to enrol Flo with you');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Flo is enrolled with you.');
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(onConfirmed).toHaveBeenCalledTimes(1);
    expect(requestsMade(fetchMock)).toEqual([
      'GET /api/me/enrolments',
      'POST /api/me/enrolments/pe-1/confirm',
    ]);
  });

  it('declines without reading the children again, and says a refusal in words', async () => {
    const user = userEvent.setup();
    const onConfirmed = vi.fn();
    stubApi((method, path) => {
      if (method === 'GET') return { body: { enrolments: [flo, { ...flo, id: 'pe-2', childName: 'Gil' }] } };
      if (path === '/api/me/enrolments/pe-1/decline') return { body: { ...flo, status: 'declined' } };
      return {
        status: 409,
        body: {
          error: { code: 'enrolment_not_pending', message: 'This request has already been answered.' },
        },
      };
    });
    render(<PendingEnrolments onConfirmed={onConfirmed} />);
    const [declineFlo] = await screen.findAllByRole('button', { name: 'Decline' });
    await user.click(declineFlo as HTMLElement);
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'You declined: Flo was not enrolled.',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This request was already answered');
    expect(onConfirmed).not.toHaveBeenCalled();
  });
});
