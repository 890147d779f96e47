import { z } from 'zod';

/** Who a person is in a session. Reviewers and admins act outside calls and get no invite. */
export const SessionRole = z.enum(['tutor', 'student', 'guardian']);
export type SessionRole = z.infer<typeof SessionRole>;
