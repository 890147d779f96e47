// @vitest-environment jsdom
import type { OrganisationPolicy, RetentionEffect } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { PolicyForm } from './PolicyForm';
import { retentionEffectText } from './retention-effects';

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
    researchExportMedia: 'audio',
    lateRequestDays: 30,
    askAgainAfterMinutes: 10,
    chatRetentionDays: 90,
    chatReaderRoles: ['tutor', 'reviewer'],
    chatParticipantsRead: false,
    studentsMayShare: false,
    joinOpensMinutesBefore: 10,
    joinGraceMinutes: 15,
    guardianPresenceMinutes: 5,
    reminderLeadMinutes: [1440, 15],
    talkTimeEnabled: false,
    talkTimeReaderRoles: ['admin', 'reviewer', 'tutor'],
    talkTimeLearnersSeeOwn: false,
    talkTimeEngagingPercent: 10,
    talkTimeLowPercent: 25,
    talkTimeHighPercent: 50,
    talkTimeRetentionDays: 1095,
    transcriptsEnabled: false,
    transcriptRetentionDays: 1095,
    organisationName: '',
    organisationContact: '',
    noticeText: 'Recorded only if everyone agrees.',
    agreementText: 'The online tutoring and recording policy.',
  },
};

const effect = (over: Partial<RetentionEffect>): RetentionEffect => ({
  purpose: 'quality_assurance',
  label: 'Quality',
  beforeDays: 90,
  afterDays: 30,
  direction: 'shorter',
  storedRecordings: 12,
  destroyedSooner: 12,
  destroyedAtNextSweep: 0,
  ...over,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the policy editor says what a retention change does to stored recordings, before saving', () => {
  async function chooseRetention(label: string, answer: RetentionEffect) {
    const user = userEvent.setup();
    const fetchMock = stubApi((method, path) =>
      method === 'POST' && path === '/api/admin/policy/retention-effects'
        ? { body: { effects: [answer] } }
        : undefined,
    );
    render(<PolicyForm saved={saved} onSaved={() => {}} onReload={() => {}} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Keep recordings for' }), label);
    return fetchMock;
  }

  it('warns that shortening destroys stored recordings sooner', async () => {
    const fetchMock = await chooseRetention(
      '30 days',
      effect({ destroyedSooner: 12, destroyedAtNextSweep: 3 }),
    );
    const region = await screen.findByRole('region', { name: 'What this does to stored recordings' });
    await vi.waitFor(() =>
      expect(region.textContent).toContain(
        'Quality: 12 stored recordings will be destroyed sooner, 30 days after they were made instead of 90; 3 of them are already older than that and will be destroyed at the next sweep.',
      ),
    );
    expect(requestsMade(fetchMock)).toEqual(['POST /api/admin/policy/retention-effects']);
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({
      purposes: [{ id: 'quality_assurance', retentionDays: 30 }],
    });
  });

  it('says lengthening keeps stored recordings to the time people consented to', async () => {
    await chooseRetention('1 year', effect({ direction: 'longer', afterDays: 365, destroyedSooner: 0 }));
    await vi.waitFor(() =>
      expect(
        screen.getByText(
          'Quality: only new recordings will be kept 365 days; the 12 stored recordings keep the time people consented to.',
        ),
      ).toBeTruthy(),
    );
  });

  it('says nothing, and asks nothing, while no retention differs from the saved one', () => {
    const fetchMock = stubApi(() => undefined);
    render(<PolicyForm saved={saved} onSaved={() => {}} onReload={() => {}} />);
    expect(screen.queryByRole('region', { name: 'What this does to stored recordings' })).toBeNull();
    expect(requestsMade(fetchMock)).toEqual([]);
  });
});

describe('retention effect wording', () => {
  it('names one recording, all due now, none affected, and none stored', () => {
    expect(retentionEffectText(effect({ destroyedSooner: 1, destroyedAtNextSweep: 1 }))).toBe(
      'Quality: 1 stored recording will be destroyed sooner, 30 days after it was made instead of 90; it is already older than that and will be destroyed at the next sweep.',
    );
    expect(retentionEffectText(effect({ destroyedSooner: 0 }))).toBe(
      'Quality: new recordings will be kept 30 days; no stored recording is destroyed sooner.',
    );
    expect(
      retentionEffectText(
        effect({ direction: 'longer', afterDays: 365, storedRecordings: 0, destroyedSooner: 0 }),
      ),
    ).toBe('Quality: new recordings will be kept 365 days; there are no stored recordings to change.');
  });
});
