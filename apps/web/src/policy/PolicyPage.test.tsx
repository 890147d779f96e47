// @vitest-environment jsdom

import type { InvitePreview } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordingNotice } from '../join/RecordingNotice';
import { stubApi } from '../test-support/stub-api';
import { RequestFacts } from '../ui/RequestFacts';
import { PolicyPage } from './PolicyPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const readable = {
  version: 4,
  createdAt: '2026-03-01T10:00:00.000Z',
  facts: {
    organisationName: 'Northside Tutors',
    organisationContact: 'office@northside.example',
    purposes: [
      { label: 'Quality checks', keptFor: '30 days', viewers: 'Reviewers (quality and safeguarding) only' },
      { label: 'Safeguarding', keptFor: '365 days', viewers: 'Administrators only' },
    ],
    playback: 'Students and guardians cannot play recordings back.',
    withdrawal: 'Anyone can withdraw their consent at any time: recording stops at once for everyone.',
    alsoKept: [{ what: 'The consent record', howLong: 'Kept with no end date' }],
  },
  agreementText: 'Our own words for families.',
  noticeText: 'Recorded only if everyone agrees.',
};

describe('the Policy page', () => {
  it("shows the facts from the policy's values beside the organisation's own text, name and contact", async () => {
    stubApi((method, path) =>
      method === 'GET' && path === '/api/policy/readable' ? { body: readable } : undefined,
    );
    render(<PolicyPage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Recording policy of Northside Tutors' }),
    ).toBeTruthy();
    expect(screen.getByText('office@northside.example')).toBeTruthy();
    const safeguarding = screen.getByRole('row', { name: /Safeguarding/ });
    expect(within(safeguarding).getByText('365 days')).toBeTruthy();
    expect(within(safeguarding).getByText('Administrators only')).toBeTruthy();
    expect(screen.getByText(readable.facts.playback)).toBeTruthy();
    expect(screen.getByText(readable.facts.withdrawal)).toBeTruthy();
    expect(screen.getByText(/The consent record/)).toBeTruthy();
    expect(screen.getByText('Our own words for families.')).toBeTruthy();
  });

  it('is linked from what every consent prompt states, opening beside the call', () => {
    render(
      <RequestFacts
        request={{ purposeLabel: 'Safeguarding', viewers: 'Administrators only', retentionDays: 365 }}
      />,
    );
    const link = screen.getByRole('link', { name: 'Read the recording policy' });
    expect(link.getAttribute('href')).toBe('/policy');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('is linked from the join page for people without an account', () => {
    const preview = {
      recording: { active: false },
      notice: { version: 'policy-4', text: 'Recorded only if everyone agrees.' },
      consentsFor: [],
      needsGuardian: false,
    } as unknown as InvitePreview;
    render(
      <RecordingNotice
        preview={preview}
        recording={undefined}
        consent={{ kind: 'none' }}
        onConsent={() => {}}
      />,
    );
    expect(screen.getByRole('link', { name: 'Read the recording policy' }).getAttribute('href')).toBe(
      '/policy',
    );
  });
});
