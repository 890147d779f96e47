/**
 * Participant attribute keys the server sets, and the data topic it uses to tell one person, and only
 * them, their own consent decision. Kept free of zod so the call page can import them without pulling in
 * the schemas.
 */
export const ParticipantAttribute = {
  name: 'assent.name',
  role: 'assent.role',
  personId: 'assent.person',
  /** When this person raised their hand (ISO time), set by the server; absent or '' when lowered. */
  handRaisedAt: 'assent.hand',
} as const;

/** A seat's role (`SessionRole`) as every screen shows it: tiles, lists, the recording layout, the join page. */
export const seatRoleLabels = {
  tutor: 'Tutor',
  student: 'Student',
  guardian: 'Guardian',
  observer: 'Observer',
} as const satisfies Record<string, string>;

/**
 * SECURITY: every participant can read every participant's attributes, so a decision must never be one
 * (anyone could learn who withdrew or declined). The server sends each person their own decision as a
 * data message addressed to them alone, on this topic; everyone else sees only counts.
 */
export const MyConsentTopic = 'assent.my_consent';

/**
 * What the server tells one person about the tutor running the room (their microphone, camera or share
 * turned off), on this topic, addressed to them alone. Removal and the end of the session need no
 * message: LiveKit's disconnect reason says it.
 */
export const RoomControlTopic = 'assent.room_control';

export type MutedMedia = 'microphone' | 'camera' | 'screen_share';

export interface RoomControlMessage {
  kind: 'muted';
  media: MutedMedia;
}

const mutedMedia = new Set<string>(['microphone', 'camera', 'screen_share']);

/** The message's content, or undefined for anything that is not one. */
export function parseRoomControlMessage(text: string): RoomControlMessage | undefined {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return undefined;
    const { kind, media } = json as Record<string, unknown>;
    if (kind !== 'muted' || typeof media !== 'string' || !mutedMedia.has(media)) return undefined;
    return { kind, media: media as MutedMedia };
  } catch {
    return undefined;
  }
}

export type MyConsentValue = 'pending' | 'consented' | 'declined' | 'withdrawn';

export interface MyConsentMessage {
  requestId: string;
  decision: MyConsentValue;
}

const decisions = new Set<string>(['pending', 'consented', 'declined', 'withdrawn']);

/** The message's content, or undefined for anything that is not one. */
export function parseMyConsentMessage(text: string): MyConsentMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { requestId, decision } = json as Record<string, unknown>;
  if (typeof requestId !== 'string' || requestId === '' || typeof decision !== 'string') return undefined;
  if (!decisions.has(decision)) return undefined;
  return { requestId, decision: decision as MyConsentValue };
}
