import { z } from 'zod';

/**
 * A new organisation's first steps, as the admin's home shows them. Each is read from what exists,
 * never ticked by hand: a step is done when the thing it asks for has happened.
 */
export const FirstRunChecklist = z.object({
  /** A staff invitation not withdrawn, or a staff account besides the admin asking. */
  staffInvited: z.boolean(),
  /**
   * An administrator saved a version of the recording policy (the agreement text is part of it), or
   * marked the version in force as reviewed.
   */
  policyReviewed: z.boolean(),
  /** At least one student is enrolled (a family enrolment names its children). */
  familyEnrolled: z.boolean(),
});
export type FirstRunChecklist = z.infer<typeof FirstRunChecklist>;
