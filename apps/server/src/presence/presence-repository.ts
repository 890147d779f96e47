/** Webhook dedupe rows and participant presence intervals. */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { ParticipantPresenceTable } from './presence-tables';

export interface WebhookEventRecord {
  id: string;
  event: string;
  roomName: string | undefined;
  participantIdentity: string | undefined;
  occurredAt: string | undefined;
  receivedAt: string;
}

export interface Presence {
  id: string;
  sessionId: string | null;
  roomName: string;
  identity: string;
  personId: string | null;
  known: boolean;
  kind: string;
  joinedAt: string | null;
  leftAt: string | null;
}

export const toPresence = (row: Selectable<ParticipantPresenceTable>): Presence => ({
  id: row.id,
  sessionId: row.session_id,
  roomName: row.room_name,
  identity: row.identity,
  personId: row.person_id,
  known: row.known === 1,
  kind: row.kind,
  joinedAt: row.joined_at,
  leftAt: row.left_at,
});

/** Records a delivery; false when this event id was already recorded (a redelivery). */
export async function insertWebhookEvent(db: DbOrTrx, event: WebhookEventRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_events')
    .values({
      id: event.id,
      event: event.event,
      room_name: event.roomName ?? null,
      participant_identity: event.participantIdentity ?? null,
      occurred_at: event.occurredAt ?? null,
      received_at: event.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

type PresenceIdentity = Omit<Presence, 'leftAt' | 'joinedAt'>;
export type PresenceStart = PresenceIdentity & { joinedAt: string };

/** The one place a presence interval becomes a row. */
async function insertPresence(
  db: DbOrTrx,
  presence: PresenceIdentity,
  interval: { joinedAt: string | null; leftAt: string | null },
): Promise<void> {
  await db
    .insertInto('participant_presence')
    .values({
      id: presence.id,
      session_id: presence.sessionId,
      room_name: presence.roomName,
      identity: presence.identity,
      person_id: presence.personId,
      known: presence.known ? 1 : 0,
      kind: presence.kind,
      joined_at: interval.joinedAt,
      left_at: interval.leftAt,
    })
    .execute();
}

export async function recordJoined(db: DbOrTrx, presence: PresenceStart): Promise<void> {
  await insertPresence(db, presence, { joinedAt: presence.joinedAt, leftAt: null });
}

/**
 * Closes the open interval for this identity in this room. If the join was never delivered
 * (webhooks are not guaranteed), the leave is still kept as an interval with no start.
 */
export async function recordLeft(db: DbOrTrx, presence: PresenceIdentity & { leftAt: string }) {
  const open = await db
    .selectFrom('participant_presence')
    .select('id')
    .where('room_name', '=', presence.roomName)
    .where('identity', '=', presence.identity)
    .where('left_at', 'is', null)
    .orderBy('joined_at', 'desc')
    .executeTakeFirst();
  if (open) {
    await db
      .updateTable('participant_presence')
      .set({ left_at: presence.leftAt })
      .where('id', '=', open.id)
      .execute();
    return;
  }
  await insertPresence(db, presence, { joinedAt: null, leftAt: presence.leftAt });
}

export async function listPresence(db: DbOrTrx, roomName: string): Promise<Presence[]> {
  const rows = await db
    .selectFrom('participant_presence')
    .selectAll()
    .where('room_name', '=', roomName)
    .orderBy('joined_at')
    .execute();
  return rows.map(toPresence);
}
