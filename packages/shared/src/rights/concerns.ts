/**
 * Concerns and safeguarding reports (Hearken: "Participants can report concerns … who will
 * investigate"; VTO: reported sessions may be reviewed to investigate the report). Anyone in a session
 * reports, in the call or afterwards; the safeguarding staff (reviewers and admins) investigate and
 * close it with an outcome; the reporter is told it was handled, never the outcome. While a report is
 * open the session's recordings are on hold: retention is paused and nothing of them is destroyed.
 */
import { z } from 'zod';

/** safeguarding: someone's safety or wellbeing; conduct: behaviour in the session. */
export const ConcernCategory = z.enum(['safeguarding', 'conduct', 'technical', 'other']);
export type ConcernCategory = z.infer<typeof ConcernCategory>;

/** `POST /api/call/concern` (invite token) and `POST /api/sessions/:id/concerns` (signed in). */
export const ConcernReportBody = z.object({
  category: ConcernCategory,
  description: z.string().trim().min(1, 'Say what happened').max(4000, 'Keep it under 4000 characters'),
  /** The chat message the report is about, when it was made from one in the call. */
  chatMessageId: z.string().min(1).max(64).optional(),
});
export type ConcernReportBody = z.infer<typeof ConcernReportBody>;

/** What the reporter gets back: only that it arrived. */
export const ConcernReceipt = z.object({ id: z.string(), receivedAt: z.string() });
export type ConcernReceipt = z.infer<typeof ConcernReceipt>;

/** A report as its reporter sees it under "Your requests": handled or not, never the outcome. */
export const MyConcernReport = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  category: ConcernCategory,
  duringCall: z.boolean(),
  receivedAt: z.string(),
  status: z.enum(['received', 'handled']),
  handledAt: z.string().nullable(),
});
export type MyConcernReport = z.infer<typeof MyConcernReport>;

export const MyConcernReportList = z.object({ reports: z.array(MyConcernReport) });
export type MyConcernReportList = z.infer<typeof MyConcernReportList>;

/** One report in the safeguarding staff's list. */
export const SafeguardingReportSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  category: ConcernCategory,
  duringCall: z.boolean(),
  reporterName: z.string(),
  /** The reporter's role in the session, or their account's role when they had no seat. */
  reporterRole: z.string(),
  status: z.enum(['open', 'closed']),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Whole days from receipt to closing, or to now while open. */
  openDays: z.number().int().nonnegative(),
  /** The session's recordings an open report (this or another) holds now. */
  recordingsOnHold: z.number().int().nonnegative(),
});
export type SafeguardingReportSummary = z.infer<typeof SafeguardingReportSummary>;

/** Open reports first (oldest first), then closed ones (most recently closed first). */
export const SafeguardingReportList = z.object({ reports: z.array(SafeguardingReportSummary) });
export type SafeguardingReportList = z.infer<typeof SafeguardingReportList>;

/** A recording of the reported session, for the reviewer to open at `/recordings/:id`. */
export const ReportedRecording = z.object({
  id: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
  status: z.enum(['pending', 'stored', 'destroyed', 'lost']),
  recordedAt: z.string().nullable(),
  retainUntil: z.string().nullable(),
  onHold: z.boolean(),
});
export type ReportedRecording = z.infer<typeof ReportedRecording>;

/** Another report about the same session. */
export const RelatedReport = z.object({
  id: z.string(),
  category: ConcernCategory,
  status: z.enum(['open', 'closed']),
  receivedAt: z.string(),
  reporterName: z.string(),
  reporterRole: z.string(),
});
export type RelatedReport = z.infer<typeof RelatedReport>;

export const SafeguardingReportDetail = SafeguardingReportSummary.extend({
  description: z.string(),
  outcome: z.string().nullable(),
  correctiveActions: z.string().nullable(),
  closedByName: z.string().nullable(),
  /** When the reporter was told the report was handled (on their requests page, and by mail if they have one). */
  reporterToldAt: z.string().nullable(),
  session: z.object({
    id: z.string(),
    title: z.string(),
    createdAt: z.string(),
    people: z.array(z.object({ name: z.string(), role: z.string() })),
  }),
  otherReports: z.array(RelatedReport),
  recordings: z.array(ReportedRecording),
});
export type SafeguardingReportDetail = z.infer<typeof SafeguardingReportDetail>;

/** `POST /api/safeguarding/reports/:id/close`: what was found and what was done about it. */
export const CloseConcernBody = z.object({
  outcome: z
    .string()
    .trim()
    .min(1, 'Write the outcome of the investigation')
    .max(4000, 'Keep it under 4000 characters'),
  correctiveActions: z.string().trim().max(4000, 'Keep it under 4000 characters').default(''),
});
export type CloseConcernBody = z.infer<typeof CloseConcernBody>;
