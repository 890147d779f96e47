/**
 * Families that grow: a child asked to be enrolled with a guardian who already has an account, and the
 * tutor a student was moved to. Timestamps ISO-8601 UTC text, booleans 0/1, as everywhere.
 */

export type PendingEnrolmentStatus = 'pending' | 'confirmed' | 'declined';

/**
 * A tutor or admin asks to enrol a child with an existing guardian. Nothing is made in the guardian's
 * name (no student, no guardianship) until they confirm; `student_id` is the student made then.
 */
export interface PendingEnrolmentsTable {
  id: string;
  guardian_user_id: string;
  child_name: string;
  minor: number;
  requested_by_user_id: string;
  requested_at: string;
  status: PendingEnrolmentStatus;
  answered_at: string | null;
  student_id: string | null;
}

/**
 * The tutor a student was given: by an admin moving a family, or to the tutor who asked to enrol them.
 * Where a row exists it alone says who teaches the student (people/family-repository.ts `taughtBy`).
 */
export interface StudentTutorsTable {
  student_id: string;
  tutor_user_id: string;
  assigned_at: string;
  assigned_by_user_id: string;
}

export interface FamilyTables {
  pending_enrolments: PendingEnrolmentsTable;
  student_tutors: StudentTutorsTable;
}
