import { type MyConsentMessage, MyConsentTopic, parseMyConsentMessage } from '@assent/shared';

/**
 * This person's own decision, from a LiveKit data message, or undefined for any other message.
 *
 * SECURITY: the server sends each person their decision addressed to them alone; nobody else's decision
 * ever reaches this page. Only a message from the server counts (LiveKit names no sender for those); a
 * participant cannot send one anyway, since no browser token may publish data.
 */
export function ownDecisionFrom(
  payload: Uint8Array,
  sender: { identity: string } | undefined,
  topic: string | undefined,
): MyConsentMessage | undefined {
  if (sender !== undefined || topic !== MyConsentTopic) return undefined;
  return parseMyConsentMessage(new TextDecoder().decode(payload));
}
