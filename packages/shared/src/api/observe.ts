import { z } from 'zod';
import { SessionRole } from './roles';

/** A session with people in its call now, as the staff who may observe it see it. */
export const LiveSession = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** Every seat, and whether that person is in the call now (observers included: nobody watches unseen). */
  people: z.array(z.object({ name: z.string(), role: SessionRole, inCall: z.boolean() })),
});
export type LiveSession = z.infer<typeof LiveSession>;

export const LiveSessionList = z.object({ sessions: z.array(LiveSession) });
export type LiveSessionList = z.infer<typeof LiveSessionList>;

/** The observer's own join link: their Observer seat in the session, which everyone in the call sees. */
export const ObserveResponse = z.object({ joinUrl: z.string().url() });
export type ObserveResponse = z.infer<typeof ObserveResponse>;
