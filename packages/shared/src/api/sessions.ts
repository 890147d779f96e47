import { z } from 'zod';
import { PersonName } from '../people/api';
import { MinorInCall } from '../rights/guardian-presence';
import { SessionRole } from './roles';
import { Occurrence, ScheduleOverlap, SessionSchedule } from './schedule';

/** A person without an account, invited by a personal link: adults only (a minor must be enrolled). */
export const GuestInput = z.object({ name: PersonName });
export type GuestInput = z.infer<typeof GuestInput>;

/**
 * A signed-in tutor (or admin) creates a session for enrolled students, whose guardians follow, and
 * optionally adult guests. The tutor is the caller.
 */
export const CreateSessionRequest = z
  .object({
    title: z.string().trim().min(1, 'Title is required').max(120, 'Title is at most 120 characters'),
    studentIds: z.array(z.string().min(1).max(64)).max(20, 'At most 20 students').default([]),
    guests: z.array(GuestInput).max(10, 'At most 10 guests').default([]),
    /** When it takes place (and whether it repeats weekly); absent: a session to start at once. */
    schedule: SessionSchedule.optional(),
  })
  .refine((r) => r.studentIds.length + r.guests.length > 0, {
    message: 'Pick at least one student or add a guest',
    path: ['studentIds'],
  })
  .refine((r) => new Set(r.studentIds).size === r.studentIds.length, {
    message: 'A student is picked twice',
    path: ['studentIds'],
  });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const Invite = z.object({
  personId: z.string(),
  name: z.string(),
  role: SessionRole,
  minor: z.boolean(),
  /**
   * Guardians: the names of the students they are guardian of (every student in the session when the
   * request named none). Empty for everyone else.
   */
  guardianOf: z.array(z.string()),
  /** Absolute join link carrying the signed invite token. */
  url: z.string().url(),
  expiresAt: z.string().datetime(),
});
export type Invite = z.infer<typeof Invite>;

export const CreateSessionResponse = z.object({
  sessionId: z.string(),
  title: z.string(),
  /**
   * The tutor's own link first, then one per guest. Enrolled students and their guardians join from
   * their own dashboards ("Your sessions"), so their links are never handed to the tutor.
   */
  invites: z.array(Invite),
  /** The series this created, if it repeats; `sessionId` is then its first occurrence. */
  seriesId: z.string().nullable().optional(),
  /**
   * Every occurrence created, first first (one for a single scheduled session; none unscheduled), each
   * with its own tutor's and guests' links (`invites` above are the first occurrence's).
   */
  occurrences: z.array(Occurrence.extend({ invites: z.array(Invite).optional() })).optional(),
  /** The tutor's other sessions that overlap any of them: shown as a warning. */
  overlaps: z.array(ScheduleOverlap).optional(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

/** The invite token as it appears in a join link. */
export const InviteToken = z
  .string()
  .min(20, 'Invite token is malformed')
  .max(2048, 'Invite token is malformed');

/** What the join page shows before the person enters. */
export const InvitePreview = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  personId: z.string(),
  name: z.string(),
  role: SessionRole,
  minor: z.boolean(),
  /**
   * Guardians: the names of the students their consent also counts for (rule 3), in the order they
   * were invited. Empty for everyone else.
   */
  consentsFor: z.array(z.string()),
  /** A minor student: their consent counts only together with a guardian's consent for them (rule 3). */
  needsGuardian: z.boolean(),
  expiresAt: z.string().datetime(),
  recording: z.object({ active: z.boolean() }),
  /** Versioned text of the recording notice shown on the join page. */
  notice: z.object({ version: z.string(), text: z.string() }),
  /** Days the policy in force keeps the chat log, recorded or not: the notice says so before joining. */
  chatKeptDays: z.number().int().positive().optional(),
  /**
   * Present when the policy in force measures talk time: what the pre-session notice says about it. The
   * call then shows "Talk time measured" to everyone, all along.
   */
  talkTimeNotice: z.string().optional(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const JoinRequest = z.object({ inviteToken: InviteToken });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinResponse = z.object({
  /** ws(s) URL of the LiveKit server the browser connects to. */
  livekitUrl: z.string(),
  /** Short-lived LiveKit access token: join this one room, publish and subscribe, nothing more. */
  token: z.string(),
  identity: z.string(),
  roomName: z.string(),
  /**
   * False while a recording runs that this person has not consented to (rule 5): their camera and
   * microphone stay off until they consent or the recording stops, when the server lets them publish.
   */
  canPublish: z.boolean(),
  preview: InvitePreview,
  /**
   * The tutor only: each minor student of the session with their guardians, so the call can tell the
   * host while no guardian of a child in the room is there (VTO). Absent for everyone else.
   */
  minors: z.array(MinorInCall).optional(),
  /**
   * Whether this seat opens, closes and locks the whiteboard and draws while it is locked: the tutor,
   * and an admin present in an observer seat (the server's `can`). Absent: no.
   */
  runsBoard: z.boolean().optional(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;
