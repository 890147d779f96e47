import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { saveBoard } from '../board/save-board';
import { egressNews, participantJoined, participantLeft } from '../consent/livekit-news';
import type { Db } from '../db/database';
import type { AppDeps, AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { finishedEgressStatuses } from '../livekit/egress';
import { isTalkObserverIdentity } from '../livekit/talk-observer-token';
import {
  egressEvents,
  presenceEvents,
  summarizeWebhook,
  verifyWebhook,
  type WebhookSummary,
} from '../livekit/webhooks';
import { validationHook } from '../middleware/error-handling';
import { insertWebhookEvent, recordJoined, recordLeft } from '../presence/presence-repository';
import { resolveRoomParticipant } from '../sessions/session-repository';
import { errorResponse } from './error-responses';

const WebhookAck = z.object({ received: z.literal(true), duplicate: z.boolean() });

const livekitWebhook = createRoute({
  method: 'post',
  path: '/livekit/webhook',
  tags: ['livekit'],
  summary: 'LiveKit webhook receiver (signed with the LiveKit API secret)',
  description:
    'The body is read as raw text and verified against the sha256 claim of the Authorization JWT. ' +
    'Deliveries are deduplicated by event id. Joins, leaves and egress news feed the consent machine.',
  responses: {
    200: {
      description: 'Stored, or already stored',
      content: { 'application/json': { schema: WebhookAck } },
    },
    400: errorResponse('Signed but unusable body'),
    401: errorResponse('webhook_signature_invalid: bad or missing signature'),
  },
});

export const webhookRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  livekitWebhook,
  async (c) => {
    const { config, db, now } = c.var.deps;
    // The signature covers the exact bytes sent, so the body must be read as text, never re-serialised.
    const body = await c.req.text();
    const event = summarizeWebhook(await verifyWebhook(config.livekit, body, c.req.header('Authorization')));
    if (!event.id) throw new AppError(400, 'validation_failed', 'Webhook event has no id');

    const receivedAt = now().toISOString();
    const stored = await db.transaction().execute(async (trx) => {
      const fresh = await insertWebhookEvent(trx, {
        id: event.id,
        event: event.event,
        roomName: event.roomName,
        participantIdentity: event.identity,
        occurredAt: event.occurredAt,
        receivedAt,
      });
      if (!fresh || !presenceEvents.has(event.event) || !event.roomName || !event.identity) return fresh;
      // The talk-time observer is the server's own hidden listener, never someone present.
      if (isTalkObserverIdentity(event.identity)) return fresh;

      const match = await resolveRoomParticipant(trx, event.roomName, event.identity);
      const presence = {
        id: randomUUID(),
        sessionId: match?.sessionId ?? null,
        roomName: event.roomName,
        identity: event.identity,
        personId: match?.personId ?? null,
        known: match?.personId !== undefined,
        kind: event.participantKind,
      };
      const at = event.occurredAt ?? receivedAt;
      if (event.event === 'participant_joined') await recordJoined(trx, { ...presence, joinedAt: at });
      else await recordLeft(trx, { ...presence, leftAt: at });
      return true;
    });

    if (stored) {
      try {
        await feedConsentMachine(c.var.deps, event);
      } catch (error) {
        // Forget the delivery so LiveKit's retry is applied rather than dropped as a duplicate.
        await db.deleteFrom('webhook_events').where('id', '=', event.id).execute();
        throw error;
      }
    }
    c.var.logger.info({ event: event.event, eventId: event.id, duplicate: !stored }, 'livekit webhook');
    return c.json({ received: true as const, duplicate: !stored }, 200);
  },
);

/** Joins, leaves and egress news for one of our rooms become consent machine events. */
async function feedConsentMachine(deps: Required<AppDeps>, event: WebhookSummary): Promise<void> {
  if (!event.roomName) return;
  const session = await deps.db
    .selectFrom('sessions')
    .select('id')
    .where('room_name', '=', event.roomName)
    .executeTakeFirst();
  if (!session) return;
  if (isTalkObserverIdentity(event.identity)) return;
  tellTalkObserver(deps, session.id, event);
  if (event.event === 'participant_joined' && event.identity) {
    await participantJoined(deps.db, deps.consent, session.id, {
      identity: event.identity,
      kind: event.participantKind,
      hidden: event.participantHidden,
      sid: event.participantSid,
    });
    // A token minted before the account was disabled still connects until it expires: take them out.
    if (await seatOfDisabledAccount(deps.db, session.id, event.identity)) {
      await deps.roomService.removeParticipant(event.roomName, event.identity).catch((err) => {
        deps.logger.warn({ err }, 'could not remove a disabled account from a call');
      });
    }
  } else if (
    (event.event === 'participant_left' || event.event === 'participant_connection_aborted') &&
    event.identity
  ) {
    await participantLeft(deps.db, deps.consent, session.id, event.identity, { sid: event.participantSid });
  } else if (event.event === 'room_finished') {
    // Everyone has gone (or the tutor ended the session): the whiteboard is kept with the chat log.
    await saveBoard(deps.db, session.id, deps.now());
  } else if (egressEvents.has(event.event) && event.egress) {
    await egressNews(deps.db, deps.consent, session.id, event.egress, deps.now());
    // A recorder that ended (or crashed) leaves its browser in the room for a while: take it out, so
    // LiveKit stops telling every client the room is recording.
    if (finishedEgressStatuses.has(event.egress.status)) {
      await deps.roomService.removeParticipant(event.roomName, event.egress.egressId).catch(() => {});
      // Its file is complete: into the vault now, plaintext removed (not awaited by LiveKit's request).
      deps.vault.collect().catch((err) => deps.logger.error({ err }, 'vault ingest failed'));
    }
  }
}

/** Talk time is measured while a room is live: watched from the first seat's join, left at its end. */
function tellTalkObserver(deps: Required<AppDeps>, sessionId: string, event: WebhookSummary): void {
  const failed = (err: unknown) => deps.logger.error({ err, sessionId }, 'talk time observer failed');
  if (
    event.event === 'participant_joined' &&
    event.roomName &&
    !event.participantHidden &&
    event.participantKind !== 'EGRESS'
  )
    deps.talk.roomActive(sessionId, event.roomName).catch(failed);
  else if (event.event === 'room_finished') deps.talk.roomEnded(sessionId).catch(failed);
}

async function seatOfDisabledAccount(db: Db, sessionId: string, identity: string): Promise<boolean> {
  const seat = await db
    .selectFrom('people')
    .innerJoin('users', 'users.id', 'people.user_id')
    .select('users.disabled_at')
    .where('people.session_id', '=', sessionId)
    .where('people.livekit_identity', '=', identity)
    .executeTakeFirst();
  return seat?.disabled_at != null;
}
