/**
 * The policy in facts a parent can read, generated from the policy's values so they cannot drift from
 * what the service does: each purpose with how long it is kept and who may watch, the playback window,
 * what a withdrawal does, and what else is kept and for how long. Shown beside the organisation's own
 * text on the Policy page, and part of what a guardian agrees to (agreement-terms.ts).
 */
import type { OrganisationPolicyInput, PolicyFacts } from '@assent/shared';
import { viewersInWords } from './consent-terms';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

const chatReaderWords = {
  tutor: 'the session’s tutor',
  reviewer: 'reviewers',
  admin: 'administrators',
} as const;

/** Who reads a session's chat afterwards, in words. */
export function chatReadersInWords(policy: OrganisationPolicyInput): string {
  const names: string[] = policy.chatReaderRoles.map((role) => chatReaderWords[role]);
  if (policy.chatParticipantsRead) names.push('the students and guardians who were in it');
  if (names.length === 0) return 'nobody';
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the pre-session notice says when the policy measures talk time; undefined when it does not. */
export const talkTimeMeasuredWords =
  'How long each person speaks is measured from sound levels; what is said is not recorded by this.';

export function talkTimeNotice(policy: OrganisationPolicyInput): string | undefined {
  return policy.talkTimeEnabled ? talkTimeMeasuredWords : undefined;
}

const talkReaderWords = {
  tutor: 'the session’s tutor',
  reviewer: 'reviewers',
  admin: 'administrators',
} as const;

/** Who sees a session's talk time afterwards, in words. */
function talkReadersInWords(policy: OrganisationPolicyInput): string {
  const names: string[] = policy.talkTimeReaderRoles.map((role) => talkReaderWords[role]);
  if (policy.talkTimeLearnersSeeOwn) names.push('each learner (their own share)');
  if (names.length === 0) return 'nobody';
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Talk time and transcripts, when the policy keeps them: each its own data class with its own time. */
function insightsKept(policy: OrganisationPolicyInput): PolicyFacts['alsoKept'] {
  const kept: PolicyFacts['alsoKept'] = [];
  if (policy.talkTimeEnabled)
    kept.push({
      what: `Talk time of each session: when each person spoke, measured from sound levels only (what is said is not recorded by this), seen afterwards by ${talkReadersInWords(policy)}`,
      howLong: `Kept for ${days(policy.talkTimeRetentionDays)} after the session, then destroyed, whatever happens to its recordings`,
    });
  if (policy.transcriptsEnabled)
    kept.push({
      what: 'Transcripts of recordings everyone consented to, made on this service’s own machine',
      howLong: `Kept for ${days(policy.transcriptRetentionDays)} after they are made, then destroyed; erased with their recording when consent is withdrawn under the erase rule`,
    });
  return kept;
}

export function policyFacts(policy: OrganisationPolicyInput): PolicyFacts {
  return {
    organisationName: policy.organisationName,
    organisationContact: policy.organisationContact,
    purposes: policy.purposes.map((purpose) => ({
      label: purpose.label,
      keptFor: days(purpose.retentionDays),
      viewers: viewersInWords(purpose.viewerRoles, policy.participantPlaybackDays),
    })),
    playback:
      policy.participantPlaybackDays === null
        ? 'Students and guardians cannot play recordings back.'
        : `Students and their guardians can play back recordings of sessions they attended for ${days(policy.participantPlaybackDays)} after the session.`,
    withdrawal:
      policy.withdrawalRule === 'erase'
        ? "Anyone can withdraw their consent at any time: recording stops at once for everyone, the session's earlier recordings are erased, and so is what the person who withdrew wrote in the session's chat (each message then reads \"Message erased at the sender's request\")."
        : 'Anyone can withdraw their consent at any time: recording stops at once for everyone. What was recorded before is kept for its purpose’s time, and you can ask for it to be deleted.',
    // Nothing below is destroyed by retention today: say so rather than promise an end date.
    alsoKept: [
      {
        // The whiteboard is shared work of everyone in the call: kept with the chat log, and a withdrawal of
        // consent to recording does not erase it.
        what: `The chat of each session: every message with who sent it, whether or not the session was recorded; and the whiteboard, when used, as it was when the session ended (kept with the chat log for the same time); read afterwards by ${chatReadersInWords(policy)}`,
        howLong: `Kept for ${days(policy.chatRetentionDays)} after the session’s last message, then destroyed`,
      },
      ...insightsKept(policy),
      {
        what: 'The consent record: who was asked, who agreed or said no, when, for which purpose and under which version of this policy',
        howLong: 'Kept with no end date: it is the evidence of what each person agreed to',
      },
      {
        what: 'A record of each recording destroyed (when, why and under which rule), never the recording itself',
        howLong: 'Kept with no end date, so you can always see what happened to a recording',
      },
      {
        what: 'A log of every viewing of a recording, every access and deletion request, and every change to this policy',
        howLong: 'Kept with no end date',
      },
      {
        what: 'Safeguarding reports and what was done about them',
        howLong:
          "Kept with no end date; while one is open, its session's recordings are kept until it is closed",
      },
    ],
  };
}
