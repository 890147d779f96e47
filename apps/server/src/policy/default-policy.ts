/**
 * Version 1 of the organisation's policy, written on a fresh database from the configuration
 * (RECORDING_PURPOSES, RECORDING_RETENTION_DAYS). After that, admins edit the policy and the
 * configuration no longer matters. The agreement text draws on the seed policies: consent from
 * everyone (Hearken), a guardian registered and agreeing before a child joins (VTO), opting out in
 * writing is respected (Procept), playback for a limited time (VTO), destroying recordings securely
 * and saying who may see them (the safeguarding guidance).
 */
import type { OrganisationPolicyInput } from '@assent/shared';
import type { RecordingConfig } from '../config';
import { humanPurpose } from './purposes';
import { legacyRecordingNotice } from './recording-notice';

/** The configuration values version 1 is built from. */
export type PolicyDefaults = Pick<RecordingConfig, 'purposes' | 'retentionDays'>;

export const defaultAgreementText = `Online tutoring and recording policy

Please read this before you enrol your child. A parent or guardian aged 18 or over must register and agree to it before a child can join any session.

During sessions
- Please be present at the start and the end of each session, and be available while it runs.
- Tutors contact students only through this service and only about their lessons.
- Tell us straight away about anything in a session that worries you.

Recording
- A session is recorded only if everyone in the call says yes. For a child, a parent's or guardian's yes is needed as well as the child's.
- Before anyone answers, they are told why the recording is wanted, who will be able to watch it and how long it will be kept.
- Anyone can say no. Anyone can withdraw their yes at any time with one click, and recording stops at once for everyone.
- Everyone in the call can always see whether the session is being recorded.
- You can ask for your child's sessions never to be recorded. A tutor who then asks to record is told the session cannot be recorded, and you are never asked.

Keeping recordings safe
- Recordings are encrypted and kept only for as long as the purpose they were made for allows, then securely destroyed. We keep a record that they were destroyed.
- Only the people allowed for that purpose may watch them, and every viewing is logged. Where our policy allows, you and your child can watch your own sessions for a limited time.
- Recordings are never shared on social media or public forums, or with anyone who is not allowed to see them.

Your rights
- You can ask for a copy of everything we hold about you or your child, and ask for recordings to be deleted early. We answer every request and give our reasons.
- If you have a question or a complaint, contact us. Every complaint is looked into.

When we change this policy, we will ask you to read and agree to the new version.`;

/** Every purpose from the configuration, each kept for RECORDING_RETENTION_DAYS and watched by staff. */
export function defaultPolicyInput(defaults: PolicyDefaults): OrganisationPolicyInput {
  return {
    purposes: defaults.purposes.map((id) => ({
      id,
      label: humanPurpose(id),
      retentionDays: defaults.retentionDays,
      viewerRoles: ['tutor', 'reviewer', 'admin'],
    })),
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
    talkTimeEnabled: true,
    talkTimeReaderRoles: ['admin', 'reviewer', 'tutor'],
    talkTimeLearnersSeeOwn: false,
    talkTimeEngagingPercent: 10,
    talkTimeLowPercent: 25,
    talkTimeHighPercent: 50,
    talkTimeRetentionDays: 1095,
    transcriptsEnabled: true,
    transcriptRetentionDays: 1095,
    organisationName: '',
    organisationContact: '',
    noticeText: legacyRecordingNotice.text,
    agreementText: defaultAgreementText,
  };
}
