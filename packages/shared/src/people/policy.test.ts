import { describe, expect, it } from 'vitest';
import { noticeVersionOf, OrganisationPolicyInput, policyVersionOfNotice, SavePolicyRequest } from './policy';

const valid: OrganisationPolicyInput = {
  purposes: [
    { id: 'quality_assurance', label: 'Quality assurance', retentionDays: 90, viewerRoles: ['reviewer'] },
    { id: 'safeguarding', label: 'Safeguarding', retentionDays: 365, viewerRoles: ['reviewer', 'admin'] },
  ],
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
  noticeText: 'Sessions are recorded only if everyone agrees.',
  agreementText: 'The online tutoring and recording policy.',
};

const issuesOf = (input: unknown) =>
  (SavePolicyRequest.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('organisation policy schema', () => {
  it('accepts a valid policy and a save naming the version it started from', () => {
    expect(OrganisationPolicyInput.parse(valid)).toEqual(valid);
    expect(SavePolicyRequest.parse({ ...valid, basedOnVersion: 3 }).basedOnVersion).toBe(3);
  });

  it('reads a version saved before research media and late requests existed as sound only and 30 days', () => {
    const { researchExportMedia: _media, lateRequestDays: _days, ...older } = valid;
    expect(OrganisationPolicyInput.parse(older)).toMatchObject({
      researchExportMedia: 'audio',
      lateRequestDays: 30,
    });
    expect(issuesOf({ ...valid, basedOnVersion: 1, researchExportMedia: 'video' })[0]?.[0]).toBe(
      'researchExportMedia',
    );
  });

  it('reads a version saved before the chat log existed as 90 days, read by the tutor and reviewers', () => {
    const { chatRetentionDays: _d, chatReaderRoles: _r, chatParticipantsRead: _p, ...older } = valid;
    expect(OrganisationPolicyInput.parse(older)).toMatchObject({
      chatRetentionDays: 90,
      chatReaderRoles: ['tutor', 'reviewer'],
      chatParticipantsRead: false,
    });
  });

  it('expresses a chat log kept for three years, and refuses one kept longer than ten or a role twice', () => {
    expect(OrganisationPolicyInput.parse({ ...valid, chatRetentionDays: 1095 }).chatRetentionDays).toBe(1095);
    expect(issuesOf({ ...valid, basedOnVersion: 1, chatRetentionDays: 3651 })[0]?.[0]).toBe(
      'chatRetentionDays',
    );
    expect(issuesOf({ ...valid, basedOnVersion: 1, chatReaderRoles: ['tutor', 'tutor'] })).toEqual([
      ['chatReaderRoles', 'List each role once'],
    ]);
  });

  it('names the field of each problem', () => {
    const twice = { ...valid, basedOnVersion: 1, purposes: [valid.purposes[0], valid.purposes[0]] };
    expect(issuesOf(twice)).toEqual([['purposes.1.id', '“quality_assurance” is listed twice']]);
    expect(issuesOf({ ...valid, basedOnVersion: 1, noticeText: '  ' })[0]?.[0]).toBe('noticeText');
    expect(issuesOf({ ...valid })[0]?.[0]).toBe('basedOnVersion');
    const nobody = {
      ...valid,
      basedOnVersion: 1,
      participantPlaybackDays: null,
      purposes: [{ ...valid.purposes[0], viewerRoles: [] }],
    };
    expect(issuesOf(nobody)[0]?.[0]).toBe('purposes.0.viewerRoles');
    // Participants are the playback window, not a viewer role.
    const student = {
      ...valid,
      basedOnVersion: 1,
      purposes: [{ ...valid.purposes[0], viewerRoles: ['student'] }],
    };
    expect(issuesOf(student)[0]?.[0]).toBe('purposes.0.viewerRoles.0');
  });

  it('turns a policy version into the notice version consent records cite, and back', () => {
    expect(noticeVersionOf(12)).toBe('policy-12');
    expect(policyVersionOfNotice('policy-12')).toBe(12);
    for (const other of ['2026-11-v1', 'policy-0', 'policy-', 'policy-1x', 'policy-01']) {
      expect(policyVersionOfNotice(other)).toBeUndefined();
    }
  });
});
