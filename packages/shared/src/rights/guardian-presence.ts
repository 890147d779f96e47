/**
 * Whether a parent or guardian was in the call at the start and at the end of each minor's part of a
 * session (VTO), as judged on the server from LiveKit presence; and what a host's call needs to warn
 * them while no guardian of a child in the room is there.
 */
import { z } from 'zod';

/** Around the child's first arrival: a guardian came, none came, or the child never joined. */
export const GuardianAtStart = z.enum(['present', 'missed', 'not_joined']);
export type GuardianAtStart = z.infer<typeof GuardianAtStart>;

/** Around the child's last departure; `in_progress` while the call is still going on. */
export const GuardianAtEnd = z.enum(['present', 'missed', 'in_progress', 'not_joined']);
export type GuardianAtEnd = z.infer<typeof GuardianAtEnd>;

/** The verdicts for one minor student's seat in one session. */
export const MinorGuardianPresence = z.object({
  /** The student's seat (person id) in the session. */
  personId: z.string(),
  name: z.string(),
  start: GuardianAtStart,
  end: GuardianAtEnd,
  /** Names of the child's guardians who were there around the start (empty unless `present`). */
  guardiansAtStart: z.array(z.string()),
  /** Names of the child's guardians who were there around the end (empty unless `present`). */
  guardiansAtEnd: z.array(z.string()),
});
export type MinorGuardianPresence = z.infer<typeof MinorGuardianPresence>;

/** One session's record: when the call ran and, per minor, whether a guardian was there. */
export const SessionGuardianPresence = z.object({
  sessionId: z.string(),
  /** First arrival of anyone known (the recorder aside); null if nobody came. */
  callStartedAt: z.string().nullable(),
  /** Last departure; null while someone is still in the call or nobody came. */
  callEndedAt: z.string().nullable(),
  inProgress: z.boolean(),
  /** Some minor had no guardian there at their start or at their end. */
  missed: z.boolean(),
  minors: z.array(MinorGuardianPresence),
});
export type SessionGuardianPresence = z.infer<typeof SessionGuardianPresence>;

/** `GET /api/admin/guardian-presence` query: newest first, paged by `before` (a session id). */
export const GuardianPresenceQuery = z.object({
  /** Only sessions where a guardian was missing (the default: what an admin needs to follow up). */
  missedOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100, 'At most 100 sessions a page').default(25),
  /** Only sessions listed after this one: the previous page's `nextBefore`. */
  before: z.string().min(1).max(64).optional(),
});
export type GuardianPresenceQuery = z.infer<typeof GuardianPresenceQuery>;

export const GuardianPresenceSession = SessionGuardianPresence.extend({
  title: z.string(),
  /** The tutor's name in the session; null for a session without a tutor seat. */
  tutorName: z.string().nullable(),
  createdAt: z.string(),
});
export type GuardianPresenceSession = z.infer<typeof GuardianPresenceSession>;

export const GuardianPresencePage = z.object({
  sessions: z.array(GuardianPresenceSession),
  /** Pass as `before` for the next (older) page; null when there is no more to look through. */
  nextBefore: z.string().nullable(),
});
export type GuardianPresencePage = z.infer<typeof GuardianPresencePage>;

/**
 * In a host's join response: a minor student of the session and the guardians linked to them, by
 * person id (what the `assent.person` participant attribute carries). Never sent to anyone else.
 */
export const MinorInCall = z.object({
  personId: z.string(),
  name: z.string(),
  guardianPersonIds: z.array(z.string()),
});
export type MinorInCall = z.infer<typeof MinorInCall>;
