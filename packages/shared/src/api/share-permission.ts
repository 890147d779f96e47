import { z } from 'zod';

/** The tutor lets someone in the call share their screen, or stops them (revocable at any time). */
export const SharePermissionBody = z.object({
  personId: z.string().min(1).max(100),
  mayShare: z.boolean(),
});
export type SharePermissionBody = z.infer<typeof SharePermissionBody>;

export const SharePermissionResponse = z.object({ personId: z.string(), mayShare: z.boolean() });
export type SharePermissionResponse = z.infer<typeof SharePermissionResponse>;
