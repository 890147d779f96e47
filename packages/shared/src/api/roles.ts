import { z } from 'zod';

/**
 * Who a person is in a session. Reviewers and admins get no invite; they may join a live call only as an
 * `observer`, a seat of their own that everyone in the call sees and whose consent counts like anyone's.
 */
export const SessionRole = z.enum(['tutor', 'student', 'guardian', 'observer']);
export type SessionRole = z.infer<typeof SessionRole>;
