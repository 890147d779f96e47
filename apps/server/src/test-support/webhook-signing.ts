import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/**
 * Signs a webhook body the way livekit-server does: a JWT issued by the API key, signed with the
 * secret, whose `sha256` claim is the base64 SHA-256 digest of the exact body text.
 */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: 300 });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

let counter = 0;

export interface WebhookBodyInput {
  event: string;
  id?: string;
  roomName?: string;
  identity?: string;
  kind?: string;
  createdAt?: number;
  /** The participant holds LiveKit's hidden permission. */
  hidden?: boolean;
  /** LiveKit's participant session id; one per identity unless a test starts a new session. */
  sid?: string;
  /** Egress events: the egress, with its status by enum name. */
  egress?: {
    egressId: string;
    roomName: string;
    status: string;
    error?: string;
    filename?: string;
    /** Egress's start and its file's start, epoch nanoseconds. */
    startedAt?: bigint;
    fileStartedAt?: bigint;
  };
}

/** A webhook body shaped like livekit-server's JSON (protojson field names, int64 as string). */
export function webhookBody(input: WebhookBodyInput): string {
  counter += 1;
  return JSON.stringify({
    event: input.event,
    id: input.id ?? `EV_test_${counter}`,
    createdAt: String(input.createdAt ?? Math.floor(Date.now() / 1000)),
    ...(input.roomName ? { room: { sid: 'RM_x', name: input.roomName } } : {}),
    ...(input.identity
      ? {
          participant: {
            sid: input.sid ?? `PA_${input.identity}`,
            identity: input.identity,
            name: 'shown name',
            kind: input.kind ?? 'STANDARD',
            ...(input.hidden ? { permission: { hidden: true } } : {}),
          },
        }
      : {}),
    ...(input.egress
      ? {
          egressInfo: {
            egressId: input.egress.egressId,
            roomName: input.egress.roomName,
            status: input.egress.status,
            ...(input.egress.error ? { error: input.egress.error } : {}),
            ...(input.egress.startedAt ? { startedAt: String(input.egress.startedAt) } : {}),
            ...(input.egress.filename || input.egress.fileStartedAt
              ? {
                  fileResults: [
                    {
                      filename: input.egress.filename ?? '',
                      ...(input.egress.fileStartedAt
                        ? { startedAt: String(input.egress.fileStartedAt) }
                        : {}),
                    },
                  ],
                }
              : {}),
          },
        }
      : {}),
  });
}
