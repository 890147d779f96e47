/**
 * Access requests (Hearken: participants may ask for the recordings that involve them, answered
 * promptly): a person asks for everything Assent holds about them, or a guardian about their child; an
 * admin answers with a snapshot of what was held at that moment, shown as a page and as an archive.
 */
import { z } from 'zod';
import { BoardElement } from '../board/api';
import { AccountRole } from '../people/roles';
import { DeletionReason, RecordingAccessBasis } from '../vault/api';

/** Whose data: the requester's own, or an enrolled student's they speak for. */
export const AccessSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('student'), studentId: z.string().min(1).max(64) }),
]);
export type AccessSubject = z.infer<typeof AccessSubject>;

/** `POST /api/me/access-requests`. */
export const CreateAccessRequest = z.object({ subject: AccessSubject });
export type CreateAccessRequest = z.infer<typeof CreateAccessRequest>;

export const AccessRequestStatus = z.enum(['received', 'answered']);
export type AccessRequestStatus = z.infer<typeof AccessRequestStatus>;

/** A request as its requester sees it in their list. */
export const AccessRequest = z.object({
  id: z.string(),
  subjectKind: z.enum(['self', 'student']),
  subjectName: z.string(),
  status: AccessRequestStatus,
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof AccessRequest>;

export const AccessRequestList = z.object({ requests: z.array(AccessRequest) });
export type AccessRequestList = z.infer<typeof AccessRequestList>;

/**
 * Where a request stands for the admins: received; `draft` once the answer is compiled (the requester
 * still sees it as received); `released` once an admin has read it and released it to them.
 */
export const AccessRequestStage = z.enum(['received', 'draft', 'released']);
export type AccessRequestStage = z.infer<typeof AccessRequestStage>;

/** A request as the admins' list shows it: who asked, about whom, and how long it has waited. */
export const AdminAccessRequest = AccessRequest.extend({
  requesterName: z.string(),
  /** Whole days from receipt until now, or until it was released. */
  openDays: z.number().int().nonnegative(),
  answeredByName: z.string().nullable(),
  stage: AccessRequestStage,
  /** When the draft was compiled, and when it was released (null until then). */
  compiledAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releasedByName: z.string().nullable(),
});
export type AdminAccessRequest = z.infer<typeof AdminAccessRequest>;

export const AdminAccessRequestList = z.object({ requests: z.array(AdminAccessRequest) });
export type AdminAccessRequestList = z.infer<typeof AdminAccessRequestList>;

const AnswerAccount = z.object({
  name: z.string(),
  email: z.string(),
  role: AccountRole,
  createdAt: z.string(),
});

const AnswerStudent = z.object({
  id: z.string(),
  name: z.string(),
  minor: z.boolean(),
  enrolledAt: z.string(),
});

const AnswerGuardianship = z.object({
  /** The other side of the link: a child of the subject, or a guardian of the subject. */
  name: z.string(),
  relation: z.enum(['child', 'guardian']),
  since: z.string(),
});

const AnswerSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** The seat's name and role in the session. */
  seatName: z.string(),
  role: z.enum(['tutor', 'student', 'guardian', 'observer']),
  /** Whether LiveKit saw the seat join the call; invited only when false. */
  joined: z.boolean(),
  joinedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
});

const AnswerConsentEntry = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  personName: z.string(),
  role: z.string(),
  kind: z.enum(['request', 'consent', 'decline', 'withdraw', 'cancel']),
  purpose: z.string(),
  noticeVersion: z.string(),
  at: z.string(),
  /** Made by a guardian for the subject (a child), not by the subject's own seat. */
  byGuardian: z.boolean(),
});

const AnswerAdvanceConsent = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  guardianName: z.string(),
  studentName: z.string(),
  /** Empty when the advance consent was withdrawn. */
  purposes: z.array(z.string()),
  policyVersion: z.number().int(),
  at: z.string(),
});

const AnswerResearchConsent = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  seatName: z.string(),
  decidedByName: z.string(),
  decision: z.enum(['agree', 'refuse', 'withdraw']),
  at: z.string(),
});

const AnswerPreferenceChange = z.object({
  studentName: z.string(),
  doNotRecord: z.boolean(),
  changedByName: z.string(),
  at: z.string(),
});

/** Why the subject may not watch a recording, when they may not. */
export const WatchRefusal = z.enum([
  'not_stored',
  'no_sign_in',
  'not_for_participants',
  'window_closed',
  'not_allowed',
]);
export type WatchRefusal = z.infer<typeof WatchRefusal>;

const AnswerRecording = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
  status: z.enum(['pending', 'stored', 'destroyed', 'lost']),
  recordedAt: z.string().nullable(),
  retainUntil: z.string().nullable(),
  /** Why the subject's account may watch it under the policy, or null (see `whyNot`). */
  access: RecordingAccessBasis.nullable(),
  whyNot: WatchRefusal.nullable(),
  /** The end of the subject's playback window, when they may watch it. */
  playableUntil: z.string().nullable(),
});
export type AnswerRecording = z.infer<typeof AnswerRecording>;

const AnswerView = z.object({
  recordingId: z.string(),
  sessionTitle: z.string(),
  viewedAt: z.string(),
  viewerName: z.string(),
  viewerRole: z.string(),
  access: z.string(),
});

const AnswerAuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(['done', 'denied']),
});

const AnswerDeletionRecord = z.object({
  recordingId: z.string(),
  sessionTitle: z.string(),
  purpose: z.string(),
  recordedAt: z.string().nullable(),
  destroyedAt: z.string(),
  reason: DeletionReason,
  detail: z.string(),
});

const AnswerDeletionRequest = z.object({
  sessionTitle: z.string(),
  status: z.enum(['open', 'approved', 'refused']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

const AnswerConcernReport = z.object({
  sessionTitle: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

/** A chat message the subject sent in a call, with its text even if the tutor removed it for the others. */
const AnswerChatMessage = z.object({
  sessionTitle: z.string(),
  sentAt: z.string(),
  senderName: z.string(),
  text: z.string(),
  removedAt: z.string().nullable(),
});

/**
 * A session's saved whiteboard, for each session the subject was in: the editor's own JSON (shared work
 * of everyone in the call, kept with the chat log).
 */
const AnswerBoard = z.object({
  sessionTitle: z.string(),
  savedAt: z.string(),
  elements: z.array(BoardElement),
});

/** A transcript of one of the answer's recordings: that it exists and its life, never its text here. */
const AnswerTranscript = z.object({
  recordingId: z.string(),
  sessionTitle: z.string(),
  status: z.enum(['queued', 'running', 'ready', 'failed', 'destroyed']),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  retainUntil: z.string().nullable(),
  destroyedAt: z.string().nullable(),
});

/** One stretch of the subject's speaking in a session, as talk time measured it (never what was said). */
export const AnswerTalkStretch = z.object({
  /** Which session (titles repeat week to week). Answers compiled before it was added have none. */
  sessionId: z.string().optional(),
  sessionTitle: z.string(),
  startedAt: z.string(),
  /** Null while it goes on. */
  endedAt: z.string().nullable(),
});

/** Everything Assent held about the subject when the request was answered. */
export const AccessAnswer = z.object({
  compiledAt: z.string(),
  subject: z.object({
    kind: z.enum(['self', 'student']),
    name: z.string(),
    userId: z.string().nullable(),
    studentId: z.string().nullable(),
  }),
  /** The subject's sign-in, if they have one. */
  account: AnswerAccount.nullable(),
  /** The subject's enrolment as a student, if they are one. */
  student: AnswerStudent.nullable(),
  guardianships: z.array(AnswerGuardianship),
  agreements: z.array(z.object({ policyVersion: z.number().int(), agreedAt: z.string() })),
  sessions: z.array(AnswerSession),
  consents: z.object({
    log: z.array(AnswerConsentEntry),
    inAdvance: z.array(AnswerAdvanceConsent),
    research: z.array(AnswerResearchConsent),
    doNotRecord: z.array(AnswerPreferenceChange),
  }),
  recordings: z.array(AnswerRecording),
  views: z.array(AnswerView),
  audit: z.array(AnswerAuditEntry),
  deletionRecords: z.array(AnswerDeletionRecord),
  deletionRequests: z.array(AnswerDeletionRequest),
  concernReports: z.array(AnswerConcernReport),
  /** What the subject wrote in the chat of their sessions. Answers compiled before the chat read as none. */
  chatMessages: z.array(AnswerChatMessage).default([]),
  /** The saved whiteboards of the subject's sessions. Answers compiled before the whiteboard have none. */
  boards: z.array(AnswerBoard).optional(),
  /** When the subject spoke in their sessions (talk time, from sound levels). Answers compiled before talk time have none. */
  talkTime: z.array(AnswerTalkStretch).optional(),
  /** Transcripts of the subject's recordings. Answers compiled before transcripts have none. */
  transcripts: z.array(AnswerTranscript).optional(),
});
export type AccessAnswer = z.infer<typeof AccessAnswer>;

/** `GET /api/me/access-requests/:id`: the request and, once answered, the answer. */
export const AccessRequestDetail = AccessRequest.extend({ answer: AccessAnswer.nullable() });
export type AccessRequestDetail = z.infer<typeof AccessRequestDetail>;

/**
 * What a compiled answer leaves out, for the admin who releases it (never shown to the requester):
 * a third party (a guardian about their child) is not told of the subject's own concern reports, and
 * nobody is told of investigation views while a report about the session is open.
 */
export const AccessWithheld = z.object({
  concernReports: z.number().int().nonnegative(),
  investigationViews: z.number().int().nonnegative(),
  auditEntries: z.number().int().nonnegative(),
});
export type AccessWithheld = z.infer<typeof AccessWithheld>;

/** `GET /api/admin/access-requests/:id`: the request, and its compiled answer with what it leaves out. */
export const AdminAccessRequestDetail = AdminAccessRequest.extend({
  answer: AccessAnswer.nullable(),
  withheld: AccessWithheld.nullable(),
});
export type AdminAccessRequestDetail = z.infer<typeof AdminAccessRequestDetail>;
