/**
 * The policy form's state and its conversions: the saved policy → what the form shows, and the form →
 * the body `PUT /api/admin/policy` takes. Numbers stay text while being typed so a half-typed value is
 * never silently replaced; the shared schema then judges the body exactly as the server will.
 */
import {
  type OrganisationPolicy,
  type OrganisationPolicyInput,
  type ResearchExportMedia,
  SavePolicyRequest,
  type StaffRole,
  type WithdrawalRule,
} from '@assent/shared';
import type { FieldIssue } from '../api/client';
import { type FieldErrors, fieldErrorsFrom } from '../ui/field-errors';

/** How long recordings are kept: the usual periods, or a number of days typed in. */
export type RetentionChoice = '30' | '90' | '365' | 'custom';

export const retentionChoices: ReadonlyArray<{ value: RetentionChoice; label: string }> = [
  { value: '30', label: '30 days' },
  { value: '90', label: '3 months' },
  { value: '365', label: '1 year' },
  { value: 'custom', label: 'A number of days' },
];

export function retentionChoiceOf(days: number): RetentionChoice {
  return days === 30 || days === 90 || days === 365 ? (String(days) as RetentionChoice) : 'custom';
}

/** The days a choice means; a typed number for `custom` (NaN when it is not a number yet). */
export function retentionDaysOf(choice: RetentionChoice, customDays: string): number {
  return choice === 'custom' ? parseDays(customDays) : Number(choice);
}

/**
 * `15, 1440` → [1440, 15], largest first as the policy keeps them; an empty box is no reminders;
 * anything not a whole number is NaN, for the schema to flag at its place.
 */
export function parseMinutesList(text: string): number[] {
  const minutes = text
    .split(/[\s,;]+/)
    .filter((part) => part !== '')
    .map(parseDays);
  return minutes.some(Number.isNaN) ? minutes : minutes.sort((a, b) => b - a);
}

/** Whole days from what was typed; anything else is NaN, which the schema reports against the field. */
export function parseDays(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The staff who may watch, in the order the form lists them. */
export const viewerChoices: ReadonlyArray<{ role: StaffRole; label: string }> = [
  { role: 'tutor', label: 'Tutors' },
  { role: 'reviewer', label: 'Reviewers' },
  { role: 'admin', label: 'Administrators' },
];

export interface PurposeDraft {
  /** Stable React key: purposes can be removed from the middle. */
  key: string;
  /** Saved purposes keep their id (consent records cite it); a new one takes it from its label. */
  savedId: string | null;
  label: string;
  retention: RetentionChoice;
  customDays: string;
  viewerRoles: readonly StaffRole[];
}

/** The policy's scheduling values as the form holds them: minutes as typed. */
export type SchedulingDraft = Record<
  keyof Pick<
    OrganisationPolicyInput,
    'joinOpensMinutesBefore' | 'joinGraceMinutes' | 'guardianPresenceMinutes' | 'reminderLeadMinutes'
  >,
  string
>;

/**
 * The session-insights values (talk time, transcripts) as the form holds them: switches and roles as
 * they are, percents and days as typed.
 */
export interface InsightsDraft {
  talkTimeEnabled: boolean;
  talkTimeReaderRoles: StaffRole[];
  talkTimeLearnersSeeOwn: boolean;
  talkTimeEngagingPercent: string;
  talkTimeLowPercent: string;
  talkTimeHighPercent: string;
  talkTimeRetentionDays: string;
  transcriptsEnabled: boolean;
  transcriptRetentionDays: string;
}

function insightsDraftOf(policy: OrganisationPolicy['policy']): InsightsDraft {
  return {
    talkTimeEnabled: policy.talkTimeEnabled,
    talkTimeReaderRoles: policy.talkTimeReaderRoles,
    talkTimeLearnersSeeOwn: policy.talkTimeLearnersSeeOwn,
    talkTimeEngagingPercent: String(policy.talkTimeEngagingPercent),
    talkTimeLowPercent: String(policy.talkTimeLowPercent),
    talkTimeHighPercent: String(policy.talkTimeHighPercent),
    talkTimeRetentionDays: String(policy.talkTimeRetentionDays),
    transcriptsEnabled: policy.transcriptsEnabled,
    transcriptRetentionDays: String(policy.transcriptRetentionDays),
  };
}

function insightsBodyOf(
  draft: InsightsDraft,
): Pick<
  SavePolicyRequest,
  | 'talkTimeEnabled'
  | 'talkTimeReaderRoles'
  | 'talkTimeLearnersSeeOwn'
  | 'talkTimeEngagingPercent'
  | 'talkTimeLowPercent'
  | 'talkTimeHighPercent'
  | 'talkTimeRetentionDays'
  | 'transcriptsEnabled'
  | 'transcriptRetentionDays'
> {
  return {
    talkTimeEnabled: draft.talkTimeEnabled,
    talkTimeReaderRoles: [...draft.talkTimeReaderRoles],
    talkTimeLearnersSeeOwn: draft.talkTimeLearnersSeeOwn,
    talkTimeEngagingPercent: parseDays(draft.talkTimeEngagingPercent),
    talkTimeLowPercent: parseDays(draft.talkTimeLowPercent),
    talkTimeHighPercent: parseDays(draft.talkTimeHighPercent),
    talkTimeRetentionDays: parseDays(draft.talkTimeRetentionDays),
    transcriptsEnabled: draft.transcriptsEnabled,
    transcriptRetentionDays: parseDays(draft.transcriptRetentionDays),
  };
}

export interface PolicyDraft {
  basedOnVersion: number;
  purposes: PurposeDraft[];
  playback: 'none' | 'days';
  playbackDays: string;
  withdrawalRule: WithdrawalRule;
  advanceGuardianConsent: boolean;
  studentsMayShare: boolean;
  /** Scheduling values, as typed (minutes; the reminders a list such as `1440, 15`). */
  scheduling: SchedulingDraft;
  insights: InsightsDraft;
  adultGuestsAllowed: boolean;
  researchExportMedia: ResearchExportMedia;
  /** Days after a session an expired link may still report or ask for deletion, as typed. */
  lateRequestDays: string;
  askAgainAfterMinutes: string;
  /** How long the chat log is kept, in days as typed; who may read it afterwards. */
  chatRetentionDays: string;
  chatReaderRoles: StaffRole[];
  chatParticipantsRead: boolean;
  organisationName: string;
  organisationContact: string;
  noticeText: string;
  agreementText: string;
}

/** `Quality assurance` → `quality_assurance`: lower-case letters, digits and _, starting with a letter. */
export function purposeIdFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words === '') return '';
  return (/^[a-z]/.test(words) ? words : `purpose_${words}`).slice(0, 60).replace(/_+$/, '');
}

export function purposeIdOf(purpose: PurposeDraft): string {
  return purpose.savedId ?? purposeIdFromLabel(purpose.label);
}

let nextKey = 0;
const newKey = () => {
  nextKey += 1;
  return `purpose-${nextKey}`;
};

export function newPurpose(): PurposeDraft {
  return {
    key: newKey(),
    savedId: null,
    label: '',
    retention: '90',
    customDays: '',
    viewerRoles: ['reviewer', 'admin'],
  };
}

export function draftFromPolicy(saved: OrganisationPolicy): PolicyDraft {
  const { policy } = saved;
  return {
    basedOnVersion: saved.version,
    purposes: policy.purposes.map((purpose) => ({
      key: newKey(),
      savedId: purpose.id,
      label: purpose.label,
      retention: retentionChoiceOf(purpose.retentionDays),
      customDays: String(purpose.retentionDays),
      viewerRoles: purpose.viewerRoles,
    })),
    playback: policy.participantPlaybackDays === null ? 'none' : 'days',
    playbackDays: policy.participantPlaybackDays === null ? '90' : String(policy.participantPlaybackDays),
    withdrawalRule: policy.withdrawalRule,
    advanceGuardianConsent: policy.advanceGuardianConsent,
    studentsMayShare: policy.studentsMayShare,
    scheduling: {
      joinOpensMinutesBefore: String(policy.joinOpensMinutesBefore),
      joinGraceMinutes: String(policy.joinGraceMinutes),
      guardianPresenceMinutes: String(policy.guardianPresenceMinutes),
      reminderLeadMinutes: policy.reminderLeadMinutes.join(', '),
    },
    insights: insightsDraftOf(policy),
    adultGuestsAllowed: policy.adultGuestsAllowed,
    researchExportMedia: policy.researchExportMedia,
    lateRequestDays: String(policy.lateRequestDays),
    askAgainAfterMinutes: String(policy.askAgainAfterMinutes),
    chatRetentionDays: String(policy.chatRetentionDays),
    chatReaderRoles: policy.chatReaderRoles,
    chatParticipantsRead: policy.chatParticipantsRead,
    organisationName: policy.organisationName,
    organisationContact: policy.organisationContact,
    noticeText: policy.noticeText,
    agreementText: policy.agreementText,
  };
}

/** Ticks or unticks one role, keeping the form's order (tutors, reviewers, administrators). */
export function withViewer(roles: readonly StaffRole[], role: StaffRole, on: boolean): StaffRole[] {
  return viewerChoices.map((c) => c.role).filter((r) => (r === role ? on : roles.includes(r)));
}

/** The body of `PUT /api/admin/policy`, numbers as typed (NaN when not a whole number, for the schema to flag). */
export function saveRequestOf(draft: PolicyDraft): SavePolicyRequest {
  return {
    basedOnVersion: draft.basedOnVersion,
    purposes: draft.purposes.map((purpose) => ({
      id: purposeIdOf(purpose),
      label: purpose.label,
      retentionDays: retentionDaysOf(purpose.retention, purpose.customDays),
      viewerRoles: [...purpose.viewerRoles],
    })),
    participantPlaybackDays: draft.playback === 'none' ? null : parseDays(draft.playbackDays),
    withdrawalRule: draft.withdrawalRule,
    advanceGuardianConsent: draft.advanceGuardianConsent,
    studentsMayShare: draft.studentsMayShare,
    joinOpensMinutesBefore: parseDays(draft.scheduling.joinOpensMinutesBefore),
    joinGraceMinutes: parseDays(draft.scheduling.joinGraceMinutes),
    guardianPresenceMinutes: parseDays(draft.scheduling.guardianPresenceMinutes),
    reminderLeadMinutes: parseMinutesList(draft.scheduling.reminderLeadMinutes),
    ...insightsBodyOf(draft.insights),
    adultGuestsAllowed: draft.adultGuestsAllowed,
    researchExportMedia: draft.researchExportMedia,
    lateRequestDays: parseDays(draft.lateRequestDays),
    askAgainAfterMinutes: parseDays(draft.askAgainAfterMinutes),
    chatRetentionDays: parseDays(draft.chatRetentionDays),
    chatReaderRoles: [...draft.chatReaderRoles],
    chatParticipantsRead: draft.chatParticipantsRead,
    organisationName: draft.organisationName,
    organisationContact: draft.organisationContact,
    noticeText: draft.noticeText,
    agreementText: draft.agreementText,
  };
}

export type PolicyCheck = { ok: true; body: SavePolicyRequest } | { ok: false; fields: FieldErrors };

const daysFields =
  /(^|\.)(retentionDays|participantPlaybackDays|lateRequestDays|chatRetentionDays|talkTimeRetentionDays|transcriptRetentionDays)$/;

const percentFields = /^talkTime(Engaging|Low|High)Percent$/;

/** Percent boxes say so in the same words, whichever check failed. */
function percentMessage(code: string): string | undefined {
  if (code === 'invalid_type') return 'Enter a whole percent';
  if (code === 'too_small' || code === 'too_big') return 'Between 1 and 99 percent';
  return undefined;
}

/** The same words for every box of days, whichever check failed (zod's own say "expected number"). */
function daysMessage(code: string): string | undefined {
  if (code === 'invalid_type') return 'Enter a whole number of days';
  if (code === 'too_small') return 'At least one day';
  if (code === 'too_big') return 'At most 3650 days (ten years)';
  return undefined;
}

const minutesFields =
  /^(joinOpensMinutesBefore|joinGraceMinutes|guardianPresenceMinutes|reminderLeadMinutes(\.\d+)?)$/;

/** Minutes boxes say so in the same words, whichever check failed for a number that is not one. */
function minutesMessage(code: string): string | undefined {
  return code === 'invalid_type' ? 'Enter whole minutes' : undefined;
}

/** Checks the form with the schema the server uses; the body to send, or the problems by field. */
export function checkPolicyDraft(draft: PolicyDraft): PolicyCheck {
  const parsed = SavePolicyRequest.safeParse(saveRequestOf(draft));
  if (parsed.success) return { ok: true, body: parsed.data };
  const issues = parsed.error.issues.map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.');
    return {
      path,
      message: daysFields.test(path)
        ? (daysMessage(issue.code) ?? issue.message)
        : minutesFields.test(path)
          ? (minutesMessage(issue.code) ?? issue.message)
          : percentFields.test(path)
            ? (percentMessage(issue.code) ?? issue.message)
            : issue.message,
    };
  });
  // The schema checks across purposes only once every field is valid; say those problems straight away.
  return {
    ok: false,
    fields: fieldErrorsFrom([...issues, ...crossPurposeIssues(draft), ...talkLineIssues(draft.insights)]),
  };
}

/** The low line below the high one, said straight away (the schema says it only once all else is valid). */
function talkLineIssues(insights: InsightsDraft): FieldIssue[] {
  const low = parseDays(insights.talkTimeLowPercent);
  const high = parseDays(insights.talkTimeHighPercent);
  return low >= high
    ? [{ path: 'talkTimeHighPercent', message: 'The high line must be above the low line' }]
    : [];
}

function crossPurposeIssues(draft: PolicyDraft): FieldIssue[] {
  const seen = new Set<string>();
  return draft.purposes.flatMap((purpose, index) => {
    const issues: FieldIssue[] = [];
    const id = purposeIdOf(purpose);
    if (id !== '' && seen.has(id)) {
      issues.push({
        path: `purposes.${index}.id`,
        message: `Another purpose already uses the id “${id}”: change the label`,
      });
    }
    seen.add(id);
    if (purpose.viewerRoles.length === 0 && draft.playback === 'none') {
      issues.push({
        path: `purposes.${index}.viewerRoles`,
        message: 'Nobody could watch these recordings: choose who may, or let participants play back',
      });
    }
    return issues;
  });
}

/** Picks a retention choice; "A number of days" starts from the days chosen before, to adjust. */
export function withRetention(purpose: PurposeDraft, retention: RetentionChoice): PurposeDraft {
  if (retention !== 'custom' || purpose.retention === 'custom') return { ...purpose, retention };
  return { ...purpose, retention, customDays: purpose.retention };
}
