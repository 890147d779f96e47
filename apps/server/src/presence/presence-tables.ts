/** Webhook deliveries and who was in which room, as LiveKit reported it. */
export interface WebhookEventsTable {
  /** LiveKit's webhook event id: the primary key is what makes redelivery a no-op. */
  id: string;
  event: string;
  room_name: string | null;
  participant_identity: string | null;
  /** LiveKit's own event time (ISO), when it sent one. */
  occurred_at: string | null;
  received_at: string;
}

export interface ParticipantPresenceTable {
  /** The webhook event id of the join (or of the leave, when the join was never delivered). */
  id: string;
  /** Null when the room is not one of our sessions. */
  session_id: string | null;
  room_name: string;
  identity: string;
  /** Null for an identity we never issued: an unknown participant counts as one without consent. */
  person_id: string | null;
  known: number;
  /** LiveKit participant kind by enum name (STANDARD, EGRESS, ...). */
  kind: string;
  joined_at: string | null;
  left_at: string | null;
}

export interface PresenceTables {
  webhook_events: WebhookEventsTable;
  participant_presence: ParticipantPresenceTable;
}
