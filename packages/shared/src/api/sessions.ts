import { z } from 'zod';
import { SessionRole } from './roles';

const PersonName = z.string().trim().min(1, 'Name is required').max(80, 'Name is at most 80 characters');

/** An invited person, named by the tutor when the session is created. */
export const InviteeInput = z.object({
  name: PersonName,
  role: z.enum(['student', 'guardian']),
  /**
   * A minor student's consent counts only together with a guardian's (consent rule 3). A student sent
   * without it is taken to be a minor (fail closed); only students can be minors.
   */
  minor: z.boolean().default(true),
  /**
   * Guardians only: the names of the students in this same request this guardian is responsible for
   * (names, because people have no ids until the session exists). Each must match exactly one student
   * invitee's name, compared after trimming.
   *
   * Left out or empty, the guardian is guardian of every student in the session, as before links
   * existed: the tutor who names nobody vouches that any of the guardians may consent for any student.
   * Name students here whenever the guardians are not interchangeable.
   */
  guardianOf: z.array(PersonName).max(20, 'At most 20 students').optional(),
});
export type InviteeInput = z.infer<typeof InviteeInput>;

/** Adds an issue for every guardian link that does not name exactly one student of the request. */
function checkGuardianLinks(
  request: { participants: InviteeInput[] },
  ctx: z.RefinementCtx<{ participants: InviteeInput[] }>,
): void {
  const studentsNamed = new Map<string, number>();
  for (const person of request.participants) {
    if (person.role === 'student') studentsNamed.set(person.name, (studentsNamed.get(person.name) ?? 0) + 1);
  }
  request.participants.forEach((person, index) => {
    const listed = person.guardianOf ?? [];
    if (listed.length === 0) return;
    if (person.role !== 'guardian') {
      ctx.addIssue({
        code: 'custom',
        path: ['participants', index, 'guardianOf'],
        message: 'Only a guardian can be guardian of a student',
      });
      return;
    }
    listed.forEach((name, position) => {
      // An empty name already has its own issue.
      if (name === '') return;
      const count = studentsNamed.get(name) ?? 0;
      if (count === 1) return;
      ctx.addIssue({
        code: 'custom',
        path: ['participants', index, 'guardianOf', position],
        message:
          count === 0
            ? `No student called “${name}” is invited`
            : `${count} students are called “${name}”: give them different names`,
      });
    });
  });
}

export const CreateSessionRequest = z
  .object({
    title: z.string().trim().min(1, 'Title is required').max(120, 'Title is at most 120 characters'),
    tutorName: PersonName,
    participants: z.array(InviteeInput).min(1, 'Invite at least one person').max(20, 'At most 20 invitees'),
  })
  .superRefine(checkGuardianLinks);
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
  /** One invite per person, the tutor's first. */
  invites: z.array(Invite),
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
});
export type JoinResponse = z.infer<typeof JoinResponse>;
