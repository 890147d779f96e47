/**
 * Research sharing: a purpose of its own that needs every participant's explicit yes (and a guardian's
 * for a minor), separate from the recording consent given in the call. Anyone may refuse or withdraw it
 * without losing anything else. Admins export, pseudonymised, only sessions where everyone agreed.
 */
import { z } from 'zod';
import { SessionRole } from '../api/roles';
import { ResearchExportMedia } from '../people/policy';

/** What is stored: a refuse after an agree is kept as a withdrawal. */
export const ResearchDecision = z.enum(['agree', 'refuse', 'withdraw']);
export type ResearchDecision = z.infer<typeof ResearchDecision>;

/** What a person chooses on the page; the server turns a later "refuse" into "withdraw". */
export const ResearchChoice = z.enum(['agree', 'refuse']);
export type ResearchChoice = z.infer<typeof ResearchChoice>;

/** A seat's current decision, `none` while nobody has decided. */
export const ResearchSeatDecision = z.enum(['none', 'agree', 'refuse', 'withdraw']);
export type ResearchSeatDecision = z.infer<typeof ResearchSeatDecision>;

/** One seat the caller decides for, and how. */
export const ResearchSeat = z.object({
  personId: z.string(),
  name: z.string(),
  role: SessionRole,
  minor: z.boolean(),
  /**
   * `self`: the seat's own decision (given by the person, or by the guardian who enrolled an adult
   * without a sign-in of their own); `guardian`: a guardian's decision for a minor, needed as well as
   * the child's own.
   */
  decidesAs: z.enum(['self', 'guardian']),
  decision: ResearchSeatDecision,
  decidedAt: z.string().nullable(),
});
export type ResearchSeat = z.infer<typeof ResearchSeat>;

export const ResearchSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  seats: z.array(ResearchSeat),
  /** What an export would hold of its recordings under the policy in force: sound only, or the video too. */
  exportMedia: ResearchExportMedia,
});
export type ResearchSession = z.infer<typeof ResearchSession>;

/** `GET /api/me/research`: the sessions where the caller decides for at least one seat. */
export const MyResearchConsents = z.object({ sessions: z.array(ResearchSession) });
export type MyResearchConsents = z.infer<typeof MyResearchConsents>;

const Id = z.string().min(1).max(64);

/** `PUT /api/sessions/:id/research-consent` */
export const ResearchConsentBody = z.object({ personId: Id, decision: ResearchChoice });
export type ResearchConsentBody = z.infer<typeof ResearchConsentBody>;

/** `PUT /api/call/research-consent` with the invite token: the invite's own seat or a linked child's. */
export const CallResearchConsentBody = z.object({ decision: ResearchChoice, forPersonId: Id.optional() });
export type CallResearchConsentBody = z.infer<typeof CallResearchConsentBody>;

/** The answer to a decision: the seat as it now stands. */
export const ResearchConsentState = ResearchSeat.extend({ sessionId: z.string() });
export type ResearchConsentState = z.infer<typeof ResearchConsentState>;

/** Why a session may not be exported, most serious first. */
export const ResearchIneligibility = z.enum([
  'unknown_participant',
  'refused',
  'guardian_missing',
  'not_all_agreed',
  'nobody_present',
]);
export type ResearchIneligibility = z.infer<typeof ResearchIneligibility>;

export const ResearchEligibility = z.object({
  eligible: z.boolean(),
  /** Null when every seat agreed. */
  reason: ResearchIneligibility.nullable(),
  /** Seats LiveKit saw in the call that fully agreed (with a guardian's yes for a minor), of `total`. */
  agreed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ResearchEligibility = z.infer<typeof ResearchEligibility>;

export const ResearchCandidate = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** Recordings the vault still holds for the session. */
  recordings: z.number().int().nonnegative(),
  eligibility: ResearchEligibility,
});
export type ResearchCandidate = z.infer<typeof ResearchCandidate>;

export const ResearchExportSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  sessions: z.number().int().nonnegative(),
  recordings: z.number().int().nonnegative(),
  archiveUrl: z.string(),
});
export type ResearchExportSummary = z.infer<typeof ResearchExportSummary>;

/** `GET /api/admin/research` */
export const ResearchOverview = z.object({
  sessions: z.array(ResearchCandidate),
  exports: z.array(ResearchExportSummary),
  /** What a download holds under the policy in force. */
  exportMedia: ResearchExportMedia,
});
export type ResearchOverview = z.infer<typeof ResearchOverview>;

/** `POST /api/admin/research/exports` */
export const ResearchExportCreated = z.object({
  id: z.string(),
  sessions: z.number().int().nonnegative(),
  recordings: z.number().int().nonnegative(),
  archiveUrl: z.string(),
});
export type ResearchExportCreated = z.infer<typeof ResearchExportCreated>;
