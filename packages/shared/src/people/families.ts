/**
 * Families that grow: another child enrolled for a guardian who already has an account (pending until
 * the guardian confirms), a family moved to another tutor, and a seat's join link replaced.
 */
import { z } from 'zod';
import { ChildInput, Email } from './api';

/** A tutor or admin asks to enrol children with a guardian who already has an account (by their address). */
export const RequestEnrolmentRequest = z.object({
  guardianEmail: Email,
  children: z.array(ChildInput).min(1, 'Name at least one child').max(10, 'At most 10 children'),
});
export type RequestEnrolmentRequest = z.infer<typeof RequestEnrolmentRequest>;

export const PendingEnrolmentStatus = z.enum(['pending', 'confirmed', 'declined']);
export type PendingEnrolmentStatus = z.infer<typeof PendingEnrolmentStatus>;

/** One child asked to be enrolled with a guardian, as the guardian and the asker see it. */
export const PendingEnrolment = z.object({
  id: z.string(),
  childName: z.string(),
  minor: z.boolean(),
  /** The tutor or admin who asked. */
  requestedBy: z.string(),
  guardianName: z.string(),
  requestedAt: z.string(),
  status: PendingEnrolmentStatus,
  /** Whether the guardian was mailed that the request awaits them (false without SMTP_URL). */
  mailed: z.boolean().optional(),
});
export type PendingEnrolment = z.infer<typeof PendingEnrolment>;

export const PendingEnrolmentList = z.object({ enrolments: z.array(PendingEnrolment) });
export type PendingEnrolmentList = z.infer<typeof PendingEnrolmentList>;

/** A family as an admin sees it to move it: the guardian, their children and who teaches each. */
export const FamilySummary = z.object({
  guardianUserId: z.string(),
  guardianName: z.string(),
  guardianEmail: z.string(),
  children: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      tutorUserId: z.string().nullable(),
      tutorName: z.string().nullable(),
    }),
  ),
});
export type FamilySummary = z.infer<typeof FamilySummary>;

export const FamilyList = z.object({
  families: z.array(FamilySummary),
  tutors: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type FamilyList = z.infer<typeof FamilyList>;

export const MoveFamilyRequest = z.object({ tutorUserId: z.string().min(1) });
export type MoveFamilyRequest = z.infer<typeof MoveFamilyRequest>;

export const FamilyMoved = z.object({ movedStudentIds: z.array(z.string()), tutorUserId: z.string() });
export type FamilyMoved = z.infer<typeof FamilyMoved>;

/** A seat's new join link: every earlier one for the seat no longer works. Shown once. */
export const ReplacedLink = z.object({ personId: z.string(), url: z.string(), expiresAt: z.string() });
export type ReplacedLink = z.infer<typeof ReplacedLink>;
