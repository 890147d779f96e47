// @vitest-environment jsdom
import type { FirstRunChecklist as Checklist } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { FirstRunChecklist } from './FirstRunChecklist';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const steps = () =>
  within(screen.getByRole('region', { name: 'Getting started' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.first-run__title')?.textContent);

describe('FirstRunChecklist', () => {
  it('lists the three steps as the server reads them, done or to do', async () => {
    stubApi((_m, path) =>
      path === '/api/admin/first-run'
        ? { body: { staffInvited: true, policyReviewed: false, familyEnrolled: false } satisfies Checklist }
        : undefined,
    );
    render(<FirstRunChecklist />);
    await screen.findByRole('heading', { name: 'Getting started' });
    expect(steps()).toEqual([
      'Invite staff (done)',
      'Review the recording policy and agreement text (to do)',
      'Enrol the first family (to do)',
    ]);
    expect(screen.getByText(/1 of 3 done/)).toBeTruthy();
  });

  it('marks the policy reviewed through the server, and goes away once every step is done', async () => {
    const fetchMock = stubApi((method, path) => {
      if (path === '/api/admin/first-run') {
        return { body: { staffInvited: true, policyReviewed: false, familyEnrolled: true } };
      }
      if (method === 'POST' && path === '/api/admin/policy/review') {
        return { body: { staffInvited: true, policyReviewed: true, familyEnrolled: true } };
      }
      return undefined;
    });
    render(<FirstRunChecklist />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as reviewed' }));
    expect(requestsMade(fetchMock)).toEqual(['GET /api/admin/first-run', 'POST /api/admin/policy/review']);
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('says so when marking fails, and keeps the step to do', async () => {
    stubApi((method, path) => {
      if (path === '/api/admin/first-run') {
        return { body: { staffInvited: false, policyReviewed: false, familyEnrolled: false } };
      }
      if (method === 'POST') return { status: 403, body: { error: { code: 'forbidden', message: 'No.' } } };
      return undefined;
    });
    render(<FirstRunChecklist />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as reviewed' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not mark it as reviewed/);
    expect(steps()[1]).toBe('Review the recording policy and agreement text (to do)');
  });

  it('shows nothing when all three are done', async () => {
    const fetchMock = stubApi(() => ({
      body: { staffInvited: true, policyReviewed: true, familyEnrolled: true },
    }));
    const { container } = render(<FirstRunChecklist />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(container.innerHTML).toBe('');
  });
});
