/** Request and response bodies of the accounts, invitations, families and policy routes. */
import { z } from 'zod';
import { SessionRole } from '../api/roles';
import { SessionTime } from '../api/schedule';
import { MinorGuardianPresence } from '../rights/guardian-presence';
import { OrganisationPolicy } from './policy';
import { AccountRole, StaffRole } from './roles';

/**
 * Control characters (CR/LF, tab, NUL…), line and paragraph separators, bidi overrides and other
 * invisible format characters; names are copied into seats, tokens, audit entries and mail, where these
 * would forge lines or reverse text. ZWNJ and ZWJ stay allowed: some scripts' names and emoji need them.
 */
const unsafeNameCharacter = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;

export const PersonName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(80, 'Name is at most 80 characters')
  .refine((name) => !unsafeNameCharacter.test(name), 'Use letters, spaces and punctuation only');
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .email('Enter an email address such as name@example.org')
  .max(254);
export const Password = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(128, 'Use at most 128 characters');

/** A one-time link's token, as it appears in `/welcome/<token>` links. */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'This link is malformed');

export const MeUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: AccountRole,
});
export type MeUser = z.infer<typeof MeUser>;

/** Who is signed in (null: nobody), and for a guardian where they stand with the policy. */
export const MeResponse = z.object({
  user: MeUser.nullable(),
  /** Guardians: the policy version they last agreed to (null: never) and the one in force. */
  agreement: z
    .object({
      agreedVersion: z.number().int().nullable(),
      currentVersion: z.number().int(),
      agreedAt: z.string().nullable(),
      /**
       * Whether the version they agreed to states the same agreement as the one in force (its text,
       * the organisation's name and contact, and the facts from its values). False: agree again; until
       * then their children cannot join.
       */
      covers: z.boolean().default(false),
    })
    .nullable(),
  /** True on a fresh install until the first administrator exists (the link is in the server's log). */
  setupPending: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const InvitationKind = z.enum(['first_run', 'staff', 'family', 'student']);
export type InvitationKind = z.infer<typeof InvitationKind>;

/** What an invitation link's page shows before the person creates their account. */
export const InvitationPreview = z.object({
  kind: InvitationKind,
  role: AccountRole,
  /** Fixed by the invitation for staff and families; null for the first administrator (they choose). */
  email: z.string().nullable(),
  invitedBy: z.string().nullable(),
  /**
   * Family enrolments: the children the inviter named; a further guardian's invitation: the child they
   * will be guardian of; student sign-ins: the student it is for.
   */
  children: z.array(z.object({ id: z.string(), name: z.string(), minor: z.boolean() })),
  /** A family invitation for a further guardian of a child already enrolled (not a new family). */
  additionalGuardian: z.boolean(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationRequest = z.object({
  name: PersonName,
  /** Required for the first administrator; must equal the invited address otherwise. */
  email: Email.optional(),
  password: Password,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const InviteStaffRequest = z.object({ email: Email, role: StaffRole });
export type InviteStaffRequest = z.infer<typeof InviteStaffRequest>;

export const ChildInput = z.object({
  name: PersonName,
  /** Children are minors unless said otherwise (fail closed: a minor needs a guardian's consent too). */
  minor: z.boolean().default(true),
});
export type ChildInput = z.infer<typeof ChildInput>;

export const InviteFamilyRequest = z.object({
  guardianEmail: Email,
  /** The children the tutor or admin expects; the guardian confirms them and may add more. */
  children: z.array(ChildInput).max(10, 'At most 10 children').default([]),
});
export type InviteFamilyRequest = z.infer<typeof InviteFamilyRequest>;

/** A sent invitation: the link is returned only when it could not be mailed (no SMTP_URL). */
export const InvitationCreated = z.object({
  invitationId: z.string(),
  email: z.string(),
  role: AccountRole,
  expiresAt: z.string(),
  mailed: z.boolean(),
  link: z.string().url().nullable(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/** A guardian (or, for an adult student, a tutor or admin) gives an enrolled student a sign-in of their own. */
export const InviteStudentRequest = z.object({ email: Email });
export type InviteStudentRequest = z.infer<typeof InviteStudentRequest>;

/** A guardian of an enrolled child (or an admin) invites another parent or guardian for that child. */
export const InviteGuardianRequest = z.object({ email: Email });
export type InviteGuardianRequest = z.infer<typeof InviteGuardianRequest>;

export const GiveAgreementRequest = z.object({
  /** The policy version the guardian read; an older one is refused so they read what is in force. */
  policyVersion: z.number().int().positive(),
  adultConfirmed: z.literal(true, { error: 'Confirm that you are 18 or over' }),
});
export type GiveAgreementRequest = z.infer<typeof GiveAgreementRequest>;

export const Student = z.object({
  id: z.string(),
  name: z.string(),
  minor: z.boolean(),
  guardians: z.array(z.object({ userId: z.string(), name: z.string(), agreed: z.boolean() })),
  /** May join sessions: an adult, or a minor with a guardian who has registered and agreed. */
  enrolled: z.boolean(),
  /** The student has a sign-in of their own. */
  hasSignIn: z.boolean(),
  doNotRecord: z.boolean(),
});
export type Student = z.infer<typeof Student>;

export const StudentList = z.object({ students: z.array(Student) });
export type StudentList = z.infer<typeof StudentList>;

export const AddChildRequest = ChildInput;
export type AddChildRequest = z.infer<typeof AddChildRequest>;

export const SetRecordingPreferenceRequest = z.object({ doNotRecord: z.boolean() });
export type SetRecordingPreferenceRequest = z.infer<typeof SetRecordingPreferenceRequest>;

export const RecordingPreferenceChange = z.object({
  doNotRecord: z.boolean(),
  changedBy: z.string(),
  at: z.string(),
});
export const RecordingPreference = z.object({
  studentId: z.string(),
  doNotRecord: z.boolean(),
  history: z.array(RecordingPreferenceChange),
});
export type RecordingPreference = z.infer<typeof RecordingPreference>;

export const PersonSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: AccountRole,
  createdAt: z.string(),
  /** When an administrator disabled the account; null (or absent) while it may sign in. */
  disabledAt: z.string().nullable().default(null),
});
export const PeopleList = z.object({
  people: z.array(PersonSummary),
  pendingInvitations: z.array(
    z.object({
      id: z.string(),
      email: z.string().nullable(),
      role: AccountRole,
      kind: InvitationKind,
      expiresAt: z.string(),
    }),
  ),
});
export type PeopleList = z.infer<typeof PeopleList>;

/** One of "Your sessions" on the dashboard. */
export const MySession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** When it takes place; null for a session made to start at once (its Join is always open). */
  time: SessionTime.nullable().optional(),
  /** The caller's role in it; null for staff who only oversee it. */
  role: SessionRole.nullable(),
  /** The caller's own join link (null if they are not in the session, or may not join yet). */
  joinUrl: z.string().url().nullable(),
  /** Why the caller may not join yet (a minor whose guardian has not agreed), else null. */
  refusal: z.string().nullable(),
  /** Guardians: a join link for each of their children in the session, to open on the child's device. */
  children: z.array(
    z.object({
      /** The child's seat in this session (what advance consent is given for). */
      personId: z.string(),
      name: z.string(),
      joinUrl: z.string().url().nullable(),
      refusal: z.string().nullable(),
      /** Purposes the caller's family consented to in advance for this child here; empty: none. */
      advanceConsent: z.array(z.string()),
    }),
  ),
  people: z.array(z.object({ name: z.string(), role: SessionRole })),
  /**
   * Whether the caller may read its chat log (and the whiteboard kept with it) afterwards, by the policy
   * in force; the server checks again, and audits, on reading. Absent from older servers: false.
   */
  mayReadChatLog: z.boolean().optional(),
  /** Whether a whiteboard was kept with its chat log (said only where `mayReadChatLog`). */
  hasSavedBoard: z.boolean().optional(),
  /**
   * Whether talk time was measured in it and the caller may see it: `can('insights.read')`, the rule the
   * insights route reads it with, which checks again and audits. Absent (a server before it): not offered.
   */
  mayReadTalkTime: z.boolean().optional(),
  /**
   * Whether a guardian was there at each minor's start and end (VTO): for the session's tutor, admins
   * and each child's own guardians (theirs only). Absent for everyone else.
   */
  guardianPresence: z.array(MinorGuardianPresence).optional(),
});
export type MySession = z.infer<typeof MySession>;

export const MySessionList = z.object({ sessions: z.array(MySession) });

/**
 * `PUT /api/sessions/:id/advance-consent`: a guardian consents ahead of the session, for their child's
 * seat, to recording for these purposes (consent rule 3; only where the policy allows). An empty list
 * withdraws it.
 */
export const AdvanceConsentRequest = z.object({
  studentPersonId: z.string().min(1).max(64),
  purposes: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/)).max(20),
});
export type AdvanceConsentRequest = z.infer<typeof AdvanceConsentRequest>;

export const AdvanceConsentResponse = z.object({ purposes: z.array(z.string()), at: z.string() });
export type AdvanceConsentResponse = z.infer<typeof AdvanceConsentResponse>;
export type MySessionList = z.infer<typeof MySessionList>;

export const PolicyResponse = OrganisationPolicy;
