import type { OrganisationPolicyInput } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { consentTerms, viewersInWords } from './consent-terms';

describe('consent terms in words', () => {
  it('names the staff roles in a fixed order, then the playback window', () => {
    expect(viewersInWords(['admin', 'tutor', 'reviewer'], 90)).toBe(
      'Your tutor, reviewers (quality and safeguarding) and administrators; the student and their guardians for 90 days',
    );
    expect(viewersInWords(['admin', 'tutor'], 1)).toBe(
      'Your tutor and administrators; the student and their guardians for 1 day',
    );
    expect(viewersInWords(['reviewer'], null)).toBe('Reviewers (quality and safeguarding) only');
    expect(viewersInWords([], 30)).toBe('Only the student and their guardians for 30 days');
  });

  const policy: OrganisationPolicyInput = {
    purposes: [
      { id: 'quality_assurance', label: 'Quality checks', retentionDays: 30, viewerRoles: ['reviewer'] },
      { id: 'safeguarding', label: 'Safeguarding', retentionDays: 365, viewerRoles: ['admin'] },
    ],
    participantPlaybackDays: null,
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
    agreementText: 'The agreement text for guardians.',
  };

  it('states a purpose as its version says, and refuses one it does not list rather than guess', () => {
    expect(consentTerms(policy, 'quality_assurance')).toEqual({
      purposeLabel: 'Quality checks',
      retentionDays: 30,
      viewers: 'Reviewers (quality and safeguarding) only',
      noticeText: 'Recorded only if everyone agrees.',
      withdrawalRule: 'keep',
    });
    expect(consentTerms(policy, 'safeguarding', 'An older notice.')).toMatchObject({
      retentionDays: 365,
      viewers: 'Administrators only',
      noticeText: 'An older notice.',
    });
    expect(() => consentTerms(policy, 'student_playback')).toThrow(
      expect.objectContaining({ status: 409, code: 'purpose_unknown' }),
    );
  });
});
