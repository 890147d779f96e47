import type { OrganisationPolicyInput } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { sameAgreement } from './agreement-terms';
import { chatReadersInWords, policyFacts, talkTimeNotice } from './policy-facts';

const policy: OrganisationPolicyInput = {
  purposes: [
    { id: 'quality_assurance', label: 'Quality checks', retentionDays: 30, viewerRoles: ['reviewer'] },
    { id: 'safeguarding', label: 'Safeguarding', retentionDays: 365, viewerRoles: ['admin'] },
  ],
  participantPlaybackDays: 14,
  withdrawalRule: 'erase',
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
  organisationName: 'Northside Tutors',
  organisationContact: 'office@northside.example',
  noticeText: 'Recorded only if everyone agrees.',
  agreementText: 'The agreement text for guardians.',
};

describe('the policy in facts', () => {
  it('states each purpose, the playback window and the withdrawal rule from the values', () => {
    const facts = policyFacts(policy);
    expect(facts.organisationName).toBe('Northside Tutors');
    expect(facts.organisationContact).toBe('office@northside.example');
    expect(facts.purposes).toEqual([
      {
        label: 'Quality checks',
        keptFor: '30 days',
        viewers: 'Reviewers (quality and safeguarding); the student and their guardians for 14 days',
      },
      {
        label: 'Safeguarding',
        keptFor: '365 days',
        viewers: 'Administrators; the student and their guardians for 14 days',
      },
    ]);
    expect(facts.playback).toContain('for 14 days after the session');
    expect(facts.withdrawal).toContain('earlier recordings are erased');
    expect(facts.withdrawal).toContain("what the person who withdrew wrote in the session's chat");
    expect(policyFacts({ ...policy, participantPlaybackDays: null }).playback).toBe(
      'Students and guardians cannot play recordings back.',
    );
    expect(facts.alsoKept.map((k) => k.what)).toEqual([
      expect.stringContaining('The chat of each session'),
      expect.stringContaining('The consent record'),
      expect.stringContaining('destroyed'),
      expect.stringContaining('every viewing'),
      expect.stringContaining('Safeguarding reports'),
    ]);
    // The whiteboard, when used, is kept with the chat log for the same time.
    expect(facts.alsoKept[0]?.what).toContain('the whiteboard, when used');
    expect(facts.alsoKept[0]?.what).toContain('kept with the chat log for the same time');
  });

  it('asks guardians again only when what they read changes', () => {
    const unchanged = [
      { ...policy, askAgainAfterMinutes: 30 },
      { ...policy, adultGuestsAllowed: false },
      { ...policy, advanceGuardianConsent: true },
      { ...policy, noticeText: 'A different in-call notice for every prompt.' },
      { ...policy, purposes: [...policy.purposes].reverse() },
    ];
    for (const next of unchanged) expect(sameAgreement(policy, next)).toBe(true);
    const changed = [
      { ...policy, agreementText: 'A new agreement text for guardians.' },
      { ...policy, organisationName: 'Southside Tutors' },
      { ...policy, organisationContact: '01234 567890' },
      { ...policy, participantPlaybackDays: 30 },
      { ...policy, withdrawalRule: 'keep' as const },
      {
        ...policy,
        purposes: policy.purposes.map((p) => ({ ...p, retentionDays: p.retentionDays + 1 })),
      },
      {
        ...policy,
        purposes: policy.purposes.map((p) => ({ ...p, viewerRoles: ['tutor' as const] })),
      },
    ];
    for (const next of changed) expect(sameAgreement(policy, next)).toBe(false);
  });
});

describe('the chat log in the policy facts', () => {
  it('says how long the chat is kept (three years expressible) and who reads it afterwards', () => {
    const facts = policyFacts({ ...policy, chatRetentionDays: 1095 });
    expect(facts.alsoKept[0]).toEqual({
      what: expect.stringContaining('whether or not the session was recorded'),
      howLong: 'Kept for 1095 days after the session’s last message, then destroyed',
    });
    expect(chatReadersInWords(policy)).toBe('the session’s tutor and reviewers');
    expect(chatReadersInWords({ ...policy, chatReaderRoles: [], chatParticipantsRead: true })).toBe(
      'the students and guardians who were in it',
    );
    expect(chatReadersInWords({ ...policy, chatReaderRoles: [] })).toBe('nobody');
  });
});

describe('talk time and transcripts in the policy facts', () => {
  it('says nothing of them while the policy keeps neither', () => {
    const facts = policyFacts({ ...policy, talkTimeEnabled: false, transcriptsEnabled: false });
    expect(facts.alsoKept.map((k) => k.what).join(' ')).not.toMatch(/talk time|transcript/i);
    expect(talkTimeNotice({ ...policy, talkTimeEnabled: false })).toBeUndefined();
  });

  it('says talk time is measured from sound levels, who sees it and how long it is kept; and transcripts', () => {
    const facts = policyFacts({
      ...policy,
      talkTimeEnabled: true,
      talkTimeReaderRoles: ['tutor', 'admin'],
      talkTimeLearnersSeeOwn: true,
      talkTimeRetentionDays: 1095,
      transcriptsEnabled: true,
      transcriptRetentionDays: 400,
    });
    const talk = facts.alsoKept.find((k) => k.what.startsWith('Talk time'));
    expect(talk?.what).toContain('measured from sound levels only');
    expect(talk?.what).toContain('the session’s tutor, administrators and each learner (their own share)');
    expect(talk?.howLong).toBe(
      'Kept for 1095 days after the session, then destroyed, whatever happens to its recordings',
    );
    const transcripts = facts.alsoKept.find((k) => k.what.startsWith('Transcripts'));
    expect(transcripts?.howLong).toContain('Kept for 400 days after they are made');
    expect(talkTimeNotice({ ...policy, talkTimeEnabled: true })).toBe(
      'How long each person speaks is measured from sound levels; what is said is not recorded by this.',
    );
  });
});
