// @vitest-environment jsdom
import type { OrganisationPolicy } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { PolicyForm } from './PolicyForm';

const saved: OrganisationPolicy = {
  version: 3,
  noticeVersion: 'policy-3',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'u-ada',
  policy: {
    purposes: [{ id: 'quality_assurance', label: 'Quality', retentionDays: 90, viewerRoles: ['reviewer'] }],
    participantPlaybackDays: 90,
    withdrawalRule: 'keep',
    advanceGuardianConsent: false,
    adultGuestsAllowed: true,
    askAgainAfterMinutes: 10,
    organisationName: '',
    organisationContact: '',
    noticeText: 'Recorded only if everyone agrees.',
    agreementText: 'The online tutoring and recording policy.',
  },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('policy form: adult guests', () => {
  it('saves "Tutors may invite adult guests" unticked as a new version', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/admin/policy'
        ? { body: { ...saved, version: 4, policy: { ...saved.policy, adultGuestsAllowed: false } } }
        : undefined,
    );
    const onSaved = vi.fn();
    render(<PolicyForm saved={saved} onSaved={onSaved} onReload={() => {}} />);
    const box = screen.getByRole('checkbox', { name: 'Tutors may invite adult guests' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBe('adult-guests-allowed-hint');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(body).toMatchObject({ basedOnVersion: 3, adultGuestsAllowed: false });
    expect(
      (screen.getByRole('checkbox', { name: 'Tutors may invite adult guests' }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});
