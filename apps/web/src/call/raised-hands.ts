/** Raised hands in the order they went up (the server's time on each person's LiveKit attributes). */
import { ParticipantAttribute } from '@assent/shared';

export interface RaisedHand {
  identity: string;
  name: string;
  /** 1 for the first hand up. */
  place: number;
}

interface HandHolder {
  identity: string;
  name?: string;
  attributes: Readonly<Record<string, string>>;
}

export function raisedHands(participants: readonly HandHolder[]): RaisedHand[] {
  return participants
    .flatMap((p) => {
      const at = p.attributes[ParticipantAttribute.handRaisedAt];
      return at ? [{ identity: p.identity, name: p.name || p.identity, at }] : [];
    })
    .sort((a, b) => a.at.localeCompare(b.at) || a.identity.localeCompare(b.identity))
    .map(({ identity, name }, index) => ({ identity, name, place: index + 1 }));
}

/** This person's place in the queue, or undefined while their hand is down. */
export function placeOf(hands: readonly RaisedHand[], identity: string): number | undefined {
  return hands.find((h) => h.identity === identity)?.place;
}
