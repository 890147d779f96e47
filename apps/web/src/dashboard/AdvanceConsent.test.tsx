// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../test-support/stub-api';
import { AdvanceConsent } from './AdvanceConsent';

const purposes = [
  {
    id: 'quality_assurance',
    label: 'Quality assurance',
    retentionDays: 90,
    viewerRoles: ['reviewer' as const],
  },
  { id: 'safeguarding', label: 'Safeguarding', retentionDays: 365, viewerRoles: ['reviewer' as const] },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AdvanceConsent', () => {
  it('saves the purposes the guardian ticks for their child, and says so', async () => {
    const fetchMock = stubApi((method, path) =>
      method === 'PUT' && path === '/api/sessions/ses_1/advance-consent'
        ? { body: { purposes: ['quality_assurance'], at: '2026-12-02T10:00:00.000Z' } }
        : undefined,
    );
    render(
      <AdvanceConsent
        sessionId="ses_1"
        child={{ personId: 'per_sam', name: 'Sam', advanceConsent: [] }}
        purposes={purposes}
      />,
    );
    expect(screen.getByRole('group', { name: 'Consent in advance for Sam' })).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Quality assurance' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save consent for Sam' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Saved: you consent in advance for Sam.',
    );
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({
      studentPersonId: 'per_sam',
      purposes: ['quality_assurance'],
    });
  });

  it('shows what was given before, and an unticked save withdraws it', async () => {
    stubApi(() => ({ body: { purposes: [], at: '2026-12-02T10:00:00.000Z' } }));
    render(
      <AdvanceConsent
        sessionId="ses_1"
        child={{ personId: 'per_sam', name: 'Sam', advanceConsent: ['safeguarding'] }}
        purposes={purposes}
      />,
    );
    const box = screen.getByRole('checkbox', { name: 'Safeguarding' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Save consent for Sam' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/you will be asked in the call/);
  });

  it('says why a save failed', async () => {
    stubApi(() => ({
      status: 409,
      body: {
        error: { code: 'advance_consent_not_allowed', message: 'The policy asks for consent in the call.' },
      },
    }));
    render(
      <AdvanceConsent
        sessionId="ses_1"
        child={{ personId: 'per_sam', name: 'Sam', advanceConsent: [] }}
        purposes={purposes}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save consent for Sam' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/consent in the call/);
  });
});
