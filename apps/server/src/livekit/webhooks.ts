/** Verifies LiveKit webhook deliveries and turns them into what we store. */
import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { AppError } from '../http/app-error';
import { type EgressSnapshot, toEgressSnapshot } from './egress';
import type { LiveKitCredentials } from './tokens';

export const presenceEvents = new Set(['participant_joined', 'participant_left']);
export const egressEvents = new Set(['egress_started', 'egress_updated', 'egress_ended']);

/**
 * Checks the Authorization JWT (signed with our API secret, carrying the body's sha256) and parses the body.
 * Anything short of a valid signature over this exact body is a 401 and must write nothing.
 */
export async function verifyWebhook(
  credentials: LiveKitCredentials,
  body: string,
  authorization: string | undefined,
): Promise<WebhookEvent> {
  const receiver = new WebhookReceiver(credentials.apiKey, credentials.apiSecret);
  try {
    return await receiver.receive(body, authorization);
  } catch (error) {
    // The signature is checked before the body is parsed, so a parse failure means a signed but garbled body.
    if (error instanceof SyntaxError)
      throw new AppError(400, 'validation_failed', 'Webhook body is not valid JSON');
    throw new AppError(401, 'webhook_signature_invalid', 'Webhook signature is missing or invalid');
  }
}

export interface WebhookSummary {
  id: string;
  event: string;
  roomName: string | undefined;
  identity: string | undefined;
  /** LiveKit's participant session id: new for every session of an identity, kept across a resume. */
  participantSid: string | undefined;
  /** Participant kind by enum name (STANDARD, EGRESS, AGENT, ...), never by number. */
  participantKind: string;
  /** LiveKit's hidden permission: only server-minted tokens (the recorder's) carry it. */
  participantHidden: boolean;
  occurredAt: string | undefined;
  egress: EgressSnapshot | undefined;
}

export function summarizeWebhook(event: WebhookEvent): WebhookSummary {
  const participant = event.participant?.toJson({ emitDefaultValues: true }) as
    | { kind?: unknown }
    | undefined;
  const seconds = Number(event.createdAt);
  return {
    id: event.id,
    event: event.event,
    roomName: event.room?.name || event.egressInfo?.roomName || undefined,
    identity: event.participant?.identity || undefined,
    participantSid: event.participant?.sid || undefined,
    participantKind: typeof participant?.kind === 'string' ? participant.kind : 'STANDARD',
    participantHidden: event.participant?.permission?.hidden === true,
    egress: event.egressInfo ? toEgressSnapshot(event.egressInfo) : undefined,
    occurredAt: seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined,
  };
}
