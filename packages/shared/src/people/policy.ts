import { z } from 'zod';
import { StaffRole } from './roles';

/** A purpose id such as `quality_assurance`: what a recording request names (consent rule 1). */
export const PurposeId = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower-case letters, digits and _');

export const PurposePolicy = z.object({
  id: PurposeId,
  label: z.string().trim().min(1, 'A label is required').max(80),
  /** How long a recording made for this purpose is kept, in days (30, 90, 365 or any number). */
  retentionDays: z.number().int().min(1, 'At least one day').max(3650, 'At most ten years'),
  /**
   * Staff roles that may watch recordings made for this purpose. Students and guardians are not roles
   * here: whether they may play back their own sessions is `participantPlaybackDays`.
   */
  viewerRoles: z.array(StaffRole).max(3),
});
export type PurposePolicy = z.infer<typeof PurposePolicy>;

export const WithdrawalRule = z.enum(['keep', 'erase']);
export type WithdrawalRule = z.infer<typeof WithdrawalRule>;

/**
 * What a research export holds of each recording: its sound only (voices can still identify people),
 * or the recording as made (faces, voices and the names shown under each picture).
 */
export const ResearchExportMedia = z.enum(['audio', 'audio_and_video']);
export type ResearchExportMedia = z.infer<typeof ResearchExportMedia>;

const policyFields = {
  purposes: z.array(PurposePolicy).min(1, 'At least one purpose').max(20),
  /** Days students and guardians may play back sessions they attended; null: never. */
  participantPlaybackDays: z.number().int().min(1).max(3650).nullable(),
  /** What happens to a session's earlier recordings when someone withdraws (consent rule 7). */
  withdrawalRule: WithdrawalRule,
  /** Whether a guardian may consent for their child ahead of a session (consent rule 3). */
  advanceGuardianConsent: z.boolean(),
  /**
   * Whether tutors may invite adults without an account (a second tutor, an observer) by a personal
   * link. Versions saved before this field existed read as true: sessions always took guests then.
   */
  adultGuestsAllowed: z.boolean(),
  /**
   * After someone other than the tutor declines or withdraws, minutes before the tutor may ask again
   * (consent without pressure). 0: at once. Versions saved before this field existed read as 10.
   */
  askAgainAfterMinutes: z.number().int().min(0).max(1440).default(10),
  /** The organisation's name as families read it on the Policy page. Older versions read as empty. */
  organisationName: z.string().trim().max(120).default(''),
  /** How families reach the organisation (an e-mail address, a phone number, a postal address). */
  organisationContact: z.string().trim().max(500).default(''),
  /** Shown before joining and in every consent prompt; consent records cite its version. */
  noticeText: z.string().trim().min(20, 'The notice needs at least 20 characters').max(4000),
  /** The online-tutoring and recording policy a guardian reads and agrees to before enrolling. */
  agreementText: z.string().trim().min(20, 'The policy needs at least 20 characters').max(20000),
  /** What research exports hold; versions saved before this field existed read as sound only. */
  researchExportMedia: ResearchExportMedia.default('audio'),
  /**
   * Days after a session during which its invite links, once expired, may still file a concern report
   * or a deletion request (a live link or a sign-in may always). Older versions read as 30.
   */
  lateRequestDays: z.number().int().min(1, 'At least one day').max(365, 'At most 365 days').default(30),
  /**
   * The chat log is session record, its own data class: kept this many days after its last message,
   * whether or not the session was recorded. Older versions read as 90.
   */
  chatRetentionDays: z.number().int().min(1, 'At least one day').max(3650, 'At most ten years').default(90),
  /**
   * Staff roles that may read a session's chat log afterwards: tutors only their own sessions. Older
   * versions read as the session's tutor and the reviewers.
   */
  chatReaderRoles: z.array(StaffRole).max(3).default(['tutor', 'reviewer']),
  /** Whether each participant (and a child's guardian) may read the chat of sessions they were in. */
  chatParticipantsRead: z.boolean().default(false),
  /**
   * Whether students may share their screen from the start of a call, without the tutor letting them
   * (the tutor's seat always may). Versions saved before this field existed read as false.
   */
  studentsMayShare: z.boolean().default(false),
  /**
   * Minutes before a scheduled session's start its Join opens (it stays open until the end plus
   * `joinGraceMinutes`). Older versions read as 10.
   */
  joinOpensMinutesBefore: z.number().int().min(0).max(120, 'At most two hours').default(10),
  /** Minutes after a scheduled session's end its Join stays open. Older versions read as 15. */
  joinGraceMinutes: z.number().int().min(0).max(240, 'At most four hours').default(15),
  /**
   * VTO: a guardian is expected within this many minutes of a minor's start and end (the scheduled
   * start and end, and the child's arrival and departure). Older versions read as 5.
   */
  guardianPresenceMinutes: z
    .number()
    .int()
    .min(1, 'At least one minute')
    .max(60, 'At most an hour')
    .default(5),
  /**
   * Reminders mailed before each scheduled occurrence, in minutes before its start (largest first).
   * Empty: no reminders. Older versions read as a day and a quarter of an hour before.
   */
  reminderLeadMinutes: z
    .array(z.number().int().min(1, 'At least a minute').max(10080, 'At most a week'))
    .max(4, 'At most four reminders')
    .default([1440, 15]),
  /**
   * Talk time: how long each person speaks, measured by the server from sound levels only (never audio,
   * never words) in every call while on, disclosed in the notice and shown in the call. Versions saved
   * before this field existed read as off: families agreed to a policy that did not say it. A new
   * organisation's first policy has it on.
   */
  talkTimeEnabled: z.boolean().default(false),
  /** Staff roles that may see a session's talk time afterwards: tutors only their own sessions. */
  talkTimeReaderRoles: z.array(StaffRole).max(3).default(['admin', 'reviewer', 'tutor']),
  /** Whether each learner (and a child's guardian) may see the learner's own share of a session. */
  talkTimeLearnersSeeOwn: z.boolean().default(false),
  /** Schoolhouse's line: a session is "highly engaging" when learners' share reaches this percent. */
  talkTimeEngagingPercent: z.number().int().min(1).max(99).default(10),
  /** Talk Meter's bands: learners' share below this percent is low (red)… */
  talkTimeLowPercent: z.number().int().min(1).max(99).default(25),
  /** …and at or above this percent high (green). */
  talkTimeHighPercent: z.number().int().min(1).max(99).default(50),
  /** Talk time is its own data class: kept this many days after the session, whatever befalls its media. */
  talkTimeRetentionDays: z
    .number()
    .int()
    .min(1, 'At least one day')
    .max(3650, 'At most ten years')
    .default(1095),
  /**
   * Transcripts of stored recordings (made only where everyone consented), made on this server, never
   * sent elsewhere. Versions saved before this field existed read as off; a new organisation's is on.
   */
  transcriptsEnabled: z.boolean().default(false),
  /** Transcripts are their own data class: kept this many days after they are made (may outlive media). */
  transcriptRetentionDays: z
    .number()
    .int()
    .min(1, 'At least one day')
    .max(3650, 'At most ten years')
    .default(1095),
};

/** What no single field can say: purpose ids unique, roles listed once, and someone able to watch. */
function checkPolicy(
  policy: {
    purposes: PurposePolicy[];
    participantPlaybackDays: number | null;
    chatReaderRoles: StaffRole[];
    reminderLeadMinutes: number[];
    talkTimeReaderRoles: StaffRole[];
    talkTimeLowPercent: number;
    talkTimeHighPercent: number;
  },
  ctx: z.RefinementCtx,
): void {
  if (policy.talkTimeLowPercent >= policy.talkTimeHighPercent) {
    ctx.addIssue({
      code: 'custom',
      path: ['talkTimeHighPercent'],
      message: 'The high line must be above the low line',
    });
  }
  if (new Set(policy.talkTimeReaderRoles).size !== policy.talkTimeReaderRoles.length) {
    ctx.addIssue({ code: 'custom', path: ['talkTimeReaderRoles'], message: 'List each role once' });
  }
  if (new Set(policy.reminderLeadMinutes).size !== policy.reminderLeadMinutes.length) {
    ctx.addIssue({ code: 'custom', path: ['reminderLeadMinutes'], message: 'List each reminder once' });
  }
  if (new Set(policy.chatReaderRoles).size !== policy.chatReaderRoles.length) {
    ctx.addIssue({ code: 'custom', path: ['chatReaderRoles'], message: 'List each role once' });
  }
  const seen = new Set<string>();
  policy.purposes.forEach((purpose, index) => {
    if (seen.has(purpose.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['purposes', index, 'id'],
        message: `“${purpose.id}” is listed twice`,
      });
    }
    seen.add(purpose.id);
    if (new Set(purpose.viewerRoles).size !== purpose.viewerRoles.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['purposes', index, 'viewerRoles'],
        message: 'List each role once',
      });
    }
    if (purpose.viewerRoles.length === 0 && policy.participantPlaybackDays === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['purposes', index, 'viewerRoles'],
        message: 'Nobody could watch these recordings: choose who may, or let participants play back',
      });
    }
  });
}

/** The organisation's recording policy as an admin edits it; every saved edit is a new version. */
export const OrganisationPolicyInput = z.object(policyFields).superRefine(checkPolicy);
export type OrganisationPolicyInput = z.infer<typeof OrganisationPolicyInput>;

/** `PUT /api/admin/policy`: the edited policy and the version the admin started from. */
export const SavePolicyRequest = z
  .object({
    ...policyFields,
    /** The version the edit was made from; if another admin saved since, the save is refused (409). */
    basedOnVersion: z.number().int().positive(),
  })
  .superRefine(checkPolicy);
export type SavePolicyRequest = z.infer<typeof SavePolicyRequest>;

export const OrganisationPolicy = z.object({
  /** Increases by one with every saved change; `policy-<version>` is the notice version consent records cite. */
  version: z.number().int().positive(),
  noticeVersion: z.string(),
  createdAt: z.string(),
  /** Who saved this version; null for the defaults written on first start. */
  createdBy: z.string().nullable(),
  policy: OrganisationPolicyInput,
});
export type OrganisationPolicy = z.infer<typeof OrganisationPolicy>;

const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/**
 * One field that differs from the previous version, e.g. `purposes.safeguarding.retentionDays` 90 → 30.
 * Long texts are summarised by length; the versions themselves keep every word.
 */
export const PolicyChange = z.object({ field: z.string(), before: ChangeValue, after: ChangeValue });
export type PolicyChange = z.infer<typeof PolicyChange>;

export const PolicyVersionEntry = OrganisationPolicy.extend({
  /** The account's current name; null for the defaults or an account that is gone. */
  createdByName: z.string().nullable(),
  /** What this version changed from the one before it (empty for version 1). */
  changes: z.array(PolicyChange),
});
export type PolicyVersionEntry = z.infer<typeof PolicyVersionEntry>;

/** `GET /api/admin/policy/versions`: every version, newest (the one in force) first. */
export const PolicyVersionList = z.object({ versions: z.array(PolicyVersionEntry) });
export type PolicyVersionList = z.infer<typeof PolicyVersionList>;

/** The notice version consent records cite for a policy version. */
export function noticeVersionOf(policyVersion: number): string {
  return `policy-${policyVersion}`;
}

/** The policy version a notice version names, or undefined for notices from before the policy was data. */
export function policyVersionOfNotice(noticeVersion: string): number | undefined {
  const match = /^policy-([1-9][0-9]{0,8})$/.exec(noticeVersion);
  return match ? Number(match[1]) : undefined;
}

/**
 * The policy in facts a parent can read, generated from its values (never typed by hand): the Policy
 * page shows them beside the organisation's own text, and they are part of what a guardian agrees to.
 */
export const PolicyFacts = z.object({
  organisationName: z.string(),
  organisationContact: z.string(),
  purposes: z.array(z.object({ label: z.string(), keptFor: z.string(), viewers: z.string() })),
  playback: z.string(),
  withdrawal: z.string(),
  alsoKept: z.array(z.object({ what: z.string(), howLong: z.string() })),
});
export type PolicyFacts = z.infer<typeof PolicyFacts>;

/** `GET /api/policy/readable`: the policy in force as everyone may read it, signed in or not. */
export const ReadablePolicy = z.object({
  version: z.number().int().positive(),
  createdAt: z.string(),
  facts: PolicyFacts,
  /** The organisation's own words guardians agree to. */
  agreementText: z.string(),
  /** What everyone reads before joining a call and in every consent prompt. */
  noticeText: z.string(),
});
export type ReadablePolicy = z.infer<typeof ReadablePolicy>;
