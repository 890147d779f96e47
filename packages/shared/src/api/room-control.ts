import { z } from 'zod';
import { SessionRole } from './roles';

const SeatId = z.string().min(1).max(64);

/** The tutor turns off one person's microphone, camera or screen share. */
export const MuteParticipantBody = z.object({
  personId: SeatId,
  media: z.enum(['microphone', 'camera', 'screen_share']),
});
export type MuteParticipantBody = z.infer<typeof MuteParticipantBody>;

export const MuteParticipantResponse = z.object({ mutedTracks: z.number().int().nonnegative() });
export type MuteParticipantResponse = z.infer<typeof MuteParticipantResponse>;

/** One seat the tutor removes from the call, or lets back in. */
export const SeatActionBody = z.object({ personId: SeatId });
export type SeatActionBody = z.infer<typeof SeatActionBody>;

export const SeatActionResponse = z.object({ personId: z.string(), removed: z.boolean() });
export type SeatActionResponse = z.infer<typeof SeatActionResponse>;

/** Seats the tutor removed from the call, waiting to be let back in. */
export const RemovedSeatList = z.object({
  people: z.array(z.object({ personId: z.string(), name: z.string(), role: SessionRole })),
});
export type RemovedSeatList = z.infer<typeof RemovedSeatList>;

export const EndSessionResponse = z.object({ recordingStopped: z.boolean() });
export type EndSessionResponse = z.infer<typeof EndSessionResponse>;

/** Raise or lower one's own hand; the server sets the time on the person's attributes, for the order. */
export const RaiseHandBody = z.object({ raised: z.boolean() });
export type RaiseHandBody = z.infer<typeof RaiseHandBody>;

export const RaiseHandResponse = z.object({ raisedAt: z.string().nullable() });
export type RaiseHandResponse = z.infer<typeof RaiseHandResponse>;
